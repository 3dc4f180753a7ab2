import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { CORE_ISSUES, GUIDE_SCHEME, GUIDE_RECIPROCAL_SCHEME, RATING_KEYS, ratingKey, ratingsFromAnswers, tallyResponseSets } from "../../core/scoring";
import type { AnswerValue } from "../../core/engine/types";
import { clusterTally } from "../../db/repositories/score-tally";
import { seededRandom } from "../../db/seed/random";
import { scoreCard } from "../../core/questionnaires/score-card";
import { clusterScores, createRepositories, recomputeAllClusterScores, recomputeClusterScore, scoreCompletedCard, type Repositories } from "../../db";
import type { Database } from "../../db/database";
import { at, makeCluster, makeRespondent, saveScoreCard } from "./fixtures";
import { testDrivers } from "./drivers";

/** SPEC §10: the worked example's two respondents, issues in the guide's order. */
const R1 = { existence: [4, 2, 3, 5, 4, 1, 2], intensity: [3, 1, 2, 4, 5, 0, 2], efforts: [5, 5, 4, 2, 3, 5, 5] };
const R2 = { existence: [2, 2, 5, 3, 4, 3, 0], intensity: [3, 3, 2, 4, 3, 2, 0], efforts: [3, 5, 4, 4, 1, 5, 3] };
const ECONOMIC = {
  "economic.value_chain_importance": 4,
  "economic.raw_materials": 3,
  "economic.turnover": 2,
  "economic.exports": 1,
  "economic.employment": 5,
};

function ratingsOf(respondent: typeof R1): Record<string, number> {
  const ratings: Record<string, number> = {};
  CORE_ISSUES.forEach((issue, i) => {
    for (const template of ["existence", "intensity", "efforts"] as const) ratings[ratingKey(issue, template)] = respondent[template][i] ?? 0;
  });
  return ratings;
}

describe.each(testDrivers())("cluster scores on $name", (driver) => {
  let db: Database;
  let repos: Repositories;

  beforeEach(async () => {
    db = await driver.open();
    repos = createRepositories(db);
  });

  async function scoreCardOf(clusterId: string, ratings: Record<string, AnswerValue>, completed = true) {
    const respondent = await makeRespondent(db, clusterId);
    const saved = await saveScoreCard(db, respondent.id, clusterId, ratings, { completed, now: at(300) });
    expect(saved.status).toBe("saved");
    return saved.sessionId;
  }

  it("scores the worked example and caches it", async () => {
    const cluster = await makeCluster(db, { profile: ECONOMIC });
    await scoreCardOf(cluster.id, ratingsOf(R1));
    await scoreCardOf(cluster.id, ratingsOf(R2));
    await scoreCardOf(cluster.id, ratingsOf(R2), false);

    const score = await recomputeClusterScore(db, cluster.id, GUIDE_SCHEME, at(400));
    expect(score?.consolidated).toBeCloseTo(2.55, 10);
    expect(score?.awareness).toBeCloseTo(20 / 7, 10);
    expect(score?.economic).toBeCloseTo(3, 10);
    expect(score?.mapCell.cell).toBe(5);
    expect(score?.provisional).toBe(true);
    expect(score?.counted).toBe(2);

    const cached = await repos.scores.getCached(cluster.id);
    expect(cached).toMatchObject({ schemeName: "guide", schemeVersion: 1, countedRespondents: 2, mapCell: 5, provisional: true, computedAt: at(400) });
    expect(cached?.consolidated).toBeCloseTo(2.55, 10);
    expect(cached?.brSignificance).toBeCloseTo(2.25, 10);

    const reciprocal = await recomputeClusterScore(db, cluster.id, GUIDE_RECIPROCAL_SCHEME, at(401));
    expect(reciprocal?.consolidated).toBeCloseTo(2.5175, 4);
    expect((await repos.scores.getCached(cluster.id))?.schemeName).toBe("guide-reciprocal");
  });

  it("leaves an excluded response set out until it is restored, auditing both", async () => {
    const cluster = await makeCluster(db, { profile: ECONOMIC });
    await scoreCardOf(cluster.id, ratingsOf(R1));
    const second = await scoreCardOf(cluster.id, ratingsOf(R2));

    const excluded = await repos.responseSets.exclude({ id: second, reason: "same person twice", actor: "user:mod-1", now: at(500) });
    expect(excluded).toMatchObject({ status: "changed", responseSet: { excludedBy: "user:mod-1", exclusionReason: "same person twice" } });
    expect((await repos.responseSets.exclude({ id: second, reason: "again", actor: "user:mod-2", now: at(501) })).status).toBe("unchanged");

    const without = await recomputeClusterScore(db, cluster.id, GUIDE_SCHEME, at(502));
    // R1 alone: existence 4+2+3+5+4+1+2 = 21 over 7 issues.
    expect(without?.awareness).toBeCloseTo(3, 10);
    expect([without?.counted, without?.excluded]).toEqual([1, 1]);
    expect((await repos.scores.getCached(cluster.id))?.countedRespondents).toBe(1);

    expect((await repos.responseSets.restore({ id: second, reason: "checked: two people", actor: "user:mod-1", now: at(503) })).status).toBe("changed");
    const restored = await recomputeClusterScore(db, cluster.id, GUIDE_SCHEME, at(504));
    expect(restored?.consolidated).toBeCloseTo(2.55, 10);

    const trail = await repos.audit.list({ filter: { entity: "response_set", entityId: second }, sort: { field: "id", order: "ASC" } });
    expect(trail.rows.map((r) => [r.action, r.actor])).toEqual([
      ["response_set.exclude", "user:mod-1"],
      ["response_set.restore", "user:mod-1"],
    ]);
    expect(await repos.responseSets.exclude({ id: "missing", reason: "x", actor: "user:mod-1", now: at(505) })).toEqual({ status: "not_found" });
  });

  it("tallies a cluster in SQL exactly as core tallies the same sets in memory", async () => {
    const cluster = await makeCluster(db, { profile: ECONOMIC });
    const other = await makeCluster(db, { profile: ECONOMIC });
    const random = seededRandom(7);
    // Whole and half ratings, "don't know", and values core refuses as ratings (out of range, text).
    const values: AnswerValue[] = [0, 1, 2, 3, 4, 5, 2.5, null, 7, -1, "4", "yes"];
    const sets: string[] = [];
    for (let s = 0; s < 14; s++) {
      const answers: Record<string, AnswerValue> = { enterprise_name: "Kiln works", employees: 3 };
      for (const key of RATING_KEYS) if (random() < 0.8) answers[key] = values[Math.floor(random() * values.length)]!;
      sets.push(await scoreCardOf(cluster.id, answers, s !== 13));
    }
    await scoreCardOf(other.id, ratingsOf(R1));
    for (const excluded of [sets[2]!, sets[9]!]) await repos.responseSets.exclude({ id: excluded, reason: "test", actor: "user:mod-1", now: at(550) });

    const inSql = await clusterTally(db, cluster.id, scoreCard.id);
    const inMemory = tallyResponseSets(await repos.responseSets.completedForScoring(cluster.id, scoreCard.id));
    expect([inSql.counted, inSql.excluded]).toEqual([11, 2]);
    expect(inSql).toEqual(inMemory);
    expect(Object.keys(inSql.issues).length).toBeGreaterThan(5);
  });

  /** A completed card as the journey hands it over: the ratings of its answers. */
  function cardOf(sessionId: string, answers: Record<string, AnswerValue>) {
    const ratings = ratingsFromAnswers(Object.fromEntries(Object.entries(answers).map(([key, value]) => [key, { value: value as number | string | null }])));
    return { id: sessionId, respondentId: "r", counted: true, ratings };
  }

  /** Adds 100 to one sum of the cached tally: any score built on the cache shows it, a recompute does not. */
  async function markCachedTally(clusterId: string) {
    const [row] = await db.select({ tally: clusterScores.tally }).from(clusterScores).where(eq(clusterScores.clusterId, clusterId));
    const tally = structuredClone(row!.tally!);
    tally.issues.air_pollution!.templates.existence.sum += 100;
    await db.update(clusterScores).set({ tally }).where(eq(clusterScores.clusterId, clusterId));
  }

  const cachedTally = async (clusterId: string) =>
    (await db.select({ tally: clusterScores.tally }).from(clusterScores).where(eq(clusterScores.clusterId, clusterId)))[0]?.tally;

  it("scores a completed card by adding it to the cached tally: the same score as a full recompute", async () => {
    const cluster = await makeCluster(db, { profile: ECONOMIC });
    await scoreCardOf(cluster.id, ratingsOf(R1));
    await scoreCardOf(cluster.id, ratingsOf(R2));
    await recomputeClusterScore(db, cluster.id, GUIDE_SCHEME, at(400));
    const answers = { ...ratingsOf(R1), "air_pollution.intensity": null, "noise_pollution.efforts": 2.5 };
    const card = await scoreCardOf(cluster.id, answers);

    const added = await scoreCompletedCard(db, cluster.id, cardOf(card, answers), GUIDE_SCHEME, at(410));
    const addedTally = await cachedTally(cluster.id);
    const recomputed = await recomputeClusterScore(db, cluster.id, GUIDE_SCHEME, at(410));
    expect(added).toEqual(recomputed);
    expect(addedTally).toEqual(await clusterTally(db, cluster.id, scoreCard.id));
    expect(added?.counted).toBe(3);
  });

  it("builds on the cached tally when the completed cards add up, without reading every card again", async () => {
    const cluster = await makeCluster(db, { profile: ECONOMIC });
    await scoreCardOf(cluster.id, ratingsOf(R1));
    await recomputeClusterScore(db, cluster.id, GUIDE_SCHEME, at(400));
    await markCachedTally(cluster.id);
    const card = await scoreCardOf(cluster.id, ratingsOf(R2));

    await scoreCompletedCard(db, cluster.id, cardOf(card, ratingsOf(R2)), GUIDE_SCHEME, at(410));
    const existence = (await cachedTally(cluster.id))?.issues.air_pollution?.templates.existence;
    expect(existence?.sum).toBe(R1.existence[4]! + R2.existence[4]! + 100);
  });

  it("recomputes the cluster instead when the cache cannot be trusted to hold exactly the other cards", async () => {
    const cluster = await makeCluster(db, { profile: ECONOMIC });
    const first = await scoreCardOf(cluster.id, ratingsOf(R1));
    await recomputeClusterScore(db, cluster.id, GUIDE_SCHEME, at(400));
    const expectRecomputed = async (score: Awaited<ReturnType<typeof scoreCompletedCard>>) => {
      expect(await cachedTally(cluster.id)).toEqual(await clusterTally(db, cluster.id, scoreCard.id));
      expect(score).toEqual(await recomputeClusterScore(db, cluster.id, GUIDE_SCHEME, at(420)));
    };

    // The same card finished again (reopened, then completed): counted once, not twice.
    await markCachedTally(cluster.id);
    await expectRecomputed(await scoreCompletedCard(db, cluster.id, cardOf(first, ratingsOf(R1)), GUIDE_SCHEME, at(420)));

    // Another card completed since the cache was written, not yet scored: both count.
    await markCachedTally(cluster.id);
    await scoreCardOf(cluster.id, ratingsOf(R2));
    const latest = await scoreCardOf(cluster.id, ratingsOf(R1));
    await expectRecomputed(await scoreCompletedCard(db, cluster.id, cardOf(latest, ratingsOf(R1)), GUIDE_SCHEME, at(420)));

    // A card excluded since: left out.
    await markCachedTally(cluster.id);
    const excluded = await scoreCardOf(cluster.id, ratingsOf(R2));
    await repos.responseSets.exclude({ id: first, reason: "test", actor: "user:mod-1", now: at(415) });
    await expectRecomputed(await scoreCompletedCard(db, cluster.id, cardOf(excluded, ratingsOf(R2)), GUIDE_SCHEME, at(420)));

    // A score cached before tallies were kept.
    await db.update(clusterScores).set({ tally: null }).where(eq(clusterScores.clusterId, cluster.id));
    const last = await scoreCardOf(cluster.id, ratingsOf(R2));
    await expectRecomputed(await scoreCompletedCard(db, cluster.id, cardOf(last, ratingsOf(R2)), GUIDE_SCHEME, at(420)));
    expect((await repos.scores.getCached(cluster.id))?.countedRespondents).toBe(4);
  });

  it("recomputes every cluster page by page to the same scores as one cluster at a time", async () => {
    const clusterIds: string[] = [];
    for (let c = 0; c < 5; c++) {
      const cluster = await makeCluster(db, { profile: ECONOMIC });
      clusterIds.push(cluster.id);
      // The third cluster has no completed score card: it still gets a (provisional, empty) score.
      if (c === 2) continue;
      await scoreCardOf(cluster.id, ratingsOf(c % 2 ? R1 : R2));
      await scoreCardOf(cluster.id, ratingsOf(R1));
    }

    expect(await recomputeAllClusterScores(db, GUIDE_RECIPROCAL_SCHEME, at(900), 2)).toBe(5);
    const batch = new Map<string, unknown>();
    for (const id of clusterIds) {
      const cached = await repos.scores.getCached(id);
      expect(cached).toMatchObject({ schemeName: "guide-reciprocal", computedAt: at(900) });
      batch.set(id, cached?.breakdown);
    }
    for (const id of clusterIds) {
      await recomputeClusterScore(db, id, GUIDE_RECIPROCAL_SCHEME, at(901));
      expect((await repos.scores.getCached(id))?.breakdown).toEqual(batch.get(id));
    }
    expect(batch.get(clusterIds[2]!)).toMatchObject({ counted: 0, consolidated: null, provisional: true });
    expect(batch.get(clusterIds[0]!)).toMatchObject({ counted: 2 });
  });

  it("recomputes only the cluster asked for", async () => {
    const one = await makeCluster(db, { profile: ECONOMIC });
    const other = await makeCluster(db, { profile: ECONOMIC });
    await scoreCardOf(one.id, ratingsOf(R1));
    await scoreCardOf(other.id, ratingsOf(R2));
    await recomputeClusterScore(db, other.id, GUIDE_SCHEME, at(600));
    await scoreCardOf(other.id, ratingsOf(R1));

    await recomputeClusterScore(db, one.id, GUIDE_SCHEME, at(700));
    expect(await repos.scores.getCached(other.id)).toMatchObject({ computedAt: at(600), countedRespondents: 1 });
    expect(await repos.scores.getCached(one.id)).toMatchObject({ computedAt: at(700), countedRespondents: 1 });
    expect(await recomputeClusterScore(db, "missing", GUIDE_SCHEME, at(701))).toBeNull();
  });

  it("lists response sets for moderation with filter, sort and range", async () => {
    const cluster = await makeCluster(db);
    const sets = [];
    for (let i = 0; i < 4; i++) sets.push(await scoreCardOf(cluster.id, { "air_pollution.existence": i }));
    await repos.responseSets.exclude({ id: sets[1] ?? "", reason: "speeding", actor: "user:mod-1", now: at(800) });

    const counted = await repos.responseSets.list({ filter: { clusterId: cluster.id, excluded: false }, sort: { field: "id", order: "ASC" }, range: [0, 1] });
    expect(counted.total).toBe(3);
    expect(counted.rows.map((r) => r.id)).toEqual([sets[0], sets[2], sets[3]].sort().slice(0, 2));
    const excluded = await repos.responseSets.list({ filter: { excluded: true } });
    expect(excluded.rows.map((r) => r.id)).toEqual([sets[1]]);
  });
});
