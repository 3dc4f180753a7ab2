import { describe, expect, it } from "vitest";
import { GUIDE_SCHEME, round2, scoreCluster } from "../../../core/scoring";
import type { ClusterScore, EconomicRatings, ResponseSet } from "../../../core/scoring";
import { R1, R2, WORKED_ECONOMIC, coreRatings, responseSet, uniformRatings } from "./builders";

function score(responseSets: ResponseSet[], economicRatings: EconomicRatings = WORKED_ECONOMIC): ClusterScore {
  return scoreCluster({ responseSets, economicRatings, scheme: GUIDE_SCHEME });
}

function expectBrComponentsUnknown(result: ClusterScore): void {
  expect(result.awareness).toBeNull();
  expect(result.intensity).toBeNull();
  expect(result.efforts).toBeNull();
  expect(result.engagement).toBeNull();
  expect(result.consolidated).toBeNull();
  expect(result.brSignificance).toBeNull();
  expect(result.priorities).toEqual([]);
  expect(result.classes.map((c) => c.class)).toEqual([null, null, null, null]);
}

describe("scoreCluster without usable ratings", () => {
  it("leaves every component built on ratings null when there are no response sets", () => {
    const result = score([]);
    expectBrComponentsUnknown(result);
    expect(result.economic).toBe(3);
    expect(result.mapCell).toEqual({ cell: null, brLevel: null, economicLevel: "medium", priorityRank: null });
    expect(result.counted).toBe(0);
    expect(result.provisional).toBe(true);
    expect(result.issues).toHaveLength(9);
    expect(result.issues.every((s) => s.n === 0 && s.priority === null && s.divergence.sd === null)).toBe(true);
  });

  it("treats a cluster where everyone said \"don't know\" like one without answers", () => {
    const result = score([responseSet("a", uniformRatings(null)), responseSet("b", uniformRatings(null))]);
    expectBrComponentsUnknown(result);
    expect(result.counted).toBe(2);
  });
});

describe("scoreCluster with few answers", () => {
  it("scores a single respondent from that respondent's ratings", () => {
    const result = score([R1]);
    // R1's means over the seven issues: existence 21/7, intensity 17/7, efforts 29/7.
    expect(result.awareness).toBeCloseTo(3, 12);
    expect(result.intensity).toBeCloseTo(17 / 7, 12);
    expect(result.efforts).toBeCloseTo(29 / 7, 12);
    expect(result.engagement).toBeCloseTo(6 / 7, 12);
    expect(result.issues.every((s) => s.divergence.sd === null || s.divergence.sd === 0)).toBe(true);
    expect(result.provisional).toBe(true);
  });

  it("leaves an issue nobody rated out of the means instead of counting it as 0", () => {
    const onlyTwoIssues = responseSet(
      "a",
      coreRatings([4, null, null, null, null, null, 2], [5, null, null, null, null, null, 1], [1, null, null, null, null, null, 3]),
    );
    const result = score([onlyTwoIssues]);
    expect(result.awareness).toBeCloseTo(3, 12);
    expect(result.intensity).toBeCloseTo(3, 12);
    expect(result.efforts).toBeCloseTo(2, 12);
    expect(result.priorities.map((p) => p.issue)).toEqual(["wages_benefits", "noise_pollution"]);
    expect(result.issues.find((s) => s.issue === "hours_of_work")?.n).toBe(0);
  });

  it("leaves a \"don't know\" out of its issue's mean", () => {
    const withGap = responseSet("c", coreRatings([null, 2, 5, 3, 4, 3, 0], [3, 3, 2, 4, 3, 2, 0], [3, 5, 4, 4, 1, 5, 3]));
    const result = score([R1, withGap]);
    const wages = result.issues.find((s) => s.issue === "wages_benefits");
    expect(wages?.means.existence).toBe(4);
    expect(wages?.answered).toEqual({ existence: 1, intensity: 2, efforts: 2 });
    expect(wages?.n).toBe(2);
  });

  it("becomes final at the scheme's minimum of counted respondents", () => {
    const third = responseSet("r3", uniformRatings(2));
    expect(score([R1, R2, third]).provisional).toBe(false);
    expect(scoreCluster({ responseSets: [R1, R2], economicRatings: {}, scheme: { ...GUIDE_SCHEME, minimumCountedRespondents: 2 } }).provisional).toBe(false);
  });
});

describe("scoreCluster and moderation", () => {
  it("leaves an excluded response set out of the score and counts it as excluded", () => {
    const loud = responseSet("loud", uniformRatings(5));
    const included = score([R1, R2, loud]);
    const excluded = score([R1, R2, { ...loud, counted: false }]);
    expect(included.awareness).not.toBeCloseTo(excluded.awareness ?? Number.NaN, 6);
    expect(excluded.consolidated).toBeCloseTo(2.55, 12);
    expect(excluded.counted).toBe(2);
    expect(excluded.excluded).toBe(1);
    expect(excluded.provisional).toBe(true);
    expect(included.provisional).toBe(false);
  });
});

describe("scoreCluster and the economic ratings", () => {
  it("leaves C, S and the map cell unknown without economic ratings, but keeps B", () => {
    for (const economicRatings of [{}, { turnover: null, exports: null }] satisfies EconomicRatings[]) {
      const result = score([R1, R2], economicRatings);
      expect(result.economic).toBeNull();
      expect(result.consolidated).toBeNull();
      expect(result.brSignificance).toBeCloseTo(2.25, 12);
      expect(result.mapCell).toEqual({ cell: null, brLevel: "medium", economicLevel: null, priorityRank: null });
    }
  });

  it("averages the economic ratings that are known, leaving \"don't know\" out", () => {
    const result = score([R1, R2], { value_chain_importance: 4, raw_materials: null, turnover: 1 });
    expect(result.economic).toBeCloseTo(2.5, 12);
    expect(result.consolidated).toBeCloseTo(0.6 * 2.25 + 0.4 * 2.5, 12);
  });
});

describe("scoreCluster and the optional issues", () => {
  const withOptional: ResponseSet = {
    ...R1,
    ratings: {
      ...R1.ratings,
      "community_health.existence": 4,
      "community_health.intensity": 5,
      "community_health.efforts": 5,
      "generic_social_issues.existence": 0,
      "generic_social_issues.intensity": 1,
      "generic_social_issues.efforts": 5,
    },
  };

  it("classifies categories 3 and 4 from them", () => {
    const result = score([withOptional]);
    expect(result.classes.map((c) => c.label)).toEqual(["1EL", "2A", "3A", "4B"]);
  });

  it("keeps them out of the weighted score and the priorities", () => {
    const without = score([R1]);
    const withThem = score([withOptional]);
    expect(withThem.awareness).toBe(without.awareness);
    expect(withThem.intensity).toBe(without.intensity);
    expect(withThem.engagement).toBe(without.engagement);
    expect(withThem.consolidated).toBe(without.consolidated);
    expect(withThem.priorities.map((p) => p.issue)).not.toContain("community_health");
    expect(withThem.issues.find((s) => s.issue === "community_health")?.priority).toBe(5);
  });
});

describe("round2", () => {
  it("rounds for display the way a reader expects", () => {
    expect(round2(20 / 7)).toBe(2.86);
    expect(round2(2.5174603)).toBe(2.52);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(0.2 * (20 / 7) + 0.25 * (17 / 7) + 0.15 * (8 / 7) + 0.4 * 3)).toBe(2.55);
    expect(round2(null)).toBeNull();
  });
});
