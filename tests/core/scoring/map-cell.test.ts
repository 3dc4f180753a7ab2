import { describe, expect, it } from "vitest";
import { GUIDE_SCHEME, mapCell, mapLevel } from "../../../core/scoring";

const bounds = GUIDE_SCHEME.mapLevels;
const just = (x: number) => x - 1e-9;

describe("mapLevel", () => {
  it.each([
    [0, "low"],
    [just(5 / 3), "low"],
    [5 / 3, "medium"],
    [just(10 / 3), "medium"],
    [10 / 3, "high"],
    [5, "high"],
  ] as const)("%s is %s", (score, level) => {
    expect(mapLevel(score, bounds)).toBe(level);
  });

  it("is unknown for an unknown score", () => {
    expect(mapLevel(null, bounds)).toBeNull();
  });
});

describe("mapCell", () => {
  const LOW = 1;
  const MEDIUM = 2.5;
  const HIGH = 4;

  it("numbers the cells row by row with BR significance on the rows", () => {
    const cells = [LOW, MEDIUM, HIGH].map((b) => [LOW, MEDIUM, HIGH].map((c) => mapCell(b, c, bounds).cell));
    expect(cells).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it("ranks cells 9, 8, 6, 5 and no others", () => {
    expect(mapCell(HIGH, HIGH, bounds).priorityRank).toBe(1);
    expect(mapCell(HIGH, MEDIUM, bounds)).toEqual({ cell: 8, brLevel: "high", economicLevel: "medium", priorityRank: 2 });
    expect(mapCell(MEDIUM, HIGH, bounds).priorityRank).toBe(3);
    expect(mapCell(MEDIUM, MEDIUM, bounds).priorityRank).toBe(4);
    for (const [b, c] of [[LOW, LOW], [LOW, MEDIUM], [LOW, HIGH], [MEDIUM, LOW], [HIGH, LOW]] as const) {
      expect(mapCell(b, c, bounds).priorityRank).toBeNull();
    }
  });

  it("has no cell when either axis is unknown", () => {
    expect(mapCell(null, HIGH, bounds)).toEqual({ cell: null, brLevel: null, economicLevel: "high", priorityRank: null });
    expect(mapCell(LOW, null, bounds)).toEqual({ cell: null, brLevel: "low", economicLevel: null, priorityRank: null });
  });
});
