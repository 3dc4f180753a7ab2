/**
 * Scheme search against the bare full-text query it is built on. Builds a synthetic catalogue of
 * 10,000 schemes in a temporary SQLite file, then times `searchSchemes` (query analysis, synonyms,
 * boosts, ranking tiers, total count, reasons) and the bare `MATCH … ORDER BY bm25` query for the
 * same expression, interleaved, and reports p50 and p99 of each. Target: within 2× of bare FTS5.
 *
 *   npx tsx bench/schemes-search.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SCHEMES } from "../core/schemes/catalogue";
import { analyseQuery } from "../core/schemes/query";
import type { Scheme } from "../core/schemes/types";
import { schemeColumns } from "../db/repositories/schemes";
import { searchSchemes } from "../db/repositories/schemes-search";
import { schemes } from "../db/schema";
import { openSqlite } from "../db/sqlite";

const CATALOGUE_SIZE = 10_000;
const WARMUP_ROUNDS = 20;
const ROUNDS = 300;
const LIMIT = 10;

const QUERIES: readonly { text: string; locale: string }[] = [
  { text: "child labour", locale: "en" },
  { text: "energy audit foundry", locale: "en" },
  { text: "women weavers health insurance", locale: "en" },
  { text: "बाल श्रम", locale: "hi" },
  { text: "loan for artisans", locale: "en" },
  { text: "water pollution effluent treatment", locale: "en" },
];

/** A small deterministic generator (mulberry32), so every run measures the same catalogue. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Schemes made by recombining the real catalogue's names, objectives and tags. */
function syntheticCatalogue(size: number): Scheme[] {
  const next = random(20_250_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const vocabulary = SCHEMES.flatMap((scheme) => `${scheme.name} ${scheme.objective}`.split(/\s+/)).filter((word) => word.length > 2);
  const sentence = (length: number) => Array.from({ length }, () => pick(vocabulary)).join(" ");
  return Array.from({ length: size }, (_, index) => {
    const model = pick(SCHEMES);
    return {
      ...model,
      id: `synthetic-${index}`,
      name: sentence(4 + Math.floor(next() * 5)),
      objective: sentence(15 + Math.floor(next() * 25)),
      ministry: pick(SCHEMES).ministry,
      status: pick(["active", "active", "active", "unknown", "merged", "closed"] as const),
      successorId: null,
      source: "custom",
    };
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export interface SearchBenchResult {
  catalogueSize: number;
  samples: number;
  searchSchemes: { p50Ms: number; p99Ms: number };
  bareFts5: { p50Ms: number; p99Ms: number };
  /** searchSchemes p50 divided by bare FTS5 p50. */
  ratioP50: number;
  ratioP99: number;
}

/** Builds the catalogue, measures both queries and returns the figures. */
export async function run(): Promise<SearchBenchResult> {
  const folder = mkdtempSync(join(tmpdir(), "samuh-bench-schemes-"));
  const handle = openSqlite(join(folder, "bench.sqlite"));
  try {
    const { db, sqlite } = handle;
    const rows = syntheticCatalogue(CATALOGUE_SIZE).map((scheme) => ({ ...schemeColumns(scheme), createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2025-01-01T00:00:00.000Z" }));
    sqlite.transaction(() => {
      for (const row of rows) db.insert(schemes).values(row).run();
    })();
    sqlite.exec("ANALYZE");

    const bare = sqlite.prepare(
      "SELECT rowid, name, objective FROM schemes_fts WHERE schemes_fts MATCH ? ORDER BY bm25(schemes_fts) LIMIT ?",
    );
    const expressions = QUERIES.map((query) => analyseQuery(query.text, query.locale).match ?? "");
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (const [index, query] of QUERIES.entries()) {
        let start = performance.now();
        await searchSchemes(db, { ...query, limit: LIMIT, offset: 0 });
        const oursMs = performance.now() - start;
        start = performance.now();
        bare.all(expressions[index], LIMIT);
        const bareMs = performance.now() - start;
        if (round >= WARMUP_ROUNDS) {
          ours.push(oursMs);
          baseline.push(bareMs);
        }
      }
    }
    ours.sort((a, b) => a - b);
    baseline.sort((a, b) => a - b);
    const figures = (sorted: number[]) => ({ p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) });
    const result = {
      catalogueSize: CATALOGUE_SIZE + SCHEMES.length,
      samples: ours.length,
      searchSchemes: figures(ours),
      bareFts5: figures(baseline),
      ratioP50: percentile(ours, 50) / percentile(baseline, 50),
      ratioP99: percentile(ours, 99) / percentile(baseline, 99),
    };
    return result;
  } finally {
    handle.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run();
  const ms = (value: number) => value.toFixed(3).padStart(9);
  console.log(`scheme search, ${result.catalogueSize} schemes, ${result.samples} queries each`);
  console.log("                      p50 ms    p99 ms");
  console.log(`searchSchemes      ${ms(result.searchSchemes.p50Ms)} ${ms(result.searchSchemes.p99Ms)}`);
  console.log(`bare FTS5 + bm25   ${ms(result.bareFts5.p50Ms)} ${ms(result.bareFts5.p99Ms)}`);
  console.log(`ratio              ${ms(result.ratioP50)} ${ms(result.ratioP99)}   (target ≤ 2)`);
}
