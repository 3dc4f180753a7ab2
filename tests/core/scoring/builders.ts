import { CORE_ISSUES, ratingKey } from "../../../core/scoring";
import type { Ratings, ResponseSet } from "../../../core/scoring";

type Row = readonly (number | null)[];

/** Core ratings from three rows in the order of SPEC §2, as the worked example prints them. */
export function coreRatings(existence: Row, intensity: Row, efforts: Row): Ratings {
  const ratings: Ratings = {};
  CORE_ISSUES.forEach((issue, index) => {
    ratings[ratingKey(issue, "existence")] = existence[index] ?? null;
    ratings[ratingKey(issue, "intensity")] = intensity[index] ?? null;
    ratings[ratingKey(issue, "efforts")] = efforts[index] ?? null;
  });
  return ratings;
}

/** The same rating for all 21 core ratings. */
export function uniformRatings(value: number | null): Ratings {
  const row = CORE_ISSUES.map(() => value);
  return coreRatings(row, row, row);
}

export function responseSet(id: string, ratings: Ratings, extra: Partial<ResponseSet> = {}): ResponseSet {
  return { id, respondentId: `respondent-${id}`, counted: true, ratings, ...extra };
}

/** SPEC §10's two respondents and economic ratings. */
export const R1 = responseSet(
  "r1",
  coreRatings([4, 2, 3, 5, 4, 1, 2], [3, 1, 2, 4, 5, 0, 2], [5, 5, 4, 2, 3, 5, 5]),
);
export const R2 = responseSet(
  "r2",
  coreRatings([2, 2, 5, 3, 4, 3, 0], [3, 3, 2, 4, 3, 2, 0], [3, 5, 4, 4, 1, 5, 3]),
);
export const WORKED_ECONOMIC = {
  value_chain_importance: 4,
  raw_materials: 3,
  turnover: 2,
  exports: 1,
  employment: 5,
} as const;
