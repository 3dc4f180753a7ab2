import { classify } from "./classification";
import type { CategoryClass } from "./classification";
import { engagement } from "./engagement";
import { issueStats, rankPriorities } from "./issue-stats";
import type { IssueStats, PriorityEntry } from "./issue-stats";
import { CORE_ISSUES, ECONOMIC_PARAMETERS, ISSUES, isRating } from "./issues";
import type { EconomicParameter, Issue } from "./issues";
import { mapCell } from "./map-cell";
import type { MapCell } from "./map-cell";
import type { ResponseSet } from "./response-set";
import type { ScoringScheme } from "./scheme";
import { known, mean } from "./statistics";
import { tallyResponseSets } from "./tally";
import type { ClusterTally } from "./tally";

/** The cluster profile's economic ratings (Table 2.8), null meaning "don't know". */
export type EconomicRatings = Partial<Record<EconomicParameter, number | null>>;

/**
 * A cluster's score in full precision (round with `round2` to show it). A component that cannot be
 * computed is null, and so is everything built on it.
 */
export interface ClusterScore {
  /** A: mean existence over the core issues. */
  awareness: number | null;
  /** I: mean intensity over the core issues. */
  intensity: number | null;
  /** E: mean efforts over the core issues (0 = concrete initiative … 5 = no efforts). */
  efforts: number | null;
  /** G: engagement from E by the scheme's method. */
  engagement: number | null;
  /** C: mean of the economic ratings. */
  economic: number | null;
  /** S: weighted sum of A, I, G and C (Table 2.9). */
  consolidated: number | null;
  /** B: the weighted A, I and G alone, rescaled to 0–5; the map's BR axis. */
  brSignificance: number | null;
  /** Every issue, core then optional, in the guide's order. */
  issues: IssueStats[];
  /** The core issues in order of action. */
  priorities: PriorityEntry[];
  /** Table 1.4, one entry per category. */
  classes: CategoryClass[];
  mapCell: MapCell;
  /** Fewer counted response sets than the scheme's minimum. */
  provisional: boolean;
  /** Response sets counted / excluded by a moderator. */
  counted: number;
  excluded: number;
  scheme: { name: string; version: number };
}

export interface ClusterScoreInput {
  responseSets: readonly ResponseSet[];
  economicRatings: EconomicRatings;
  scheme: ScoringScheme;
}

export interface ClusterTallyScoreInput {
  tally: ClusterTally;
  economicRatings: EconomicRatings;
  scheme: ScoringScheme;
}

const coreIssues: readonly Issue[] = CORE_ISSUES;

/**
 * Scores one cluster (SPEC §3–§5) from its response sets, excluded ones included so they can be
 * counted; only counted sets enter the means. The optional issues get statistics and feed the
 * classification but never the weighted score or the priorities (SPEC §2).
 *
 * @example scoreCluster({ responseSets, economicRatings, scheme: GUIDE_SCHEME }).consolidated
 */
export function scoreCluster({ responseSets, economicRatings, scheme }: ClusterScoreInput): ClusterScore {
  return scoreClusterTally({ tally: tallyResponseSets(responseSets), economicRatings, scheme });
}

/**
 * Scores one cluster from the tally of its response sets: what `scoreCluster` does once the sets are
 * reduced, and what the database's rescore calls with a tally computed in SQL.
 *
 * @example scoreClusterTally({ tally: tallyResponseSets(sets), economicRatings, scheme: GUIDE_SCHEME })
 */
export function scoreClusterTally({ tally, economicRatings, scheme }: ClusterTallyScoreInput): ClusterScore {
  const stats = ISSUES.map((issue) => issueStats(issue, tally.issues[issue], scheme.divergenceSd));
  const coreStats = stats.filter((s) => coreIssues.includes(s.issue));
  // Means over issues: an issue nobody rated is left out, not counted as 0.
  const effortsMeans = known(coreStats.map((s) => s.means.efforts));

  const awareness = mean(known(coreStats.map((s) => s.means.existence)));
  const intensity = mean(known(coreStats.map((s) => s.means.intensity)));
  const efforts = mean(effortsMeans);
  const g = engagement(effortsMeans, scheme.engagementMethod);
  const economic = mean(ECONOMIC_PARAMETERS.map((p) => economicRatings[p]).filter(isRating));

  const w = scheme.weights;
  const brPart = awareness === null || intensity === null || g === null
    ? null
    : w.awareness * awareness + w.intensity * intensity + w.engagement * g;
  const consolidated = brPart === null || economic === null ? null : brPart + w.economic * economic;
  const brSignificance = brPart === null ? null : brPart / (w.awareness + w.intensity + w.engagement);

  const { counted, excluded } = tally;
  return {
    awareness,
    intensity,
    efforts,
    engagement: g,
    economic,
    consolidated,
    brSignificance,
    issues: stats,
    priorities: rankPriorities(coreStats),
    classes: classify(stats, scheme),
    mapCell: mapCell(brSignificance, economic, scheme.mapLevels),
    provisional: counted < scheme.minimumCountedRespondents,
    counted,
    excluded,
    scheme: { name: scheme.name, version: scheme.version },
  };
}
