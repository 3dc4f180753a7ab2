import { describe, expect, it } from "vitest";
import { issueStats, priorityForAction, rankPriorities, tallyResponseSets } from "../../../core/scoring";
import type { ResponseSet } from "../../../core/scoring";
import type { IssueStats } from "../../../core/scoring";
import { responseSet } from "./builders";

function intensityOnly(id: string, value: number | null) {
  return responseSet(id, { "air_pollution.intensity": value });
}

describe("priorityForAction", () => {
  it("is highest for a major issue nobody works on and 0 with a concrete initiative", () => {
    expect(priorityForAction(5, 5)).toBe(5);
    expect(priorityForAction(5, 0)).toBe(0);
    expect(priorityForAction(0, 5)).toBe(0);
    expect(priorityForAction(4, 3)).toBeCloseTo(2.4, 12);
  });

  it("is unknown when either mean is unknown", () => {
    expect(priorityForAction(null, 3)).toBeNull();
    expect(priorityForAction(3, null)).toBeNull();
  });
});

function airPollution(sets: ResponseSet[]) {
  return issueStats("air_pollution", tallyResponseSets(sets).issues.air_pollution, 1.5);
}

describe("issueStats divergence", () => {
  it("flags an issue whose intensity SD reaches the threshold exactly", () => {
    // Ratings 1 and 4: mean 2.5, population SD 1.5.
    const stats = airPollution([intensityOnly("a", 1), intensityOnly("b", 4)]);
    expect(stats.divergence).toEqual({ sd: 1.5, range: 3, diverges: true });
  });

  it("does not flag an SD just below the threshold", () => {
    // Ratings 1, 4, 4: mean 3, population SD √2 ≈ 1.414.
    const stats = airPollution([intensityOnly("a", 1), intensityOnly("b", 4), intensityOnly("c", 4)]);
    expect(stats.divergence.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(stats.divergence.diverges).toBe(false);
  });

  it("ignores \"don't know\" and excluded sets", () => {
    const stats = airPollution([intensityOnly("a", 2), intensityOnly("b", null), { ...intensityOnly("c", 5), counted: false }]);
    expect(stats.n).toBe(1);
    expect(stats.divergence).toEqual({ sd: 0, range: 0, diverges: false });
    expect(stats.means).toEqual({ existence: null, intensity: 2, efforts: null });
    expect(stats.priority).toBeNull();
  });
});

function stats(issue: IssueStats["issue"], intensity: number | null, efforts: number | null): IssueStats {
  return {
    issue,
    n: 1,
    answered: { existence: 0, intensity: intensity === null ? 0 : 1, efforts: efforts === null ? 0 : 1 },
    means: { existence: null, intensity, efforts },
    divergence: { sd: 0, range: 0, diverges: false },
    priority: priorityForAction(intensity, efforts),
  };
}

describe("rankPriorities", () => {
  it("orders by priority, highest first", () => {
    const ranked = rankPriorities([stats("wages_benefits", 1, 1), stats("air_pollution", 5, 5), stats("hours_of_work", 3, 3)]);
    expect(ranked.map((p) => [p.rank, p.issue])).toEqual([
      [1, "air_pollution"],
      [2, "hours_of_work"],
      [3, "wages_benefits"],
    ]);
  });

  it("breaks a tie by the higher intensity", () => {
    // Both P = 2: intensity 2 × efforts 5 and intensity 5 × efforts 2.
    const ranked = rankPriorities([stats("wages_benefits", 2, 5), stats("noise_pollution", 5, 2)]);
    expect(ranked.map((p) => p.issue)).toEqual(["noise_pollution", "wages_benefits"]);
  });

  it("breaks a full tie by the guide's issue order, whatever order the stats come in", () => {
    const ranked = rankPriorities([stats("water_pollution", 3, 3), stats("collective_bargaining", 3, 3)]);
    expect(ranked.map((p) => p.issue)).toEqual(["collective_bargaining", "water_pollution"]);
  });

  it("treats priorities equal up to float noise as a tie", () => {
    // 0.1 × 3 and 0.3 × 1 differ in the last bit; intensity then decides.
    const ranked = rankPriorities([stats("wages_benefits", 0.1, 3), stats("air_pollution", 0.3, 1)]);
    expect(ranked.map((p) => p.issue)).toEqual(["air_pollution", "wages_benefits"]);
  });

  it("leaves out issues without a priority", () => {
    expect(rankPriorities([stats("wages_benefits", null, 3), stats("air_pollution", 2, null)])).toEqual([]);
  });
});
