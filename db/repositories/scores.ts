import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { ClusterScore, ClusterTally, EconomicRatings, ResponseSet, ScoringScheme } from "../../core/scoring";
import { ECONOMIC_PARAMETERS, mergeTallies, scoreClusterTally, tallyResponseSets } from "../../core/scoring";
import { scoreCard } from "../../core/questionnaires/score-card";
import { atomically, type Database } from "../database";
import { type ClusterProfile, type ClusterScoreRow, clusterScores, clusters } from "../schema";
import { clusterTally, countCompletedSets, tallyClusters } from "./score-tally";

/** The cached score of each cluster. */
export function scoreRepository(db: Database) {
  return {
    async getCached(clusterId: string): Promise<ClusterScoreRow | null> {
      const [row] = await db.select().from(clusterScores).where(eq(clusterScores.clusterId, clusterId));
      return row ?? null;
    },

    /** Stores a cluster's score and the tally it was computed from, replacing the previous one. */
    async saveCached(clusterId: string, score: ClusterScore, tally: ClusterTally, now: string): Promise<ClusterScoreRow> {
      const [row] = await saveStatement(clusterId, score, tally, now).returning();
      if (!row) throw new Error(`score of cluster ${clusterId} was not stored`);
      return row;
    },

    /** The write of `saveCached`, unexecuted, for a batch of several clusters. */
    saveStatement,
  };

  function saveStatement(clusterId: string, score: ClusterScore, tally: ClusterTally, now: string) {
    const fields = { ...scoreColumns(score, now), tally };
    return db
      .insert(clusterScores)
      .values({ clusterId, ...fields, revision: 1 })
      .onConflictDoUpdate({ target: clusterScores.clusterId, set: { ...fields, revision: sql`${clusterScores.revision} + 1` } });
  }
}

/** The columns a score fills: the headline numbers the console sorts and filters by, and the whole breakdown. */
function scoreColumns(score: ClusterScore, now: string) {
  return {
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
 * Scores one cluster from its completed score cards (tallied in SQL) and its profile's economic
 * ratings, and caches the result. Call it whenever an input changes: a score card completed or reopened, a response set
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
  const tally = await clusterTally(db, clusterId, scoreCard.id);
  const score = scoreClusterTally({ tally, economicRatings: economicRatingsFromProfile(cluster.profile), scheme });
  await scoreRepository(db).saveCached(clusterId, score, tally, now);
  return score;
}

/**
 * Scores a cluster after one of its score cards was completed by adding that card to the tally its
 * cached score was computed from, instead of tallying every card again: a few small reads and one
 * write, whatever the cluster's size. Whenever the cache cannot be trusted to hold exactly the other
 * counted cards, it recomputes the cluster instead: no tally cached yet; the counts of completed
 * cards do not match (this card counted already, having been completed before and reopened, or
 * another card was completed, reopened or excluded since); or another writer stored a score between
 * the read and the write (the revision moved). Null when there is no such cluster.
 */
export async function scoreCompletedCard(
  db: Database,
  clusterId: string,
  card: ResponseSet,
  scheme: ScoringScheme,
  now: string,
): Promise<ClusterScore | null> {
  const [[cached], counts] = await Promise.all([
    db
      .select({ profile: clusters.profile, tally: clusterScores.tally, revision: clusterScores.revision })
      .from(clusters)
      .leftJoin(clusterScores, eq(clusterScores.clusterId, clusters.id))
      .where(eq(clusters.id, clusterId)),
    countCompletedSets(db, scoreCard.id, { clusterId }),
  ]);
  if (!cached) return null;
  const { tally: before, revision } = cached;
  const completed = counts.get(clusterId) ?? { counted: 0, excluded: 0 };
  if (before && revision !== null && completed.counted === before.counted + 1 && completed.excluded === before.excluded) {
    const tally = mergeTallies(before, tallyResponseSets([{ ...card, counted: true }]));
    const score = scoreClusterTally({ tally, economicRatings: economicRatingsFromProfile(cached.profile), scheme });
    const stored = await db
      .update(clusterScores)
      .set({ ...scoreColumns(score, now), tally, revision: sql`${clusterScores.revision} + 1` })
      .where(and(eq(clusterScores.clusterId, clusterId), eq(clusterScores.revision, revision)))
      .returning({ clusterId: clusterScores.clusterId });
    if (stored.length > 0) return score;
  }
  return recomputeClusterScore(db, clusterId, scheme, now);
}

/**
 * Clusters rescored per batch when every score is recomputed: one tally query and one atomic write
 * per page. A page's upserts carry the ~4 kB breakdowns, so a hundred keeps a D1 batch well under
 * its size limits.
 */
const RESCORE_PAGE = 100;

/**
 * Recomputes and caches the score of every cluster, page by page in id order, e.g. after another
 * scoring scheme became active. Each page is tallied in one query and written in one batch, so a
 * crash leaves whole pages done and a rerun finishes the job. Returns how many clusters were scored.
 *
 * @example await recomputeAllClusterScores(db, await schemes.active(), new Date().toISOString())
 */
export async function recomputeAllClusterScores(db: Database, scheme: ScoringScheme, now: string, pageSize = RESCORE_PAGE): Promise<number> {
  const scores = scoreRepository(db);
  let scored = 0;
  for (let after: string | null = null; ; ) {
    const page = await db
      .select({ id: clusters.id, profile: clusters.profile })
      .from(clusters)
      .where(after === null ? undefined : gt(clusters.id, after))
      .orderBy(asc(clusters.id))
      .limit(pageSize);
    const first = page[0];
    const last = page.at(-1);
    if (!first || !last) return scored;
    const tallies = await tallyClusters(db, scoreCard.id, { from: first.id, through: last.id });
    await atomically(
      db,
      page.map((cluster) => {
        const tally = tallies.get(cluster.id) ?? { counted: 0, excluded: 0, issues: {} };
        const score = scoreClusterTally({ tally, economicRatings: economicRatingsFromProfile(cluster.profile), scheme });
        return scores.saveStatement(cluster.id, score, tally, now);
      }),
    );
    scored += page.length;
    after = last.id;
  }
}
