import { CORE_ISSUES, CORE_RATING_KEYS, isRating, ratingKey } from "./issues";
import { countedSets } from "./response-set";
import type { ResponseSet } from "./response-set";
import { round2 } from "./round";
import type { ScoringScheme } from "./scheme";
import { mean, populationSd } from "./statistics";

/**
 * Flags that point a moderator at response sets worth a second look (SPEC §6). A flag never
 * excludes anything: only a moderator does, with a reason.
 */

export const FLAG_KINDS = ["straight_lining", "speeding", "duplicate", "outlier"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface Flag {
  kind: FlagKind;
  /** i18n key, `scoring:flag.<kind>.reason`; its name is `scoring:flag.<kind>.name`. */
  reasonKey: string;
  params: Record<string, number | string>;
}

function flag(kind: FlagKind, params: Flag["params"]): Flag {
  return { kind, reasonKey: `scoring:flag.${kind}.reason`, params };
}

/** All 21 core ratings given and all the same: the respondent may have tapped one button throughout. */
function straightLining(set: ResponseSet): Flag | null {
  const values = CORE_RATING_KEYS.map((key) => set.ratings[key]);
  const first = values[0];
  if (!isRating(first) || !values.every((value) => value === first)) return null;
  return flag("straight_lining", { value: first, count: values.length });
}

/** Finished faster than anyone can read 21 questions; sets without both times are not judged. */
function speeding(set: ResponseSet, minimumSeconds: number): Flag | null {
  if (set.startedAt === undefined || set.completedAt === undefined) return null;
  const seconds = (Date.parse(set.completedAt) - Date.parse(set.startedAt)) / 1000;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds >= minimumSeconds) return null;
  return flag("speeding", { seconds: Math.floor(seconds), minimum: minimumSeconds });
}

/** Mean of a set's core intensity ratings: how serious the respondent finds the cluster's issues. */
function meanIntensity(set: ResponseSet): number | null {
  return mean(CORE_ISSUES.map((issue) => set.ratings[ratingKey(issue, "intensity")]).filter(isRating));
}

/**
 * Flags every response set of one cluster. The map has an entry for every set, empty when
 * nothing was found. Outliers are measured against the counted sets only, so an excluded set
 * cannot shift the yardstick; note that with n counted sets no |z| can exceed √(n − 1), so the
 * default threshold of 2.5 starts flagging from 8 counted sets.
 *
 * @example flagResponseSets(sets, GUIDE_SCHEME).get(set.id) // [{ kind: "speeding", … }]
 */
export function flagResponseSets(sets: readonly ResponseSet[], scheme: ScoringScheme): Map<string, Flag[]> {
  const { speedingMinimumSeconds, outlierZ } = scheme.moderation;

  const setsByIdentity = new Map<string, number>();
  for (const set of sets) {
    if (set.identityKey !== undefined) {
      setsByIdentity.set(set.identityKey, (setsByIdentity.get(set.identityKey) ?? 0) + 1);
    }
  }

  const population = countedSets(sets)
    .map(meanIntensity)
    .filter((value): value is number => value !== null);
  const centre = population.length >= 3 ? mean(population) : null;
  const spread = population.length >= 3 ? populationSd(population) : null;

  const flags = new Map<string, Flag[]>();
  for (const set of sets) {
    const found: Flag[] = [];
    const lined = straightLining(set);
    if (lined) found.push(lined);
    const fast = speeding(set, speedingMinimumSeconds);
    if (fast) found.push(fast);
    const copies = set.identityKey === undefined ? 0 : (setsByIdentity.get(set.identityKey) ?? 0);
    if (copies > 1) found.push(flag("duplicate", { count: copies }));
    const own = meanIntensity(set);
    if (own !== null && centre !== null && spread !== null && spread > 0) {
      const z = (own - centre) / spread;
      if (Math.abs(z) > outlierZ) {
        found.push(flag("outlier", { z: round2(z), meanIntensity: round2(own), clusterMean: round2(centre), threshold: outlierZ }));
      }
    }
    flags.set(set.id, found);
  }
  return flags;
}
