/**
 * Sum of the values, added in sorted order so that the same ratings read back in a different row
 * order give a bit-identical score.
 */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of [...values].sort((x, y) => x - y)) total += value;
  return total;
}

/** Mean of the values, or null when there are none: an empty mean is "unknown", never NaN. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/**
 * Population standard deviation (divides by n): the respondents are the whole group being
 * described, not a sample of a larger one.
 */
export function populationSd(values: readonly number[]): number | null {
  const centre = mean(values);
  if (centre === null) return null;
  const squares = values.map((value) => (value - centre) ** 2);
  return Math.sqrt(mean(squares) ?? 0);
}

/** The values that are known, dropping the nulls of "don't know" and the gaps of "cannot compute". */
export function known<T>(values: readonly (T | null | undefined)[]): T[] {
  return values.filter((value): value is T => value !== null && value !== undefined);
}
