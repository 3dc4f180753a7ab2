/**
 * Rescore: 1,000 clusters × 100 respondents (2.1M answer rows) in a file-backed SQLite database.
 * The product recomputes every cluster through `recomputeAllClusterScores` (tally each page of
 * clusters in SQL, score the tallies in core, cache the results in one write per page). Baselines: the
 * statistics a score is built from (per cluster and issue: respondents, and per rating count, sum,
 * sum of squares, min, max) in one hand-written query, and the bare per-issue means in one GROUP BY.
 * Then one answer changes and only its cluster is recomputed: the bench checks that no other cluster's
 * cached row was rewritten.
 *
 *   npx tsx bench/rescore.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import { STATES } from "../core/questionnaires";
import { CORE_ISSUES, CORE_RATING_KEYS, ECONOMIC_PARAMETERS, GUIDE_SCHEME, SECTORS, TEMPLATES, type ClusterScore } from "../core/scoring";
import { recomputeAllClusterScores, recomputeClusterScore } from "../db/repositories/scores";
import { seededRandom } from "../db/seed/random";
import { openSqlite } from "../db/sqlite";
import { median } from "./process-stats";

const CLUSTERS = 1000;
const RESPONDENTS_PER_CLUSTER = 100;
const ROUNDS = 3;
const SINGLE_RECOMPUTES = 21;
const DAY = 24 * 60 * 60 * 1000;
const EPOCH = Date.parse("2025-01-01T00:00:00.000Z");

const clusterId = (index: number) => `cluster-${String(index).padStart(7, "0")}`;

/**
 * Writes clusters (with economic ratings in their profiles), one respondent per completed score card,
 * and the 21 core ratings of each card, straight into the tables the engine fills. Each cluster leans
 * its own way per issue so that scores differ; 4% of ratings are "don't know" (null) and 2% of sets
 * are excluded by a moderator, so both paths must leave them out. One transaction, so it takes seconds.
 */
export function insertScoredClusters(sqlite: BetterSqlite3.Database, clusters: number, perCluster: number, seed: number): void {
  const random = seededRandom(seed);
  const rating = (centre: number) => Math.max(0, Math.min(5, Math.round(centre + (random() - 0.5) * 2.6)));
  const insertCluster = sqlite.prepare(
    "INSERT INTO clusters (id, name, sector, state, district, invite_code, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertRespondent = sqlite.prepare(
    "INSERT INTO respondents (id, cluster_id, stakeholder_type, display_name, locale, consent_at, created_at, updated_at) VALUES (?, ?, 'worker', ?, 'en', ?, ?, ?)",
  );
  const insertSet = sqlite.prepare(
    `INSERT INTO response_sets (id, respondent_id, cluster_id, questionnaire_id, questionnaire_version, status, excluded_at, exclusion_reason, excluded_by, started_at, completed_at, updated_at)
     VALUES (?, ?, ?, 'score_card', 1, 'completed', ?, ?, ?, ?, ?, ?)`,
  );
  const insertAnswer = sqlite.prepare("INSERT INTO answers (response_set_id, item_id, value, answered_at) VALUES (?, ?, ?, ?)");
  // response_sets.id refers to the engine's session, whose state no benchmark reads; checking the
  // reference would need a million synthetic session states for nothing.
  sqlite.pragma("foreign_keys = OFF");
  sqlite.transaction(() => {
    for (let c = 0; c < clusters; c++) {
      const id = clusterId(c);
      const created = new Date(EPOCH + c * 60_000).toISOString();
      const economic = Object.fromEntries(ECONOMIC_PARAMETERS.map((parameter) => [`economic.${parameter}`, Math.floor(random() * 6)]));
      const state = STATES[c % STATES.length]!;
      insertCluster.run(id, `Cluster ${c}`, SECTORS[c % SECTORS.length], state, `District ${c % 97}`, `BENCH${c}`, JSON.stringify({ state, ...economic }), created, created);
      const tendency = CORE_ISSUES.map(() => TEMPLATES.map(() => random() * 5));
      for (let r = 0; r < perCluster; r++) {
        const setId = `${id}-set-${r}`;
        const respondentId = `${id}-respondent-${r}`;
        const started = EPOCH + (c + random() * 30) * DAY;
        const at = (step: number) => new Date(started + step * 20_000).toISOString();
        const completed = at(CORE_RATING_KEYS.length);
        const excluded = random() < 0.02;
        insertRespondent.run(respondentId, id, `Respondent ${r}`, at(0), at(0), at(0));
        insertSet.run(setId, respondentId, id, excluded ? completed : null, excluded ? "bench" : null, excluded ? "user:bench" : null, at(0), completed, completed);
        CORE_RATING_KEYS.forEach((itemId, index) => {
          const centre = tendency[Math.floor(index / TEMPLATES.length)]![index % TEMPLATES.length]!;
          insertAnswer.run(setId, itemId, random() < 0.04 ? null : String(rating(centre)), at(index + 1));
        });
      }
    }
  })();
  sqlite.pragma("foreign_keys = ON");
  sqlite.exec("ANALYZE");
}

/** Per cluster and rating, the mean of the counted ratings: what a score is built from, in one query. */
const PER_ISSUE_MEANS = `
  SELECT rs.cluster_id AS clusterId, a.item_id AS itemId, avg(a.value) AS mean, count(a.value) AS answered
  FROM answers a JOIN response_sets rs ON rs.id = a.response_set_id
  WHERE rs.status = 'completed' AND rs.questionnaire_id = 'score_card' AND rs.excluded_at IS NULL AND a.value IS NOT NULL
  GROUP BY rs.cluster_id, a.item_id`;

/**
 * Everything a cluster's score is computed from, written by hand for SQLite: each set's ratings of an
 * issue folded into one row (so respondents are a count), then per cluster and issue the count, sum,
 * sum of squares, min and max of each rating. Means, spreads, ranges and respondents all follow.
 */
const SCORE_STATISTICS = `
  SELECT cluster_id AS clusterId, issue, count(*) AS respondents,
    count(e), total(e), total(e * e), min(e), max(e),
    count(i), total(i), total(i * i), min(i), max(i),
    count(f), total(f), total(f * f), min(f), max(f)
  FROM (
    SELECT rs.cluster_id, a.response_set_id,
      substr(a.item_id, 1, instr(a.item_id, '.') - 1) AS issue,
      max(CASE WHEN a.item_id LIKE '%.existence' THEN CAST(a.value AS REAL) END) AS e,
      max(CASE WHEN a.item_id LIKE '%.intensity' THEN CAST(a.value AS REAL) END) AS i,
      max(CASE WHEN a.item_id LIKE '%.efforts' THEN CAST(a.value AS REAL) END) AS f
    FROM answers a JOIN response_sets rs ON rs.id = a.response_set_id
    WHERE rs.status = 'completed' AND rs.questionnaire_id = 'score_card' AND rs.excluded_at IS NULL
      AND json_type(a.value) IN ('integer', 'real') AND CAST(a.value AS REAL) BETWEEN 0 AND 5
    GROUP BY rs.cluster_id, a.response_set_id, issue
  )
  GROUP BY cluster_id, issue`;

function meanOf(score: ClusterScore, itemId: string): number | null {
  const [issue, template] = itemId.split(".") as [string, (typeof TEMPLATES)[number]];
  return score.issues.find((stats) => stats.issue === issue)?.means[template] ?? null;
}

export interface RescoreFigures {
  clusters: number;
  respondentsPerCluster: number;
  answerRows: number;
  /** Median over the rounds of `recomputeAllClusterScores`. */
  fullRecomputeMs: number;
  fullRecomputeCpuMs: number;
  /** Median over the rounds of the hand-written query of every statistic a score needs. */
  statisticsMs: number;
  statisticsCpuMs: number;
  /** Median over the rounds of the bare per-issue means GROUP BY. */
  groupByMs: number;
  groupByCpuMs: number;
  /** Product against the statistics query: the target. */
  ratio: number;
  /** Product against the bare means, for reference. */
  meansRatio: number;
  /** Median of recomputing the one cluster whose answer changed. */
  singleRecomputeMs: number;
  /** True when the changed cluster's cached row, and no other, got a new computed_at. */
  onlyChangedClusterRewritten: boolean;
  /** True when the product's per-issue means equal the GROUP BY's for every cluster. */
  meansAgree: boolean;
  target: { ratio: number };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** `scale` shrinks the number of clusters (0.1 for a quick check); respondents per cluster stay 100. */
export async function run(scale = 1): Promise<RescoreFigures> {
  const clusters = Math.max(1, Math.round(CLUSTERS * scale));
  const folder = mkdtempSync(join(tmpdir(), "samuh-bench-rescore-"));
  const handle = openSqlite(join(folder, "rescore.sqlite"));
  try {
    const { db, sqlite } = handle;
    insertScoredClusters(sqlite, clusters, RESPONDENTS_PER_CLUSTER, 1_100);
    const ids = Array.from({ length: clusters }, (_, index) => clusterId(index));
    const groupBy = sqlite.prepare(PER_ISSUE_MEANS);
    const statistics = sqlite.prepare(SCORE_STATISTICS);
    const computedAt = sqlite.prepare("SELECT cluster_id AS clusterId, computed_at AS computedAt FROM cluster_scores");

    const full: { ms: number; cpuMs: number }[] = [];
    const statisticsRuns: { ms: number; cpuMs: number }[] = [];
    const baseline: { ms: number; cpuMs: number }[] = [];
    let means: { clusterId: string; itemId: string; mean: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const now = new Date(EPOCH + 400 * DAY + round * 1000).toISOString();
      full.push(await timed(() => recomputeAllClusterScores(db, GUIDE_SCHEME, now)));
      statisticsRuns.push(await timed(async () => statistics.raw().all()));
      const bare = await timed(async () => groupBy.all() as typeof means);
      means = bare.value;
      baseline.push(bare);
    }
    const cached = sqlite.prepare("SELECT cluster_id AS clusterId, breakdown FROM cluster_scores").all() as { clusterId: string; breakdown: string }[];
    const scores = new Map(cached.map((row) => [row.clusterId, JSON.parse(row.breakdown) as ClusterScore]));
    const meansAgree = scores.size === clusters && means.length > 0 &&
      means.every((row) => Math.abs((meanOf(scores.get(row.clusterId)!, row.itemId) ?? Number.NaN) - row.mean) < 1e-9);

    // One person changes one rating in a cluster in the middle; only that cluster is recomputed.
    const changed = ids[Math.floor(clusters / 2)]!;
    const itemId = "air_pollution.intensity";
    const snapshot = () => new Map((computedAt.all() as { clusterId: string; computedAt: string }[]).map((row) => [row.clusterId, row.computedAt]));
    const before = snapshot();
    const { setId, value } = sqlite
      .prepare(
        `SELECT a.response_set_id AS setId, a.value FROM answers a JOIN response_sets rs ON rs.id = a.response_set_id
         WHERE rs.cluster_id = ? AND rs.excluded_at IS NULL AND a.item_id = ? AND a.value IS NOT NULL ORDER BY rs.id LIMIT 1`,
      )
      .get(changed, itemId) as { setId: string; value: string };
    const changedAt = new Date(EPOCH + 500 * DAY).toISOString();
    sqlite.prepare("UPDATE answers SET value = ?, answered_at = ? WHERE response_set_id = ? AND item_id = ?").run(value === "5" ? "0" : "5", changedAt, setId, itemId);
    sqlite.prepare("UPDATE response_sets SET updated_at = ? WHERE id = ?").run(changedAt, setId);
    const single: number[] = [];
    let onlyChanged = false;
    for (let repeat = 0; repeat < SINGLE_RECOMPUTES; repeat++) {
      const now = new Date(EPOCH + 500 * DAY + (repeat + 1) * 1000).toISOString();
      const recompute = await timed(() => recomputeClusterScore(db, changed, GUIDE_SCHEME, now));
      single.push(recompute.ms);
      if (repeat > 0) continue;
      const rewritten = [...snapshot()].filter(([id, at]) => at !== before.get(id)).map(([id]) => id);
      const scoreMoved = meanOf(recompute.value!, itemId) !== meanOf(scores.get(changed)!, itemId);
      onlyChanged = rewritten.length === 1 && rewritten[0] === changed && scoreMoved;
    }

    const fullMs = median(full.map((sample) => sample.ms));
    const statisticsMs = median(statisticsRuns.map((sample) => sample.ms));
    const groupByMs = median(baseline.map((sample) => sample.ms));
    return {
      clusters,
      respondentsPerCluster: RESPONDENTS_PER_CLUSTER,
      answerRows: clusters * RESPONDENTS_PER_CLUSTER * CORE_RATING_KEYS.length,
      fullRecomputeMs: fullMs,
      fullRecomputeCpuMs: median(full.map((sample) => sample.cpuMs)),
      statisticsMs,
      statisticsCpuMs: median(statisticsRuns.map((sample) => sample.cpuMs)),
      groupByMs,
      groupByCpuMs: median(baseline.map((sample) => sample.cpuMs)),
      ratio: fullMs / statisticsMs,
      meansRatio: fullMs / groupByMs,
      singleRecomputeMs: median(single),
      onlyChangedClusterRewritten: onlyChanged,
      meansAgree,
      target: { ratio: 1.5 },
    };
  } finally {
    handle.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(process.env.BENCH_SCALE === "small" ? 0.1 : 1), null, 2));
}
