import type { EngagementMethod } from "./scheme";
import { mean, sum } from "./statistics";

/**
 * Engagement G from the efforts ratings (0 = concrete initiative … 5 = no efforts), turned round so
 * that 5 means fully engaged like every other component of the consolidated score.
 */

/** `linear` (the default): G = 5 − E, with E the efforts mean over the issues. */
export function linearEngagement(effortsMean: number): number {
  return 5 - effortsMean;
}

/**
 * `guide-reciprocal`: the guide inverts the efforts *total* T and scales 1/5 up to 5, which reads
 * as G = 25 / T, capped at 5 (and 5 when T = 0, no efforts needed anywhere). T is the sum of the
 * per-issue efforts means over the issues that have efforts answers: with all seven answered that
 * is the guide's 7·E, and an unanswered issue adds nothing rather than being guessed. The formula
 * is non-linear and mixes a total with an average; it is offered because the guide prints it.
 */
export function reciprocalEngagement(effortsTotal: number): number {
  return effortsTotal === 0 ? 5 : Math.min(5, 25 / effortsTotal);
}

/**
 * Engagement from the per-issue efforts means (issues without answers already left out);
 * null when no issue has an efforts answer.
 *
 * @example engagement([5, 4], "linear") // 0.5
 */
export function engagement(issueEffortsMeans: readonly number[], method: EngagementMethod): number | null {
  const effortsMean = mean(issueEffortsMeans);
  if (effortsMean === null) return null;
  if (method === "linear") return linearEngagement(effortsMean);
  return reciprocalEngagement(sum(issueEffortsMeans));
}
