import { ISSUES, TEMPLATES, isRating, ratingKey } from "./issues";
import type { Issue, Template } from "./issues";
import type { ResponseSet } from "./response-set";
import { sum } from "./statistics";

/**
 * What the counted ratings of one item add up to. Means, spreads and ranges need nothing more, so a
 * database can hand a cluster's score card over in one GROUP BY instead of every answer.
 */
export interface RatingTally {
  count: number;
  sum: number;
  sumOfSquares: number;
  /** Null when nobody gave a rating. */
  min: number | null;
  max: number | null;
}

export interface IssueTally {
  /** Counted sets with at least one rating (not "don't know") for the issue. */
  respondents: number;
  templates: Record<Template, RatingTally>;
}

/**
 * A cluster's completed score cards reduced to what scoring needs. Only counted sets (not excluded
 * by a moderator) and usable ratings enter `issues`; an issue nobody rated may be absent.
 */
export interface ClusterTally {
  counted: number;
  excluded: number;
  issues: Partial<Record<Issue, IssueTally>>;
}

export const EMPTY_RATING_TALLY: RatingTally = { count: 0, sum: 0, sumOfSquares: 0, min: null, max: null };

/** The tally of a list of ratings; summed in sorted order so that row order cannot change a bit. */
export function tallyRatings(values: readonly number[]): RatingTally {
  if (values.length === 0) return EMPTY_RATING_TALLY;
  return {
    count: values.length,
    sum: sum(values),
    sumOfSquares: sum(values.map((value) => value * value)),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Mean of the tallied ratings, null when there are none. */
export function tallyMean(tally: RatingTally): number | null {
  return tally.count === 0 ? null : tally.sum / tally.count;
}

/**
 * Population standard deviation (divides by n: the respondents are the whole group described, not a
 * sample). Computed as √(n·Σx² − (Σx)²) / n, which is exact for the guide's whole-number ratings up to
 * the square root; rounding on fractional ratings can leave the radicand a hair below zero, read as 0.
 */
export function tallySd(tally: RatingTally): number | null {
  if (tally.count === 0) return null;
  const radicand = tally.count * tally.sumOfSquares - tally.sum * tally.sum;
  return radicand <= 0 ? 0 : Math.sqrt(radicand) / tally.count;
}

/**
 * The tally of a cluster's response sets in memory: what the database computes in SQL, for callers
 * that hold the sets themselves (tests, the demo, the simulator).
 *
 * @example tallyResponseSets(sets).issues.air_pollution?.templates.intensity.count
 */
export function tallyResponseSets(responseSets: readonly ResponseSet[]): ClusterTally {
  const sets = responseSets.filter((set) => set.counted);
  const issues: Partial<Record<Issue, IssueTally>> = {};
  for (const issue of ISSUES) {
    const rated = (set: ResponseSet, template: Template) => isRating(set.ratings[ratingKey(issue, template)]);
    const ratingsOf = (template: Template) =>
      sets.flatMap((set) => (rated(set, template) ? [set.ratings[ratingKey(issue, template)] as number] : []));
    const respondents = sets.filter((set) => TEMPLATES.some((template) => rated(set, template))).length;
    if (respondents === 0) continue;
    issues[issue] = {
      respondents,
      templates: {
        existence: tallyRatings(ratingsOf("existence")),
        intensity: tallyRatings(ratingsOf("intensity")),
        efforts: tallyRatings(ratingsOf("efforts")),
      },
    };
  }
  return { counted: sets.length, excluded: responseSets.length - sets.length, issues };
}

function mergeRatingTallies(a: RatingTally, b: RatingTally): RatingTally {
  if (a.count === 0) return b;
  if (b.count === 0) return a;
  return {
    count: a.count + b.count,
    sum: a.sum + b.sum,
    sumOfSquares: a.sumOfSquares + b.sumOfSquares,
    min: Math.min(a.min!, b.min!),
    max: Math.max(a.max!, b.max!),
  };
}

/**
 * The tally of two disjoint groups of response sets together: what tallying all of their sets at once
 * gives. Lets a cluster take in a newly completed score card without reading every other one again.
 *
 * @example mergeTallies(cached, tallyResponseSets([completed]))
 */
export function mergeTallies(a: ClusterTally, b: ClusterTally): ClusterTally {
  const issues: Partial<Record<Issue, IssueTally>> = {};
  for (const issue of ISSUES) {
    const left = a.issues[issue];
    const right = b.issues[issue];
    if (!left || !right) {
      const only = left ?? right;
      if (only) issues[issue] = only;
      continue;
    }
    issues[issue] = {
      respondents: left.respondents + right.respondents,
      templates: {
        existence: mergeRatingTallies(left.templates.existence, right.templates.existence),
        intensity: mergeRatingTallies(left.templates.intensity, right.templates.intensity),
        efforts: mergeRatingTallies(left.templates.efforts, right.templates.efforts),
      },
    };
  }
  return { counted: a.counted + b.counted, excluded: a.excluded + b.excluded, issues };
}
