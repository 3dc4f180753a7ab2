import type { ScoringScheme } from "./scheme";

/** Levels of the cluster map's two axes. */
export const MAP_LEVELS = ["low", "medium", "high"] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** Where a cluster sits on the map (SPEC §5); every field is null when its inputs are unknown. */
export interface MapCell {
  /** 1–9: 3·(BR level) + (economic level) + 1, so 9 is high BR significance and high economic score. */
  cell: number | null;
  brLevel: MapLevel | null;
  economicLevel: MapLevel | null;
  /** 1–4 for the prioritised cells 9, 8, 6, 5; null for the others. */
  priorityRank: number | null;
}

/**
 * The guide's order of priority, high BR significance first. Table 2.4 (rows BR, columns economic,
 * which this map follows) gives 9, 8, 6, 5. Table 2.3 prints "9, 6, 8 and 5" because it puts
 * economic importance on the rows: its cell 6 (medium economic, high SEE) is our cell 8, so both
 * tables mean the same clusters in the same order.
 */
const PRIORITY_CELLS: readonly number[] = [9, 8, 6, 5];

/**
 * Level of a 0–5 score: Low below `medium`, Medium below `high`, else High (defaults 5/3, 10/3,
 * the 0–5 scale cut in thirds).
 *
 * @example mapLevel(2.25, GUIDE_SCHEME.mapLevels) // "medium"
 */
export function mapLevel(score: number | null, bounds: ScoringScheme["mapLevels"]): MapLevel | null {
  if (score === null) return null;
  if (score < bounds.medium) return "low";
  if (score < bounds.high) return "medium";
  return "high";
}

/**
 * The map cell of a cluster from its BR significance B (rows) and economic score C (columns).
 *
 * @example mapCell(2.25, 3.0, GUIDE_SCHEME.mapLevels) // { cell: 5, brLevel: "medium", economicLevel: "medium", priorityRank: 4 }
 */
export function mapCell(
  brSignificance: number | null,
  economic: number | null,
  bounds: ScoringScheme["mapLevels"],
): MapCell {
  const brLevel = mapLevel(brSignificance, bounds);
  const economicLevel = mapLevel(economic, bounds);
  if (brLevel === null || economicLevel === null) {
    return { cell: null, brLevel, economicLevel, priorityRank: null };
  }
  const cell = 3 * MAP_LEVELS.indexOf(brLevel) + MAP_LEVELS.indexOf(economicLevel) + 1;
  const index = PRIORITY_CELLS.indexOf(cell);
  return { cell, brLevel, economicLevel, priorityRank: index === -1 ? null : index + 1 };
}
