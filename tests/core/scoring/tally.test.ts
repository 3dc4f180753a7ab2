import { describe, expect, it } from "vitest";
import { mergeTallies, tallyMean, tallyRatings, tallyResponseSets, tallySd } from "../../../core/scoring";
import { responseSet } from "./builders";

describe("rating tallies", () => {
  it("hold what a mean, spread and range need", () => {
    const tally = tallyRatings([1, 4, 4]);
    expect(tally).toEqual({ count: 3, sum: 9, sumOfSquares: 33, min: 1, max: 4 });
    expect(tallyMean(tally)).toBe(3);
    expect(tallySd(tally)).toBeCloseTo(Math.SQRT2, 12);
  });

  it("give no mean or spread without ratings", () => {
    const tally = tallyRatings([]);
    expect([tallyMean(tally), tallySd(tally), tally.min, tally.max]).toEqual([null, null, null, null]);
  });

  it("read a spread rounding pushes below zero as no spread at all", () => {
    // 0.1 + 0.2 style rounding: n·Σx² − (Σx)² comes out a hair negative for equal fractional ratings.
    const tally = tallyRatings([2.3, 2.3, 2.3]);
    expect(tallySd(tally)).toBe(0);
  });

  it("are the same bits whatever order the ratings come in", () => {
    const ratings = [0.1, 4.7, 2.3, 3.3, 0.7, 5, 1.9];
    expect(tallyRatings([...ratings].reverse())).toEqual(tallyRatings(ratings));
  });

  it("count respondents per issue once, however many of its ratings they gave, and skip excluded sets", () => {
    const tally = tallyResponseSets([
      responseSet("a", { "air_pollution.existence": 3, "air_pollution.intensity": 4, "air_pollution.efforts": null }),
      responseSet("b", { "air_pollution.efforts": 2 }),
      responseSet("c", { "air_pollution.intensity": null }),
      responseSet("d", { "air_pollution.intensity": 5 }, { counted: false }),
    ]);
    expect([tally.counted, tally.excluded]).toEqual([3, 1]);
    expect(tally.issues.air_pollution?.respondents).toBe(2);
    expect(tally.issues.air_pollution?.templates.intensity).toEqual({ count: 1, sum: 4, sumOfSquares: 16, min: 4, max: 4 });
    expect(tally.issues.wages_benefits).toBeUndefined();
  });

  it("merge two groups of sets into the tally of all of them", () => {
    const sets = [
      responseSet("a", { "air_pollution.existence": 3, "air_pollution.intensity": 4, "wages_benefits.efforts": 1 }),
      responseSet("b", { "air_pollution.efforts": 2, "air_pollution.intensity": null }),
      responseSet("c", { "noise_pollution.intensity": 0.5 }, { counted: false }),
      responseSet("d", { "air_pollution.intensity": 5, "noise_pollution.existence": 2, "noise_pollution.intensity": 1 }),
      responseSet("e", {}),
    ];
    for (let split = 0; split <= sets.length; split++) {
      const merged = mergeTallies(tallyResponseSets(sets.slice(0, split)), tallyResponseSets(sets.slice(split)));
      expect(merged).toEqual(tallyResponseSets(sets));
    }
  });
});
