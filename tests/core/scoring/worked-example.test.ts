import { describe, expect, it } from "vitest";
import { CORE_ISSUES, GUIDE_RECIPROCAL_SCHEME, GUIDE_SCHEME, scoreCluster } from "../../../core/scoring";
import { R1, R2, WORKED_ECONOMIC } from "./builders";

const PRECISION = 9; // toBeCloseTo digits: |difference| < 0.5e-9

describe("SPEC §10 worked example", () => {
  const linear = scoreCluster({ responseSets: [R1, R2], economicRatings: WORKED_ECONOMIC, scheme: GUIDE_SCHEME });
  const reciprocal = scoreCluster({
    responseSets: [R1, R2],
    economicRatings: WORKED_ECONOMIC,
    scheme: GUIDE_RECIPROCAL_SCHEME,
  });

  it("reproduces the components", () => {
    // Per-issue existence means 3, 2, 4, 4, 4, 2, 1 → 20/7; intensity 3, 2, 2, 4, 4, 1, 1 → 17/7;
    // efforts 4, 5, 4, 3, 2, 5, 4 → 27/7.
    expect(linear.awareness).toBeCloseTo(20 / 7, PRECISION);
    expect(linear.intensity).toBeCloseTo(17 / 7, PRECISION);
    expect(linear.efforts).toBeCloseTo(27 / 7, PRECISION);
    expect(linear.engagement).toBeCloseTo(5 - 27 / 7, PRECISION);
    expect(reciprocal.engagement).toBeCloseTo(25 / 27, PRECISION);
    expect(linear.economic).toBeCloseTo(15 / 5, PRECISION);
  });

  it("reproduces the consolidated score under both engagement methods", () => {
    expect(linear.consolidated).toBeCloseTo(0.2 * (20 / 7) + 0.25 * (17 / 7) + 0.15 * (8 / 7) + 0.4 * 3, PRECISION);
    expect(linear.consolidated).toBeCloseTo(2.55, PRECISION);
    const expectedReciprocal = 0.2 * (20 / 7) + 0.25 * (17 / 7) + 0.15 * (25 / 27) + 0.4 * 3;
    expect(reciprocal.consolidated).toBeCloseTo(expectedReciprocal, PRECISION);
    expect(reciprocal.consolidated).toBeCloseTo(2.5175, 4);
  });

  it("reproduces BR significance and the map cell", () => {
    expect(linear.brSignificance).toBeCloseTo((0.2 * (20 / 7) + 0.25 * (17 / 7) + 0.15 * (8 / 7)) / 0.6, PRECISION);
    expect(linear.brSignificance).toBeCloseTo(2.25, PRECISION);
    expect(linear.mapCell).toEqual({ cell: 5, brLevel: "medium", economicLevel: "medium", priorityRank: 4 });
  });

  it("reproduces the divergence of every issue", () => {
    const core = linear.issues.filter((s) => (CORE_ISSUES as readonly string[]).includes(s.issue));
    const sds = core.map((s) => s.divergence.sd);
    [0, 1, 0, 0, 1, 1, 1].forEach((expected, index) => expect(sds[index]).toBeCloseTo(expected, PRECISION));
    expect(core.map((s) => s.divergence.range)).toEqual([0, 2, 0, 0, 2, 2, 2]);
    expect(core.every((s) => !s.divergence.diverges)).toBe(true);
  });

  it("reproduces the priority order with its values", () => {
    expect(linear.priorities.map((p) => p.issue)).toEqual([
      "working_conditions_child_labour",
      "wages_benefits",
      "collective_bargaining",
      "air_pollution",
      "hours_of_work",
      "water_pollution",
      "noise_pollution",
    ]);
    [2.4, 2.4, 2.0, 1.6, 1.6, 1.0, 0.8].forEach((expected, index) =>
      expect(linear.priorities[index]?.priority).toBeCloseTo(expected, PRECISION),
    );
    expect(linear.priorities.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("reproduces the classes", () => {
    const [labour, environment, health, social] = linear.classes;
    expect(labour?.awareness).toBeCloseTo(3.25, PRECISION);
    expect(labour?.engagement).toBeCloseTo(1.0, PRECISION);
    expect(labour?.label).toBe("1EL");
    expect(environment?.awareness).toBeCloseTo(7 / 3, PRECISION);
    expect(environment?.engagement).toBeCloseTo(4 / 3, PRECISION);
    expect(environment?.label).toBe("2EL");
    expect(health?.class).toBeNull();
    expect(social?.label).toBeNull();
  });

  it("is provisional with two counted respondents and names its scheme", () => {
    expect(linear.provisional).toBe(true);
    expect(linear.counted).toBe(2);
    expect(linear.excluded).toBe(0);
    expect(linear.scheme).toEqual({ name: "guide", version: 1 });
    expect(reciprocal.scheme).toEqual({ name: "guide-reciprocal", version: 1 });
  });
});
