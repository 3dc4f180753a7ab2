import { describe, expect, it } from "vitest";
import { engagement, linearEngagement, reciprocalEngagement } from "../../../core/scoring";

describe("linear engagement", () => {
  it("turns the efforts mean round: no efforts is 0, concrete initiatives everywhere is 5", () => {
    expect(linearEngagement(5)).toBe(0);
    expect(linearEngagement(0)).toBe(5);
    expect(engagement([5, 4], "linear")).toBe(0.5);
  });
});

describe("guide-reciprocal engagement", () => {
  it("is 25 over the efforts total", () => {
    expect(reciprocalEngagement(27)).toBeCloseTo(25 / 27, 12);
    expect(reciprocalEngagement(35)).toBeCloseTo(5 / 7, 12);
  });

  it("is 5 when the total is 0 and never exceeds 5", () => {
    expect(reciprocalEngagement(0)).toBe(5);
    expect(engagement([0, 0, 0, 0, 0, 0, 0], "guide-reciprocal")).toBe(5);
    expect(reciprocalEngagement(2)).toBe(5);
    expect(reciprocalEngagement(5)).toBe(5);
  });

  it("totals only the issues that have efforts answers", () => {
    // Two issues answered with means 4 and 3: T = 7, not 7 × 7 / 2.
    expect(engagement([4, 3], "guide-reciprocal")).toBeCloseTo(25 / 7, 12);
  });
});

describe("engagement without efforts answers", () => {
  it("is unknown under both methods", () => {
    expect(engagement([], "linear")).toBeNull();
    expect(engagement([], "guide-reciprocal")).toBeNull();
  });
});
