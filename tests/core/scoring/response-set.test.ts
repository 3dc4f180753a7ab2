import { describe, expect, it } from "vitest";
import { CORE_RATING_KEYS, RATING_KEYS, ratingsFromAnswers } from "../../../core/scoring";

describe("ratingsFromAnswers", () => {
  it("keeps ratings and \"don't know\", dropping answers that are not ratings", () => {
    const ratings = ratingsFromAnswers({
      "air_pollution.intensity": { value: 4 },
      "wages_benefits.efforts": { value: null },
      "community_health.existence": { value: 0 },
      consent: { value: "yes" },
      "economic.turnover": { value: 3 },
    });
    expect(ratings).toEqual({
      "air_pollution.intensity": 4,
      "wages_benefits.efforts": null,
      "community_health.existence": 0,
    });
  });

  it("drops values under rating keys that are not 0–5 ratings", () => {
    const ratings = ratingsFromAnswers({
      "air_pollution.existence": { value: "4" },
      "air_pollution.intensity": { value: 6 },
      "air_pollution.efforts": { value: -1 },
      "noise_pollution.efforts": { value: Number.NaN },
    });
    expect(ratings).toEqual({});
  });
});

describe("rating keys", () => {
  it("has 21 core keys and 27 in all", () => {
    expect(CORE_RATING_KEYS).toHaveLength(21);
    expect(new Set(RATING_KEYS).size).toBe(27);
    expect(CORE_RATING_KEYS.slice(0, 3)).toEqual(["wages_benefits.existence", "wages_benefits.intensity", "wages_benefits.efforts"]);
  });
});
