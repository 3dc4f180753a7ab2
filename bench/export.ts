/**
 * Export: 1,000,000 score cards (10,000 clusters × 100, 21 ratings each: 21M answer rows) in a
 * file-backed SQLite database, downloaded as CSV from `GET /api/exports/response-sets.csv` by a
 * signed-in viewer, from the product as `npm start` runs it, over real HTTP. Baseline: the sqlite3
 * shell writing the same rows and columns with `-csv` from the same file. Both bodies are counted as
 * they stream past, never kept, and must hold the same sets in the same order. Memory: the server's
 * peak (VmHWM) after one export in a fresh process, over a database of 100,000 score cards and over
 * the one of 1,000,000: a streaming export needs about the same at both sizes.
 *
 *   npx tsx bench/export.ts
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { createAccount } from "../admin/auth/accounts";
import { items } from "../core/questionnaire";
import { scoreCard, STATES } from "../core/questionnaires";
import { CORE_RATING_KEYS, SECTORS } from "../core/scoring";
import { scoringSchemeRepository } from "../db/repositories/scoring-schemes";
import { seededRandom } from "../db/seed/random";
import { openSqlite } from "../db/sqlite";
import { freePort, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { cpuMilliseconds, median, peakMemoryMiB } from "./process-stats";

const CLUSTERS = 10_000;
const SETS_PER_CLUSTER = 100;
/** The smaller memory point holds this share of the larger one's score cards. */
const SMALL_SHARE = 0.1;
/** Product and baseline alternate, this many exports each; medians. */
const ROUNDS = 3;
/** Score cards compared cell by cell between the two files (besides the count and the ids of all). */
const SAMPLED_ROWS = 10;
const EPOCH = Date.parse("2025-01-01T00:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const VIEWER = { email: "viewer@bench.example.org", password: "bench-viewer-password" };

/** The product's ids are `crypto.randomUUID()`; these have the same shape, from a seeded generator. */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Number.parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Clusters, one respondent per completed score card, and the 21 core ratings of each card (4% "don't
 * know", 2% of cards excluded by a moderator), straight into the tables the engine fills. The cards
 * of all clusters are interleaved in id order, as random ids leave them; they are inserted in that
 * order, with each card's answers in one statement, so that a million cards load in a couple of minutes.
 */
export function insertScoreCards(sqlite: BetterSqlite3.Database, clusters: number, seed: number): number {
  const random = seededRandom(seed);
  const sets = clusters * SETS_PER_CLUSTER;
  const clusterIds = Array.from({ length: clusters }, () => uuid(random));
  const setIds = Array.from({ length: sets }, () => uuid(random));
  // Card k belongs to cluster floor(k / 100); the load goes in id order, so the B-trees only append.
  const byId = Array.from({ length: sets }, (_, index) => index).sort((a, b) => (setIds[a]! < setIds[b]! ? -1 : 1));

  const insertCluster = sqlite.prepare(
    "INSERT INTO clusters (id, name, sector, state, district, invite_code, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)",
  );
  const insertRespondent = sqlite.prepare(
    "INSERT INTO respondents (id, cluster_id, stakeholder_type, display_name, locale, consent_at, created_at, updated_at) VALUES (?, ?, 'worker', ?, 'en', ?, ?, ?)",
  );
  const insertSet = sqlite.prepare(
    `INSERT INTO response_sets (id, respondent_id, cluster_id, questionnaire_id, questionnaire_version, status, excluded_at, exclusion_reason, excluded_by, started_at, completed_at, updated_at)
     VALUES (?, ?, ?, 'score_card', 1, 'completed', ?, ?, ?, ?, ?, ?)`,
  );
  const insertAnswers = sqlite.prepare(
    `INSERT INTO answers (response_set_id, item_id, value, answered_at) VALUES ${CORE_RATING_KEYS.map((itemId, k) => `(@set, '${itemId}', @v${k}, @t${k})`).join(", ")}`,
  );
  // response_sets.id refers to the engine's session, whose state no export reads (see rescore.ts).
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("cache_size = -1048576");
  sqlite.transaction(() => {
    clusterIds.forEach((id, c) => {
      const created = new Date(EPOCH + c * 60_000).toISOString();
      insertCluster.run(id, `Cluster ${c} of ${STATES[c % STATES.length]}`, SECTORS[c % SECTORS.length], STATES[c % STATES.length], `District ${c % 97}`, `BENCH${c}`, created, created);
    });
    for (const index of byId) {
      const setId = setIds[index]!;
      const respondentId = uuid(random);
      const started = EPOCH + random() * 365 * DAY;
      const at = (step: number) => new Date(started + step * 20_000).toISOString();
      const completed = at(CORE_RATING_KEYS.length);
      const excluded = random() < 0.02;
      insertRespondent.run(respondentId, clusterIds[Math.floor(index / SETS_PER_CLUSTER)], `Respondent ${index}`, at(0), at(0), at(0));
      insertSet.run(setId, respondentId, clusterIds[Math.floor(index / SETS_PER_CLUSTER)], excluded ? completed : null, excluded ? "straight-lining, same answer to all" : null, excluded ? "user:bench" : null, at(0), completed, completed);
      const answers: Record<string, string | null> = { set: setId };
      CORE_RATING_KEYS.forEach((_, k) => {
        answers[`v${k}`] = random() < 0.04 ? null : String(Math.floor(random() * 6));
        answers[`t${k}`] = at(k + 1);
      });
      insertAnswers.run(answers);
    }
  })();
  sqlite.pragma("foreign_keys = ON");
  sqlite.exec("ANALYZE");
  return sets;
}

interface Seeded {
  path: string;
  sets: number;
  seconds: number;
  /** The active scheme as the export's `scheme` column names it. */
  scheme: string;
}

/** A database of `clusters` × 100 score cards and a viewer to download them. */
async function seededDatabase(path: string, clusters: number, seed: number): Promise<Seeded> {
  const start = performance.now();
  const handle = openSqlite(path);
  try {
    const sets = insertScoreCards(handle.sqlite, clusters, seed);
    const account = await createAccount(handle.db, { email: VIEWER.email, name: "Bench viewer", role: "viewer", password: VIEWER.password }, { id: "bench-viewer", actor: "system", now: new Date(EPOCH).toISOString() });
    if (account.status !== "created") throw new Error("the viewer account was not created");
    const scheme = await scoringSchemeRepository(handle.db).active();
    return { path, sets, seconds: (performance.now() - start) / 1000, scheme: `${scheme.name}@${scheme.version}` };
  } finally {
    handle.close();
  }
}

/**
 * The export as one query: the set with its cluster's name and respondent's type, then one column per
 * score-card item in the product's order, each looked up on the answers' primary key (a null value
 * is an answered "don't know", no row an item never answered); `excluded` as true/false like the
 * product writes it. Ratings are stored as JSON numbers, which print the same as text. One join per
 * item: pivoting with `max(CASE WHEN item_id = …)` over `GROUP BY` gives the same file in twice the time.
 */
function baselineQuery(scheme: string): string {
  const itemIds = items(scoreCard)
    .filter((item) => item.meta.personal !== "yes")
    .map((item) => item.id);
  return `SELECT rs.id AS response_set, rs.respondent_id AS respondent, rs.cluster_id, c.name AS cluster, r.stakeholder_type,
      rs.questionnaire_version, rs.status, rs.started_at, rs.completed_at,
      CASE WHEN rs.excluded_at IS NULL THEN 'false' ELSE 'true' END AS excluded, rs.excluded_at, rs.exclusion_reason, '${scheme}' AS scheme,
      ${itemIds.map((id, k) => `coalesce(a${k}.value, CASE WHEN a${k}.item_id IS NOT NULL THEN 'dont_know' END) AS "${id}"`).join(",\n      ")}
    FROM response_sets rs
    LEFT JOIN clusters c ON c.id = rs.cluster_id
    LEFT JOIN respondents r ON r.id = rs.respondent_id
    ${itemIds.map((id, k) => `LEFT JOIN answers a${k} ON a${k}.response_set_id = rs.id AND a${k}.item_id = '${id}'`).join("\n    ")}
    WHERE rs.questionnaire_id = '${scoreCard.id}'
    ORDER BY rs.id`;
}

/**
 * Counts a CSV body's rows as it streams past without keeping it: bytes, lines, an order-sensitive
 * hash (FNV-1a) of every row's first cell (the set id, which needs no quoting), and a few whole rows
 * to compare cell by cell. Cells never hold a line break here, so a line is a row.
 */
class CsvTally {
  bytes = 0;
  lines = 0;
  idsHash = 0x811c9dc5;
  header = "";
  readonly samples = new Map<number, string>();
  private rest = Buffer.alloc(0);

  constructor(private readonly sampleEvery: number) {}

  get rows(): number {
    return Math.max(0, this.lines - 1);
  }

  add(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
      this.line(data, start, end);
      start = end + 1;
    }
    // A copy, so that the chunk itself is not kept alive by its last partial line.
    this.rest = Buffer.from(data.subarray(start));
  }

  finish(): this {
    if (this.rest.length > 0) this.line(this.rest, 0, this.rest.length);
    this.rest = Buffer.alloc(0);
    return this;
  }

  private line(data: Buffer, start: number, end: number): void {
    const text = () => data.toString("utf8", start, end).replace(/\r$/, "");
    const row = this.lines++ - 1;
    if (row < 0) {
      this.header = text();
      return;
    }
    const comma = data.indexOf(44, start);
    const stop = comma === -1 || comma > end ? end : comma;
    let hash = this.idsHash;
    for (let i = start; i < stop; i++) hash = Math.imul(hash ^ data[i]!, 0x01000193);
    this.idsHash = Math.imul(hash ^ 10, 0x01000193) >>> 0;
    if (row % this.sampleEvery === 0) this.samples.set(row, text());
  }
}

export interface ExportRun {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** CPU time of the exporting process alone: the server, or the sqlite3 shell. */
  cpuSeconds: number;
}

interface Tallied extends ExportRun {
  tally: CsvTally;
}

const cells = (line: string) => (parse(line, { bom: true, relax_quotes: true }) as string[][])[0] ?? [];

/** True when two exports hold the same header, the same number of rows, the same ids in the same order, and the same sampled rows. */
function sameContent(a: CsvTally, b: CsvTally): boolean {
  if (a.rows !== b.rows || a.idsHash !== b.idsHash || a.samples.size !== b.samples.size) return false;
  if (JSON.stringify(cells(a.header)) !== JSON.stringify(cells(b.header))) return false;
  return [...a.samples].every(([row, line]) => JSON.stringify(cells(line)) === JSON.stringify(cells(b.samples.get(row) ?? "")));
}

async function signIn(server: ServerProcess): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(VIEWER),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/** One download through the product's route, read as a stream to its end. */
async function productExport(server: ServerProcess, cookie: string, sampleEvery: number): Promise<Tallied> {
  const cpu = cpuMilliseconds(server.pid);
  const start = performance.now();
  const response = await fetch(`${server.url}/api/exports/response-sets.csv`, { headers: { cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`the export answered ${response.status}: ${await response.text()}`);
  const tally = new CsvTally(sampleEvery);
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) tally.add(next.value);
  const seconds = (performance.now() - start) / 1000;
  tally.finish();
  return { rows: tally.rows, bytes: tally.bytes, seconds, rowsPerSecond: tally.rows / seconds, cpuSeconds: (cpuMilliseconds(server.pid) - cpu) / 1000, tally };
}

/**
 * The same rows from the sqlite3 shell, its output piped here and counted like the product's body.
 * bash's `times` reports the shell's CPU time, which Node cannot read once it has exited.
 */
async function baselineExport(databasePath: string, query: string, sampleEvery: number): Promise<Tallied> {
  const start = performance.now();
  const child = spawn("bash", ["-c", 'sqlite3 -readonly -csv -header "$0" "$1"; status=$?; times >&2; exit $status', databasePath, query], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tally = new CsvTally(sampleEvery);
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  for await (const chunk of child.stdout) tally.add(chunk as Buffer);
  const code = await exited;
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`sqlite3 exited with ${code}: ${errors}`);
  tally.finish();
  // `times` prints the shell's own user and system time, then its children's: sqlite3's.
  const times = [...errors.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  const cpuSeconds = (times.at(-2) ?? Number.NaN) + (times.at(-1) ?? Number.NaN);
  return { rows: tally.rows, bytes: tally.bytes, seconds, rowsPerSecond: tally.rows / seconds, cpuSeconds, tally };
}

function requireSqlite3(): void {
  const probe = spawnSync("sqlite3", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error("the export baseline needs the sqlite3 shell, which is not installed: apt-get install sqlite3");
  }
}

/** The product with Telegram off: the export does not touch it, and nothing else then runs in the server. */
async function startServer(databasePath: string): Promise<ServerProcess> {
  return startServerProcess({ port: await freePort(), databasePath, botApiUrl: "http://127.0.0.1:9", env: { TELEGRAM_BOT_TOKEN: "" } });
}

export interface MemoryPoint {
  rows: number;
  /** VmHWM after start-up and sign-in, before the export. */
  idleMiB: number;
  /** VmHWM after one export in that fresh process. */
  peakMiB: number;
  rowsPerSecond: number;
}

export interface ExportFigures {
  rows: number;
  answerRows: number;
  seedSeconds: { large: number; small: number };
  /** Median over the rounds. */
  product: { rowsPerSecond: number; seconds: number; cpuSeconds: number; bytes: number; runs: ExportRun[] };
  baseline: { rowsPerSecond: number; seconds: number; cpuSeconds: number; bytes: number; runs: ExportRun[] };
  ratio: number;
  /** Every export, product's and baseline's, held the same rows: count, ids in order, header and sampled rows. */
  sameRows: boolean;
  memory: { small: MemoryPoint; large: MemoryPoint; ratio: number };
  targets: { ratio: number; memoryWithin: number };
}

const summary = (runs: Tallied[]) => ({
  rowsPerSecond: median(runs.map((run) => run.rowsPerSecond)),
  seconds: median(runs.map((run) => run.seconds)),
  cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
  bytes: runs[0]?.bytes ?? 0,
  runs: runs.map(({ tally: _, ...run }) => ({ ...run, seconds: round(run.seconds), rowsPerSecond: Math.round(run.rowsPerSecond), cpuSeconds: round(run.cpuSeconds) })),
});

const round = (value: number) => Math.round(value * 1000) / 1000;

/** `scale` shrinks the number of clusters (0.1 for a quick check); score cards per cluster stay 100. */
export async function run(scale = 1): Promise<ExportFigures> {
  requireSqlite3();
  const clusters = Math.max(10, Math.round(CLUSTERS * scale));
  const folder = mkdtempSync(join(tmpdir(), "samuh-bench-export-"));
  try {
    const large = await seededDatabase(join(folder, "large.sqlite"), clusters, 1_300);
    const small = await seededDatabase(join(folder, "small.sqlite"), Math.round(clusters * SMALL_SHARE), 1_301);
    console.error(`export: seeded ${large.sets.toLocaleString("en")} score cards in ${large.seconds.toFixed(0)} s, ${small.sets.toLocaleString("en")} in ${small.seconds.toFixed(0)} s`);
    const sampleEvery = Math.ceil(large.sets / SAMPLED_ROWS);

    // VmHWM only ever rises, so each memory point is a fresh server after its first export.
    let server = await startServer(small.path);
    let smallPoint: MemoryPoint;
    try {
      const cookie = await signIn(server);
      const idleMiB = peakMemoryMiB(server.pid);
      const measured = await productExport(server, cookie, sampleEvery);
      if (measured.rows !== small.sets) throw new Error(`the export of ${small.sets} score cards held ${measured.rows} rows`);
      smallPoint = { rows: measured.rows, idleMiB, peakMiB: peakMemoryMiB(server.pid), rowsPerSecond: measured.rowsPerSecond };
    } finally {
      await server.kill("SIGTERM");
    }

    // The larger one, in a fresh server whose first export is also the first product round.
    const query = baselineQuery(large.scheme);
    server = await startServer(large.path);
    try {
      const cookie = await signIn(server);
      const idleMiB = peakMemoryMiB(server.pid);
      const product: Tallied[] = [];
      const baseline: Tallied[] = [];
      let largePeakMiB = Number.NaN;
      for (let pass = 0; pass < ROUNDS; pass++) {
        baseline.push(await baselineExport(large.path, query, sampleEvery));
        product.push(await productExport(server, cookie, sampleEvery));
        if (pass === 0) largePeakMiB = peakMemoryMiB(server.pid);
        console.error(`export: round ${pass + 1}: sqlite3 ${baseline.at(-1)!.seconds.toFixed(1)} s, product ${product.at(-1)!.seconds.toFixed(1)} s`);
      }
      const reference = baseline[0]!.tally;
      const sameRows = reference.rows === large.sets && [...baseline, ...product].every((run) => sameContent(reference, run.tally));
      const largePoint: MemoryPoint = { rows: product[0]!.rows, idleMiB, peakMiB: largePeakMiB, rowsPerSecond: product[0]!.rowsPerSecond };
      const productSummary = summary(product);
      const baselineSummary = summary(baseline);
      return {
        rows: large.sets,
        answerRows: large.sets * CORE_RATING_KEYS.length,
        seedSeconds: { large: round(large.seconds), small: round(small.seconds) },
        product: productSummary,
        baseline: baselineSummary,
        ratio: productSummary.rowsPerSecond / baselineSummary.rowsPerSecond,
        sameRows,
        memory: { small: smallPoint, large: largePoint, ratio: largePoint.peakMiB / smallPoint.peakMiB },
        targets: { ratio: 0.5, memoryWithin: 0.2 },
      };
    } finally {
      await server.kill("SIGTERM");
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(process.env.BENCH_SCALE === "small" ? 0.1 : 1), null, 2));
}
