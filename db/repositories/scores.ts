import { eq } from "drizzle-orm";
import type { ClusterScore, EconomicRatings, ScoringScheme } from "../../core/scoring";
import { ECONOMIC_PARAMETERS, scoreCluster } from "../../core/scoring";
import { scoreCard } from "../../core/questionnaires/score-card";
import type { Database } from "../database";
import { type ClusterProfile, type ClusterScoreRow, clusterScores, clusters } from "../schema";
import { responseSetRepository } from "./response-sets";

/** The cached score of each cluster. */
export function scoreRepository(db: Database) {
  return {
    async getCached(clusterId: string): Promise<ClusterScoreRow | null> {
      const [row] = await db.select().from(clusterScores).where(eq(clusterScores.clusterId, clusterId));
      return row ?? null;
    },

    /** Stores a cluster's score, replacing the previous one. */
    async saveCached(clusterId: string, score: ClusterScore, now: string): Promise<ClusterScoreRow> {
      const fields = {
        schemeName: score.scheme.name,
        schemeVersion: score.scheme.version,
        computedAt: now,
        countedRespondents: score.counted,
        consolidated: score.consolidated,
        awareness: score.awareness,
        intensity: score.intensity,
        engagement: score.engagement,
        economic: score.economic,
        brSignificance: score.brSignificance,
        mapCell: score.mapCell.cell,
        provisional: score.provisional,
        breakdown: score,
      };
      const [row] = await db
        .insert(clusterScores)
        .values({ clusterId, ...fields })
        .onConflictDoUpdate({ target: clusterScores.clusterId, set: fields })
        .returning();
      if (!row) throw new Error(`score of cluster ${clusterId} was not stored`);
      return row;
    },
  };
}

export type ScoreRepository = ReturnType<typeof scoreRepository>;

/** The economic ratings (`economic.<parameter>` items) out of a cluster profile; text is ignored. */
export function economicRatingsFromProfile(profile: ClusterProfile): EconomicRatings {
  const ratings: EconomicRatings = {};
  for (const parameter of ECONOMIC_PARAMETERS) {
    const value = profile[`economic.${parameter}`];
    if (value === null || typeof value === "number") ratings[parameter] = value;
  }
  return ratings;
}

/**
 * Scores one cluster from its completed score cards and its profile's economic ratings, and caches
 * the result. Call it whenever an input changes: a score card completed or reopened, a response set
 * excluded or restored, the profile edited. Null when there is no such cluster.
 *
 * @example await recomputeClusterScore(db, clusterId, await schemes.active(), new Date().toISOString())
 */
export async function recomputeClusterScore(
  db: Database,
  clusterId: string,
  scheme: ScoringScheme,
  now: string,
): Promise<ClusterScore | null> {
  const [cluster] = await db.select({ profile: clusters.profile }).from(clusters).where(eq(clusters.id, clusterId));
  if (!cluster) return null;
  const responseSets = await responseSetRepository(db).completedForScoring(clusterId, scoreCard.id);
  const score = scoreCluster({ responseSets, economicRatings: economicRatingsFromProfile(cluster.profile), scheme });
  await scoreRepository(db).saveCached(clusterId, score, now);
  return score;
}
