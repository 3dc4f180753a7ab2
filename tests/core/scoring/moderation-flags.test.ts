import { describe, expect, it } from "vitest";
import { GUIDE_SCHEME, flagResponseSets } from "../../../core/scoring";
import type { FlagKind, ResponseSet } from "../../../core/scoring";
import { R1, R2, coreRatings, responseSet, uniformRatings } from "./builders";

function kinds(sets: ResponseSet[], id: string): FlagKind[] {
  return (flagResponseSets(sets, GUIDE_SCHEME).get(id) ?? []).map((flag) => flag.kind);
}

/** A set whose core intensity ratings are all `value`, other ratings varied so it does not straight-line. */
function withIntensity(id: string, value: number, extra: Partial<ResponseSet> = {}): ResponseSet {
  const row = [value, value, value, value, value, value, value];
  return responseSet(id, coreRatings([1, 2, 3, 4, 5, 0, 1], row, [2, 3, 4, 5, 0, 1, 2]), extra);
}

describe("straight-lining", () => {
  it("flags all 21 core ratings identical", () => {
    const flags = flagResponseSets([responseSet("same", uniformRatings(3))], GUIDE_SCHEME).get("same");
    expect(flags).toEqual([{ kind: "straight_lining", reasonKey: "scoring:flag.straight_lining.reason", params: { value: 3, count: 21 } }]);
  });

  it("does not flag when one rating differs or is \"don't know\"", () => {
    const oneDifferent = responseSet("diff", { ...uniformRatings(3), "noise_pollution.efforts": 2 });
    const oneUnknown = responseSet("gap", { ...uniformRatings(3), "noise_pollution.efforts": null });
    expect(kinds([oneDifferent, oneUnknown], "diff")).toEqual([]);
    expect(kinds([oneDifferent, oneUnknown], "gap")).toEqual([]);
    expect(kinds([responseSet("blank", uniformRatings(null))], "blank")).toEqual([]);
  });
});

describe("speeding", () => {
  it("flags a score card finished faster than the minimum", () => {
    const fast = { ...R1, startedAt: "2025-03-01T10:00:00Z", completedAt: "2025-03-01T10:00:59.500Z" };
    const flags = flagResponseSets([fast], GUIDE_SCHEME).get(fast.id);
    expect(flags).toEqual([{ kind: "speeding", reasonKey: "scoring:flag.speeding.reason", params: { seconds: 59, minimum: 60 } }]);
  });

  it("does not flag one finished at the minimum, or one without both times", () => {
    const onTime = { ...R1, startedAt: "2025-03-01T10:00:00Z", completedAt: "2025-03-01T10:01:00Z" };
    const noStart = { ...R2, completedAt: "2025-03-01T10:00:05Z" };
    expect(kinds([onTime, noStart], R1.id)).toEqual([]);
    expect(kinds([onTime, noStart], R2.id)).toEqual([]);
  });

  it("follows the scheme's minimum", () => {
    const set = { ...R1, startedAt: "2025-03-01T10:00:00Z", completedAt: "2025-03-01T10:01:30Z" };
    const strict = { ...GUIDE_SCHEME, moderation: { ...GUIDE_SCHEME.moderation, speedingMinimumSeconds: 120 } };
    expect(flagResponseSets([set], strict).get(set.id)?.map((f) => f.kind)).toEqual(["speeding"]);
  });
});

describe("duplicates", () => {
  it("flags every set of a person who answered twice", () => {
    const sets = [{ ...R1, identityKey: "tg:42" }, { ...R2, identityKey: "tg:42" }, responseSet("other", R1.ratings, { identityKey: "tg:7" })];
    const flags = flagResponseSets(sets, GUIDE_SCHEME);
    expect(flags.get(R1.id)).toEqual([{ kind: "duplicate", reasonKey: "scoring:flag.duplicate.reason", params: { count: 2 } }]);
    expect(flags.get(R2.id)?.map((f) => f.kind)).toEqual(["duplicate"]);
    expect(flags.get("other")).toEqual([]);
  });

  it("does not treat sets without an identity as the same person", () => {
    expect(kinds([R1, R2], R1.id)).toEqual([]);
  });
});

describe("outliers", () => {
  // Seven respondents at intensity 2 and one at 5: mean 2.375, SD ≈ 0.992, z of the odd one = √7 ≈ 2.65.
  const crowd = Array.from({ length: 7 }, (_, index) => withIntensity(`c${index}`, 2));
  const odd = withIntensity("odd", 5);

  it("flags a respondent whose mean intensity is more than 2.5 SD from the cluster's", () => {
    const flags = flagResponseSets([...crowd, odd], GUIDE_SCHEME);
    const outlier = flags.get("odd")?.find((f) => f.kind === "outlier");
    expect(outlier?.params.z).toBeCloseTo(Math.sqrt(7), 2);
    expect(outlier?.params.meanIntensity).toBe(5);
    expect(crowd.every((set) => flags.get(set.id)?.length === 0)).toBe(true);
  });

  it("cannot flag anyone among 7 counted respondents, where |z| is at most √6", () => {
    const flags = flagResponseSets([...crowd.slice(1), odd], GUIDE_SCHEME);
    expect(flags.get("odd")).toEqual([]);
  });

  it("measures against counted sets only", () => {
    const withExcludedOdd = flagResponseSets([...crowd, { ...odd, counted: false }], GUIDE_SCHEME);
    // The crowd alone has SD 0, so nothing can be measured.
    expect(withExcludedOdd.get("odd")).toEqual([]);
  });

  it("still judges an excluded set against the counted ones", () => {
    // Counted: six at 2 and two at 3 (mean 2.25, SD ≈ 0.433); the excluded set at 5 is far out.
    const counted = [...crowd.slice(1), withIntensity("x", 3), withIntensity("y", 3)];
    const flags = flagResponseSets([...counted, { ...odd, counted: false }], GUIDE_SCHEME);
    expect(flags.get("odd")?.map((f) => f.kind)).toEqual(["outlier"]);
  });

  it("needs at least three respondents and some spread", () => {
    expect(kinds([withIntensity("a", 1), withIntensity("b", 5)], "b")).toEqual([]);
    const same = [withIntensity("a", 3), withIntensity("b", 3), withIntensity("c", 3)];
    expect(kinds(same, "a")).toEqual([]);
  });
});

describe("flagResponseSets", () => {
  it("has an entry for every set, empty when nothing was found", () => {
    const flags = flagResponseSets([R1, R2], GUIDE_SCHEME);
    expect([...flags.keys()]).toEqual([R1.id, R2.id]);
    expect([...flags.values()]).toEqual([[], []]);
  });
});
