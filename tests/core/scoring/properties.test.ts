import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ECONOMIC_PARAMETERS,
  GUIDE_RECIPROCAL_SCHEME,
  GUIDE_SCHEME,
  RATING_KEYS,
  scoreCluster,
} from "../../../core/scoring";
import type { ClusterScore, EconomicRatings, Ratings, ResponseSet } from "../../../core/scoring";

const rating = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 5 }),
  fc.double({ min: 0, max: 5, noNaN: true }),
);

const ratings: fc.Arbitrary<Ratings> = fc.record(
  Object.fromEntries(RATING_KEYS.map((key) => [key, rating])) as Record<keyof Ratings, typeof rating>,
  { requiredKeys: [] },
);

const responseSets: fc.Arbitrary<ResponseSet[]> = fc
  .array(fc.record({ counted: fc.boolean(), ratings }), { maxLength: 12 })
  .map((sets) => sets.map((set, index) => ({ id: `s${index}`, respondentId: `p${index}`, ...set })));

const economicRatings: fc.Arbitrary<EconomicRatings> = fc.record(
  Object.fromEntries(ECONOMIC_PARAMETERS.map((p) => [p, rating])) as Record<keyof EconomicRatings, typeof rating>,
  { requiredKeys: [] },
);

const scheme = fc.constantFrom(GUIDE_SCHEME, GUIDE_RECIPROCAL_SCHEME);

/** Every 0–5 number a score exposes. */
function scoresOf(score: ClusterScore): (number | null)[] {
  return [
    score.awareness,
    score.intensity,
    score.efforts,
    score.engagement,
    score.economic,
    score.consolidated,
    score.brSignificance,
    ...score.issues.flatMap((s) => [s.means.existence, s.means.intensity, s.means.efforts, s.priority]),
    ...score.priorities.map((p) => p.priority),
    ...score.classes.flatMap((c) => [c.awareness, c.engagement]),
  ];
}

describe("scoreCluster properties", () => {
  it("keeps every score within 0–5 or null, never NaN", () => {
    fc.assert(
      fc.property(responseSets, economicRatings, scheme, (sets, economic, s) => {
        const result = scoreCluster({ responseSets: sets, economicRatings: economic, scheme: s });
        for (const value of scoresOf(result)) {
          if (value === null) continue;
          expect(Number.isNaN(value)).toBe(false);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(5 + 1e-12);
        }
      }),
    );
  });

  it("does not depend on the order of the response sets", () => {
    const setsAndShuffle = responseSets.chain((sets) =>
      fc.tuple(fc.constant(sets), fc.shuffledSubarray(sets, { minLength: sets.length, maxLength: sets.length })),
    );
    fc.assert(
      fc.property(setsAndShuffle, economicRatings, scheme, ([sets, shuffled], economic, s) => {
        const original = scoreCluster({ responseSets: sets, economicRatings: economic, scheme: s });
        const reordered = scoreCluster({ responseSets: shuffled, economicRatings: economic, scheme: s });
        expect(reordered).toEqual(original);
      }),
    );
  });

  it("scores a cluster with an excluded set as if the set were not there", () => {
    const setsAndIndex = responseSets
      .filter((sets) => sets.length > 0)
      .chain((sets) => fc.tuple(fc.constant(sets), fc.nat({ max: sets.length - 1 })));
    fc.assert(
      fc.property(setsAndIndex, economicRatings, scheme, ([sets, index], economic, s) => {
        const excluded = sets.map((set, i) => (i === index ? { ...set, counted: false } : set));
        const removed = sets.filter((_, i) => i !== index);
        const { excluded: excludedCount, ...withExcluded } = scoreCluster({ responseSets: excluded, economicRatings: economic, scheme: s });
        const { excluded: removedCount, ...withoutIt } = scoreCluster({ responseSets: removed, economicRatings: economic, scheme: s });
        expect(withExcluded).toEqual(withoutIt);
        expect(excludedCount).toBe(removedCount + 1);
      }),
    );
  });

  it("has linear engagement and the efforts mean add up to 5", () => {
    fc.assert(
      fc.property(responseSets, (sets) => {
        const result = scoreCluster({ responseSets: sets, economicRatings: {}, scheme: GUIDE_SCHEME });
        expect(result.engagement === null).toBe(result.efforts === null);
        if (result.engagement !== null && result.efforts !== null) {
          expect(result.engagement + result.efforts).toBeCloseTo(5, 12);
        }
      }),
    );
  });
});
