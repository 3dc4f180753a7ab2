import { ISSUES } from "./issues";
import type { Issue, Template } from "./issues";
import { EMPTY_RATING_TALLY, tallyMean, tallySd } from "./tally";
import type { IssueTally } from "./tally";

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

/**
 * Statistics of one issue from its tally over the counted response sets (an issue nobody rated has
 * no tally); excluded sets never reach a tally, so every caller gets the same answer.
 *
 * @example issueStats("air_pollution", tallyResponseSets(sets).issues.air_pollution, GUIDE_SCHEME.divergenceSd)
 */
export function issueStats(issue: Issue, tally: IssueTally | undefined, divergenceSd: number): IssueStats {
  const templates = tally?.templates ?? { existence: EMPTY_RATING_TALLY, intensity: EMPTY_RATING_TALLY, efforts: EMPTY_RATING_TALLY };
  const means = {
    existence: tallyMean(templates.existence),
    intensity: tallyMean(templates.intensity),
    efforts: tallyMean(templates.efforts),
  };
  const intensity = templates.intensity;
  const sd = tallySd(intensity);
  const range = intensity.min === null || intensity.max === null ? null : intensity.max - intensity.min;
  return {
    issue,
    n: tally?.respondents ?? 0,
    answered: {
      existence: templates.existence.count,
      intensity: intensity.count,
      efforts: templates.efforts.count,
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
