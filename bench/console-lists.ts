/**
 * Console lists: the response-sets list and the clusters list, each over 1,000,000 rows in a
 * file-backed SQLite database, asked for the way the console's API asks: `responseSets.list` with
 * filter, sort and range, and the API's own `listClusters` (which also derives each row's classes,
 * ranks and badges from its cached score). Baseline: the same page and
 * count queries written by hand and run through better-sqlite3 directly. Each query shape is timed
 * interleaved with its baseline and reported as p50 and p99.
 *
 *   npx tsx bench/console-lists.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import { STATES } from "../core/questionnaires";
import { CORE_RATING_KEYS, GUIDE_SCHEME, SECTORS, scoreCluster, type ResponseSet } from "../core/scoring";
import { listClusters } from "../admin/api/clusters/list";
import type { ClusterFilter, ClusterSortField } from "../admin/api/clusters/schemas";
import type { ListParams } from "../admin/api/list-params";
import { createRepositories, type Database, type Repositories } from "../db";
import { seededRandom } from "../db/seed/random";
import { openSqlite } from "../db/sqlite";
import { percentile } from "./process-stats";

const ROWS = 1_000_000;
const SETS_PER_CLUSTER = 100;
/** Real score breakdowns (about 4 kB of JSON each) that the million cached scores are copies of. */
const SCORE_TEMPLATES = 64;
const WARMUP = 1;
const MIN_SAMPLES = 7;
const MAX_SAMPLES = 50;
/** Per shape, both sides together; a shape whose query scans the whole table stops with fewer samples. */
const TIME_BUDGET_MS = 30_000;
const EPOCH = Date.parse("2025-01-01T00:00:00.000Z");
const MINUTE = 60_000;

const NAME_WORDS = ["Brass", "Foundry", "Handloom", "Ikat", "Knitwear", "Leather", "Rice mill", "Sports goods", "Pottery", "Bamboo", "Carpet", "Zari"];
const TOWNS = ["Samalkha", "Barpali", "Kalady", "Jalandhar", "Moradabad", "Tirupur", "Chanderi", "Okhla", "Agra", "Bhadohi", "Kanpur", "Surat"];

/** Scores of synthetic clusters computed by core, so the cached rows carry real breakdowns. */
function scoreTemplates(random: () => number) {
  return Array.from({ length: SCORE_TEMPLATES }, (_, template) => {
    const lean = CORE_RATING_KEYS.map(() => random() * 5);
    const responseSets: ResponseSet[] = Array.from({ length: 20 + template }, (_, index) => ({
      id: `t${template}-${index}`,
      respondentId: `t${template}-${index}`,
      counted: true,
      ratings: Object.fromEntries(CORE_RATING_KEYS.map((key, k) => [key, Math.max(0, Math.min(5, Math.round(lean[k]! + (random() - 0.5) * 3)))])),
    }));
    const economicRatings = { turnover: Math.floor(random() * 6), exports: Math.floor(random() * 6), employment: Math.floor(random() * 6) };
    return scoreCluster({ responseSets, economicRatings, scheme: GUIDE_SCHEME });
  });
}

/**
 * A million clusters (2% archived, 5% not yet scored, the rest with a cached score) and a million
 * response sets spread 100 to a cluster over the first 10,000 clusters (85% completed, 3% of those
 * excluded), with one respondent each.
 */
function insertRows(sqlite: BetterSqlite3.Database, rows: number, seed: number): void {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const templates = scoreTemplates(random).map((score) => ({ score, json: JSON.stringify(score) }));
  const insertCluster = sqlite.prepare(
    "INSERT INTO clusters (id, name, sector, state, district, invite_code, profile, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?)",
  );
  const insertScore = sqlite.prepare(
    `INSERT INTO cluster_scores (cluster_id, scheme_name, scheme_version, computed_at, counted_respondents, consolidated, awareness, intensity, engagement, economic, br_significance, map_cell, provisional, breakdown)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRespondent = sqlite.prepare(
    "INSERT INTO respondents (id, cluster_id, stakeholder_type, display_name, locale, consent_at, created_at, updated_at) VALUES (?, ?, 'worker', ?, 'en', ?, ?, ?)",
  );
  const insertSet = sqlite.prepare(
    `INSERT INTO response_sets (id, respondent_id, cluster_id, questionnaire_id, questionnaire_version, status, excluded_at, exclusion_reason, excluded_by, started_at, completed_at, updated_at)
     VALUES (?, ?, ?, 'score_card', 1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // response_sets.id refers to the engine's session, which neither list reads (see rescore.ts).
  sqlite.pragma("foreign_keys = OFF");
  sqlite.transaction(() => {
    for (let c = 0; c < rows; c++) {
      const id = clusterIdOf(c);
      const created = new Date(EPOCH + c * MINUTE).toISOString();
      const archived = random() < 0.02 ? created : null;
      insertCluster.run(id, `${pick(TOWNS)} ${pick(NAME_WORDS).toLowerCase()} cluster ${c}`, pick(SECTORS), pick(STATES), `District ${c % 640}`, `L${c}`, created, created, archived);
      if (random() < 0.05) continue;
      const { score, json } = pick(templates);
      insertScore.run(id, score.scheme.name, score.scheme.version, created, score.counted, score.consolidated, score.awareness, score.intensity,
        score.engagement, score.economic, score.brSignificance, score.mapCell.cell, score.provisional ? 1 : 0, json);
    }
    for (let s = 0; s < rows; s++) {
      const cluster = clusterIdOf(Math.floor(s / SETS_PER_CLUSTER));
      const started = EPOCH + random() * 365 * 24 * 60 * MINUTE;
      const completed = random() < 0.85 ? new Date(started + (2 + random() * 20) * MINUTE).toISOString() : null;
      const excluded = completed !== null && random() < 0.03 ? completed : null;
      const startedAt = new Date(started).toISOString();
      insertRespondent.run(`respondent-${s}`, cluster, `Respondent ${s}`, startedAt, startedAt, startedAt);
      insertSet.run(`set-${s}`, `respondent-${s}`, cluster, completed ? "completed" : "in_progress", excluded, excluded && "bench", excluded && "user:bench",
        startedAt, completed, completed ?? startedAt);
    }
  })();
  sqlite.pragma("foreign_keys = ON");
  sqlite.exec("ANALYZE");
}

const clusterIdOf = (index: number) => `cluster-${String(index).padStart(7, "0")}`;

interface Shape {
  list: "response sets" | "clusters";
  name: string;
  product: (repositories: Repositories, db: Database) => Promise<{ ids: string[]; total: number }>;
  /** The page and count queries the repository issues, as plain SQL, with their parameters. */
  baseline: { page: string; count: string; params: unknown[]; limit: number; offset: number };
}

const RESPONSE_SET_PAGE = "SELECT * FROM response_sets";
const CLUSTER_PAGE = "SELECT c.*, s.* FROM clusters c LEFT JOIN cluster_scores s ON s.cluster_id = c.id";

function responseSetShape(name: string, query: Parameters<Repositories["responseSets"]["list"]>[0] & {}, where: string, params: unknown[], order: string): Shape {
  const [from, to] = query.range ?? [0, 24];
  return {
    list: "response sets",
    name,
    product: async ({ responseSets }) => {
      const page = await responseSets.list(query);
      return { ids: page.rows.map((row) => row.id), total: page.total };
    },
    baseline: {
      page: `${RESPONSE_SET_PAGE} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      count: `SELECT count(*) FROM response_sets WHERE ${where}`,
      params,
      limit: to - from + 1,
      offset: from,
    },
  };
}

function clusterShape(name: string, query: ListParams<ClusterFilter, ClusterSortField>, where: string, params: unknown[], order: string): Shape {
  const [from, to] = query.range;
  return {
    list: "clusters",
    name,
    product: async (_, db) => {
      const page = await listClusters(db, query);
      return { ids: page.rows.map((row) => row.id), total: page.total };
    },
    baseline: {
      page: `${CLUSTER_PAGE} WHERE c.archived_at IS NULL${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      count: `SELECT count(*) FROM clusters c LEFT JOIN cluster_scores s ON s.cluster_id = c.id WHERE c.archived_at IS NULL${where}`,
      params,
      limit: to - from + 1,
      offset: from,
    },
  };
}

const BY_NAME = { field: "name", order: "ASC" } as const;
/** The clusters list's order: missing values last either way, then by name regardless of case, then id. */
const NAME_ORDER = "c.name IS NULL, c.name COLLATE NOCASE ASC, c.id ASC";
const SCORE_ORDER = "s.consolidated IS NULL, s.consolidated DESC, c.name COLLATE NOCASE ASC, c.id ASC";

/** What moderators and the dashboard ask for; the clusters list hides archived ones as the API does. */
function shapes(rows: number): Shape[] {
  const middleCluster = clusterIdOf(Math.floor(rows / SETS_PER_CLUSTER / 2));
  const deepPage: [number, number] = [Math.floor(rows / 100), Math.floor(rows / 100) + 24];
  return [
    responseSetShape("newest first", { range: [0, 24] }, "1 = 1", [], "started_at DESC, id DESC"),
    responseSetShape("one cluster, newest first", { filter: { clusterId: middleCluster }, range: [0, 24] }, "cluster_id = ?", [middleCluster], "started_at DESC, id DESC"),
    responseSetShape(
      "excluded, latest exclusion first",
      { filter: { excluded: true }, sort: { field: "excludedAt", order: "DESC" }, range: [0, 24] },
      "excluded_at IS NOT NULL",
      [],
      "excluded_at DESC, id DESC",
    ),
    responseSetShape(
      "completed, by completion, deep page",
      { filter: { status: "completed" }, sort: { field: "completedAt", order: "ASC" }, range: deepPage },
      "status = ?",
      ["completed"],
      "completed_at ASC, id ASC",
    ),
    responseSetShape("one respondent", { filter: { respondentId: "respondent-4242" }, range: [0, 24] }, "respondent_id = ?", ["respondent-4242"], "started_at DESC, id DESC"),
    clusterShape("by name", { filter: {}, sort: BY_NAME, range: [0, 24] }, "", [], NAME_ORDER),
    clusterShape("highest score first", { filter: {}, sort: { field: "consolidated", order: "DESC" }, range: [0, 24] }, "", [], SCORE_ORDER),
    clusterShape("one state, by name", { filter: { state: "odisha" }, sort: BY_NAME, range: [0, 24] }, " AND c.state = ?", ["odisha"], NAME_ORDER),
    clusterShape("name contains", { filter: { q: "ikat" }, sort: BY_NAME, range: [0, 24] }, " AND c.name LIKE ? ESCAPE '\\'", ["%ikat%"], NAME_ORDER),
    clusterShape(
      "one map cell, highest score first",
      { filter: { mapCell: 5 }, sort: { field: "consolidated", order: "DESC" }, range: [0, 24] },
      " AND s.map_cell = ?",
      [5],
      SCORE_ORDER,
    ),
  ];
}

export interface ListShapeFigures {
  list: string;
  shape: string;
  total: number;
  samples: number;
  product: { p50Ms: number; p99Ms: number };
  baseline: { p50Ms: number; p99Ms: number };
  ratioP50: number;
  ratioP99: number;
}

export interface ConsoleListFigures {
  rows: number;
  shapes: ListShapeFigures[];
  target: { ratioP50: number };
}

/** `scale` shrinks both tables (0.1 for a quick check). */
export async function run(scale = 1): Promise<ConsoleListFigures> {
  const rows = Math.max(SETS_PER_CLUSTER, Math.round(ROWS * scale));
  const folder = mkdtempSync(join(tmpdir(), "samuh-bench-lists-"));
  const handle = openSqlite(join(folder, "lists.sqlite"));
  try {
    insertRows(handle.sqlite, rows, 1_200);
    const repositories = createRepositories(handle.db);
    const figures: ListShapeFigures[] = [];
    for (const shape of shapes(rows)) {
      const page = handle.sqlite.prepare(shape.baseline.page);
      const count = handle.sqlite.prepare(shape.baseline.count).pluck();
      const baseline = () => {
        const found = page.all(...shape.baseline.params, shape.baseline.limit, shape.baseline.offset) as { id: string }[];
        return { ids: found.map((row) => row.id), total: count.get(...shape.baseline.params) as number };
      };
      // The hand-written query must be the repository's query: same rows, same order, same total.
      const expected = baseline();
      const actual = await shape.product(repositories, handle.db);
      if (actual.total !== expected.total || actual.ids.join() !== expected.ids.join()) {
        throw new Error(`${shape.list} "${shape.name}": baseline and repository disagree`);
      }
      const ours: number[] = [];
      const bare: number[] = [];
      const started = performance.now();
      const more = (sample: number) =>
        sample < WARMUP + MIN_SAMPLES || (sample < WARMUP + MAX_SAMPLES && performance.now() - started < TIME_BUDGET_MS);
      for (let sample = 0; more(sample); sample++) {
        let start = performance.now();
        await shape.product(repositories, handle.db);
        const oursMs = performance.now() - start;
        start = performance.now();
        baseline();
        const bareMs = performance.now() - start;
        if (sample >= WARMUP) {
          ours.push(oursMs);
          bare.push(bareMs);
        }
      }
      ours.sort((a, b) => a - b);
      bare.sort((a, b) => a - b);
      figures.push({
        list: shape.list,
        shape: shape.name,
        total: expected.total,
        samples: ours.length,
        product: { p50Ms: percentile(ours, 50), p99Ms: percentile(ours, 99) },
        baseline: { p50Ms: percentile(bare, 50), p99Ms: percentile(bare, 99) },
        ratioP50: percentile(ours, 50) / percentile(bare, 50),
        ratioP99: percentile(ours, 99) / percentile(bare, 99),
      });
    }
    return { rows, shapes: figures, target: { ratioP50: 1.5 } };
  } finally {
    handle.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(process.env.BENCH_SCALE === "small" ? 0.1 : 1), null, 2));
}
