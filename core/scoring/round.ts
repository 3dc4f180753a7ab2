/**
 * Rounds a score to two decimals for display (SPEC §3: shown with two decimals, computed in full).
 * x·100 is cleaned of binary noise first, so 1.005 shows as 1.01 as a reader expects.
 *
 * @example round2(20 / 7) // 2.86
 */
export function round2(value: number): number;
export function round2(value: number | null): number | null;
export function round2(value: number | null): number | null {
  if (value === null) return null;
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}
