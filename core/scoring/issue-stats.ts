import { ISSUES, TEMPLATES, isRating, ratingKey } from "./issues";
import type { Issue, Template } from "./issues";
import { countedSets } from "./response-set";
import type { ResponseSet } from "./response-set";
import { mean, populationSd } from "./statistics";

/** What the counted respondents said about one issue (SPEC §3). */
export interface IssueStats {
  issue: Issue;
  /** Counted respondents who gave at least one rating (not "don't know") for the issue. */
  n: number;
  /** Ratings behind each template's mean. */
  answered: Record<Template, number>;
  /** m(issue, template): null when nobody rated that template. */
  means: Record<Template, number | null>;
  /** Spread of the intensity ratings: do respondents see the issue the same way? */
  divergence: { sd: number | null; range: number | null; diverges: boolean };
  /** P = m(intensity) × m(efforts) / 5; null when either mean is unknown. */
  priority: number | null;
}

/** One issue's place in the order of action. */
export interface PriorityEntry {
  /** 1 for the issue to act on first. */
  rank: number;
  issue: Issue;
  priority: number;
  intensity: number;
  efforts: number;
}

/**
 * Priority for action (SPEC §3): a major issue (intensity 5) with no efforts (efforts 5) scores 5,
 * anything with a concrete initiative in place or negligible intensity scores 0.
 *
 * @example priorityForAction(4, 3) // 2.4
 */
export function priorityForAction(intensity: number | null, efforts: number | null): number | null {
  if (intensity === null || efforts === null) return null;
  return (intensity * efforts) / 5;
}

/** Per-template ratings of one issue from the counted sets, "don't know" left out. */
function ratingsOf(sets: readonly ResponseSet[], issue: Issue, template: Template): number[] {
  const key = ratingKey(issue, template);
  const values: number[] = [];
  for (const set of sets) {
    const value = set.ratings[key];
    if (isRating(value)) values.push(value);
  }
  return values;
}

/**
 * Statistics of one issue over the counted response sets; excluded sets are ignored here so that
 * every caller gets the same answer.
 *
 * @example issueStats(sets, "air_pollution", GUIDE_SCHEME.divergenceSd).means.intensity
 */
export function issueStats(responseSets: readonly ResponseSet[], issue: Issue, divergenceSd: number): IssueStats {
  const sets = countedSets(responseSets);
  const byTemplate = {
    existence: ratingsOf(sets, issue, "existence"),
    intensity: ratingsOf(sets, issue, "intensity"),
    efforts: ratingsOf(sets, issue, "efforts"),
  } satisfies Record<Template, number[]>;
  const n = sets.filter((set) => TEMPLATES.some((template) => isRating(set.ratings[ratingKey(issue, template)]))).length;
  const means = {
    existence: mean(byTemplate.existence),
    intensity: mean(byTemplate.intensity),
    efforts: mean(byTemplate.efforts),
  };
  const intensities = byTemplate.intensity;
  const sd = populationSd(intensities);
  const range = intensities.length === 0 ? null : Math.max(...intensities) - Math.min(...intensities);
  return {
    issue,
    n,
    answered: {
      existence: byTemplate.existence.length,
      intensity: byTemplate.intensity.length,
      efforts: byTemplate.efforts.length,
    },
    means,
    divergence: { sd, range, diverges: sd !== null && sd >= divergenceSd },
    priority: priorityForAction(means.intensity, means.efforts),
  };
}

/**
 * Two priorities this close are the same number reached by different float roundings
 * (4 × 3 / 5 and 3 × 4 / 5); they must tie rather than be ordered by noise.
 */
const TIE = 1e-9;

/**
 * Orders the issues that have a priority: highest P first, ties broken by higher intensity, then
 * by the guide's issue order. Issues without a priority are left out.
 *
 * @example rankPriorities(stats)[0]?.issue // the issue to act on first
 */
export function rankPriorities(stats: readonly IssueStats[]): PriorityEntry[] {
  const candidates = stats.flatMap((s) =>
    s.priority === null || s.means.intensity === null || s.means.efforts === null
      ? []
      : [{ issue: s.issue, priority: s.priority, intensity: s.means.intensity, efforts: s.means.efforts }],
  );
  candidates.sort((x, y) => {
    if (Math.abs(x.priority - y.priority) > TIE) return y.priority - x.priority;
    if (Math.abs(x.intensity - y.intensity) > TIE) return y.intensity - x.intensity;
    return ISSUES.indexOf(x.issue) - ISSUES.indexOf(y.issue);
  });
  return candidates.map((candidate, index) => ({ rank: index + 1, ...candidate }));
}
