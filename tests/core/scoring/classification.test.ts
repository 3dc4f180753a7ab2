import { describe, expect, it } from "vitest";
import { BR_CLASSES, CATEGORIES, CLASSIFICATION_GRID, GUIDE_SCHEME, brClass } from "../../../core/scoring";

const thresholds = GUIDE_SCHEME.classThresholds;
const below = (x: number) => x - 1e-9;

describe("brClass at every Table 1.4 boundary", () => {
  it.each([
    [below(1.0), 4.5, "B"],
    [0, null, "B"],
    [1.0, 0, "A"],
    [1.0, below(1.0), "A"],
    [1.0, 1.0, "EL"],
    [3.0, below(2.5), "EL"],
    [3.0, 2.5, "EM"],
    [5.0, below(4.0), "EM"],
    [5.0, 4.0, "EH"],
    [2.0, 5.0, "EH"],
  ] as const)("a = %s, g = %s → %s", (a, g, expected) => {
    expect(brClass(a, g, thresholds)).toBe(expected);
  });

  it("has no class without existence answers, or for an aware category without efforts answers", () => {
    expect(brClass(null, 3, thresholds)).toBeNull();
    expect(brClass(2, null, thresholds)).toBeNull();
  });

  it("follows configured thresholds", () => {
    const strict = { aware: 2, engagedLow: 2, engagedModerate: 3, engagedHigh: 4.5 };
    expect(brClass(1.5, 5, strict)).toBe("B");
    expect(brClass(2, 1.5, strict)).toBe("A");
    expect(brClass(2, 4.2, strict)).toBe("EM");
  });
});

describe("CLASSIFICATION_GRID", () => {
  it("has one row per category and one labelled cell per class, as the guide prints them", () => {
    expect(CLASSIFICATION_GRID.map((row) => row.category)).toEqual(CATEGORIES.map((c) => c.id));
    expect(CLASSIFICATION_GRID[0]?.cells.map((cell) => cell.label)).toEqual(["1B", "1A", "1EL", "1EM", "1EH"]);
    expect(CLASSIFICATION_GRID[3]?.cells.map((cell) => cell.label)).toEqual(["4B", "4A", "4EL", "4EM", "4EH"]);
    expect(CLASSIFICATION_GRID[1]?.categoryKey).toBe("scoring:category.environment_energy");
    expect(CLASSIFICATION_GRID[1]?.cells.map((cell) => cell.classKey)).toEqual(BR_CLASSES.map((c) => `scoring:class.${c}`));
  });
});
