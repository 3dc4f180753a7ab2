import { isRating, isRatingKey } from "./issues";
import type { RatingKey } from "./issues";

/** One respondent's ratings for a cluster, null meaning "don't know". */
export type Ratings = Partial<Record<RatingKey, number | null>>;

/** The scoring input: one respondent's finished score card and what moderation decided about it. */
export interface ResponseSet {
  id: string;
  respondentId: string;
  /** False once a moderator excluded the set (SPEC §6); excluded sets are left out of every mean. */
  counted: boolean;
  ratings: Ratings;
  /** ISO times of the score card session, for the speeding flag. */
  startedAt?: string;
  completedAt?: string;
  /** Identifies the person behind the respondent (e.g. a hashed chat account), for the duplicate flag. */
  identityKey?: string;
}

/**
 * Takes the ratings out of a score card session's answers. Item ids equal rating keys, so this only
 * drops the answers that are not ratings and any value that is not a 0–5 rating or "don't know".
 *
 * @example ratingsFromAnswers({ "air_pollution.intensity": { value: 4 }, consent: { value: "yes" } })
 *   // → { "air_pollution.intensity": 4 }
 */
export function ratingsFromAnswers(answers: Record<string, { value: number | string | null }>): Ratings {
  const ratings: Ratings = {};
  for (const [itemId, answer] of Object.entries(answers)) {
    if (!isRatingKey(itemId)) continue;
    if (answer.value === null || isRating(answer.value)) ratings[itemId] = answer.value;
  }
  return ratings;
}

/** The sets that count towards a cluster's score. */
export function countedSets(responseSets: readonly ResponseSet[]): ResponseSet[] {
  return responseSets.filter((set) => set.counted);
}
