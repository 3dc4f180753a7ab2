import type { Issue } from "../scoring/issues";
import type { ConceptId } from "./concepts";
import { CONCEPTS } from "./concepts";
import { words } from "./normalise";
import type { TagKey } from "./tags";
import type { Activity, Scheme } from "./types";

/** Why something was suggested: an i18n key in the `schemes` namespace and its parameters. */
export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

/** What the search knows about the asker's cluster. */
export interface ClusterContext {
  /** The cluster's issues by priority for action, highest first (SPEC §3); only the first three count. */
  priorityIssues: readonly Issue[];
  /** Share of women in the workforce, 0–1. */
  womenShare?: number | null;
}

/**
 * Score weights. Full-text relevance is scaled to 0–1 (see `RELEVANCE_HALF`), so a weight of 1 is
 * worth as much as a perfect text match.
 */
export const WEIGHTS = {
  concept: 1,
  priority: [0.9, 0.6, 0.3],
  womenWorkforce: 0.5,
  unknownStatus: -0.25,
} as const;

/**
 * The bm25 score (sign turned positive) that counts as half a perfect text match: relevance is
 * bm25 / (bm25 + RELEVANCE_HALF). In the catalogue a query's best matches score about 4 to 6.
 */
export const RELEVANCE_HALF = 4;

/** From this share of women in the workforce on, schemes for women are boosted. */
export const WOMEN_MAJORITY = 0.5;

/**
 * A score added to every scheme (or activity) that has all tags of at least one alternative in
 * `match`, with the reason shown for it.
 */
export interface Boost {
  match: readonly (readonly TagKey[])[];
  weight: number;
  reason: Reason;
}

/**
 * The boosts for a query's concepts and, if given, the asker's cluster: each concept asked for, the
 * cluster's top three priority issues (more for the first), and women's schemes where women are the
 * majority of the workforce.
 */
export function rankingBoosts(concepts: readonly ConceptId[], cluster?: ClusterContext): Boost[] {
  const boosts: Boost[] = concepts.map((concept) => ({
    match: CONCEPTS[concept],
    weight: WEIGHTS.concept,
    reason: { key: "schemes:reasons.concept", params: { concept } },
  }));
  if (!cluster) return boosts;
  WEIGHTS.priority.forEach((weight, index) => {
    const issue = cluster.priorityIssues[index];
    if (issue === undefined) return;
    boosts.push({
      match: [[`issue:${issue}`]],
      weight,
      reason: { key: "schemes:reasons.cluster_priority", params: { issue, rank: index + 1 } },
    });
  });
  const share = cluster.womenShare;
  if (share != null && share >= WOMEN_MAJORITY) {
    boosts.push({
      match: [["group:women"]],
      weight: WEIGHTS.womenWorkforce,
      reason: { key: "schemes:reasons.women_workforce", params: { share: Math.round(share * 100) } },
    });
  }
  return boosts;
}

/** Whether a boost applies to something with these tags. */
export function boostApplies(boost: Boost, tags: ReadonlySet<TagKey>): boolean {
  return boost.match.some((alternative) => alternative.every((tag) => tags.has(tag)));
}

const TEXT_FIELDS = ["name", "objective", "ministry"] as const;

/**
 * Loose word equality for explaining text matches: the index stems English words, so "weavers" found
 * "weaver"; close enough is a shared stem of four letters or more with a short tail.
 */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short);
}

function containsPhrase(fieldWords: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= fieldWords.length; start++) {
    if (phrase.every((word, offset) => sameWord(word, fieldWords[start + offset] ?? ""))) return true;
  }
  return false;
}

/**
 * One reason per text field (name, objective, ministry) in which any searched item occurs, with the
 * first such item, e.g. `{ key: "schemes:reasons.text", params: { field: "objective", match: "energy audit" } }`.
 */
export function textReasons(items: readonly string[], scheme: Pick<Scheme, (typeof TEXT_FIELDS)[number]>): Reason[] {
  const itemWords = items.map((item) => ({ item, words: item.split(" ") }));
  return TEXT_FIELDS.flatMap((field) => {
    const fieldWords = words(scheme[field]);
    const found = itemWords.find((candidate) => containsPhrase(fieldWords, candidate.words));
    return found ? [{ key: "schemes:reasons.text", params: { field, match: found.item } }] : [];
  });
}

/**
 * Says what became of a scheme that is not simply active: where it continues, that it closed, or
 * that its present status is not known.
 */
export function statusReason(scheme: Pick<Scheme, "status" | "statusNote">, successor: Pick<Scheme, "id" | "name"> | null): Reason | null {
  const note = scheme.statusNote ?? "";
  switch (scheme.status) {
    case "active":
      return null;
    case "unknown":
      return { key: "schemes:reasons.status_unknown", params: {} };
    case "merged":
    case "closed":
      return successor
        ? { key: `schemes:reasons.${scheme.status}_successor`, params: { successor: successor.name, successorId: successor.id, note } }
        : { key: `schemes:reasons.${scheme.status}`, params: { note } };
  }
}

/** An activity suggested for a cluster. */
export interface ActivitySuggestion {
  activity: Activity;
  score: number;
  reasons: Reason[];
}

/**
 * Ranks BR activities for a cluster: an activity scores the boosts of the priority issues it works on
 * (and the women's boost where it applies); those scoring nothing are left out. Ties keep Annex IV order.
 */
export function suggestActivities(activities: readonly Activity[], cluster: ClusterContext, limit: number): ActivitySuggestion[] {
  const boosts = rankingBoosts([], cluster);
  const scored = activities.map((activity) => {
    const tags = new Set<TagKey>([
      ...activity.issues.map((issue) => `issue:${issue}` as const),
      ...activity.groups.map((group) => `group:${group}` as const),
    ]);
    const applied = boosts.filter((boost) => boostApplies(boost, tags));
    return {
      activity,
      score: applied.reduce((sum, boost) => sum + boost.weight, 0),
      reasons: applied.map((boost) => boost.reason),
    };
  });
  return scored
    .filter((suggestion) => suggestion.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, limit));
}
