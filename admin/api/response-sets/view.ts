import type { Database } from "../../../db/database";
import { consoleUserRepository } from "../../../db/repositories/console-users";
import { respondentRepository } from "../../../db/repositories/respondents";
import { responseSetRepository } from "../../../db/repositories/response-sets";
import { scoringSchemeRepository } from "../../../db/repositories/scoring-schemes";
import { scoreCard } from "../../../core/questionnaires";
import { flagResponseSets, type Flag } from "../../../core/scoring";
import type { ResponseSet } from "../../../db/schema";

/**
 * Response sets as moderators see them: who answered (unless they asked to be forgotten), how long it
 * took, whether the set counts, and the flags that suggest a second look (SPEC §6).
 */
export async function responseSetViews(db: Database, sets: readonly ResponseSet[]) {
  const respondents = respondentRepository(db);
  const users = consoleUserRepository(db);
  const scheme = await scoringSchemeRepository(db).active();
  // Flags compare a set with the rest of its cluster, so each cluster on the page is read whole once.
  const flagsByCluster = new Map<string, Map<string, Flag[]>>();
  for (const clusterId of new Set(sets.flatMap((set) => (set.clusterId ? [set.clusterId] : [])))) {
    const scoring = await responseSetRepository(db).completedForScoring(clusterId, scoreCard.id);
    flagsByCluster.set(clusterId, flagResponseSets(scoring, scheme));
  }
  const names = new Map<string, string | null>();
  return Promise.all(
    sets.map(async (set) => {
      const respondent = await respondents.get(set.respondentId);
      if (set.excludedBy?.startsWith("user:") && !names.has(set.excludedBy)) {
        names.set(set.excludedBy, (await users.get(set.excludedBy.slice("user:".length)))?.name ?? null);
      }
      const seconds = set.completedAt ? (Date.parse(set.completedAt) - Date.parse(set.startedAt)) / 1000 : null;
      return {
        id: set.id,
        clusterId: set.clusterId,
        respondentId: set.respondentId,
        respondentName: respondent?.forgottenAt ? null : (respondent?.displayName ?? null),
        stakeholderType: respondent?.stakeholderType ?? null,
        questionnaireId: set.questionnaireId,
        questionnaireVersion: set.questionnaireVersion,
        status: set.status,
        startedAt: set.startedAt,
        completedAt: set.completedAt,
        durationSeconds: seconds === null ? null : Math.round(seconds),
        excluded: set.excludedAt !== null,
        excludedAt: set.excludedAt,
        exclusionReason: set.exclusionReason,
        excludedBy: set.excludedBy,
        excludedByName: set.excludedBy ? (names.get(set.excludedBy) ?? set.excludedBy) : null,
        flags: (set.clusterId ? flagsByCluster.get(set.clusterId)?.get(set.id) : undefined) ?? [],
      };
    }),
  );
}

export type ResponseSetView = Awaited<ReturnType<typeof responseSetViews>>[number];
