/** Scores are shown with two decimals (SPEC §3); computations keep full precision. */
export function score(value: number | null | undefined): string {
  return typeof value === "number" ? value.toFixed(2) : "–";
}

/** NumberField options for a score column. */
export const SCORE_FORMAT = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;
