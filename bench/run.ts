/**
 * `npm run bench`: every scenario, each measuring the product beside a baseline in the same run,
 * printed as one table and written to bench/results.json. Absolute times on a shared machine are
 * noise; the ratios are the result.
 *
 *   BENCH_SCALE=small     everything at a tenth, for a quick check
 *   BENCH_RESPONDENTS=n   answer-path respondents (default 2000, or 200 at the small scale)
 *   BENCH_ONLY=a,b        only these scenarios: answer-path, rescore, console-lists, schemes-search, campaign-delivery, export
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import * as answerPath from "./answer-path";
import * as campaignDelivery from "./campaign-delivery";
import * as consoleLists from "./console-lists";
import * as responseExport from "./export";
import * as rescore from "./rescore";
import * as schemesSearch from "./schemes-search";

interface Row {
  scenario: string;
  product: string;
  baseline: string;
  /** Product over baseline, or null when the two are not the same kind of figure. */
  ratio: number | null;
  target: string;
  /** null: reported without a target. */
  pass: boolean | null;
}

const small = process.env.BENCH_SCALE === "small";
const scale = small ? 0.1 : 1;
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);
const count = (value: number) => Math.round(value).toLocaleString("en");

/** Each scenario runs its own measurement and turns its figures into table rows. */
const scenarios: { name: string; measure: () => Promise<{ figures: unknown; rows: Row[] }> }[] = [
  {
    name: "answer-path",
    async measure() {
      const figures = await answerPath.run(Number(process.env.BENCH_RESPONDENTS ?? (small ? 200 : 2000)));
      const { product, baseline } = figures;
      const label = `answer path, ${count(figures.respondents)} respondents`;
      return {
        figures,
        rows: [
          {
            scenario: `${label}: throughput`,
            product: `${count(product.updatesPerSecond)} updates/s`,
            baseline: `${count(baseline.updatesPerSecond)} updates/s`,
            ratio: figures.throughputRatio,
            target: `≥ ${figures.targets.throughputRatio}×`,
            pass: figures.throughputRatio >= figures.targets.throughputRatio,
          },
          {
            scenario: `${label}: CPU per update (median)`,
            product: ms(product.cpuMsPerUpdateMedian),
            baseline: ms(baseline.cpuMsPerUpdateMedian),
            ratio: product.cpuMsPerUpdateMedian / baseline.cpuMsPerUpdateMedian,
            target: `product ≤ ${figures.targets.cpuMsPerUpdateMedian} ms`,
            pass: product.cpuMsPerUpdateMedian <= figures.targets.cpuMsPerUpdateMedian,
          },
          {
            scenario: `${label}: latency p50 / p99`,
            product: `${ms(product.latencyP50Ms)} / ${ms(product.latencyP99Ms)}`,
            baseline: `${ms(baseline.latencyP50Ms)} / ${ms(baseline.latencyP99Ms)}`,
            ratio: product.latencyP99Ms / baseline.latencyP99Ms,
            target: "—",
            pass: null,
          },
          {
            scenario: `${label}: server peak memory`,
            product: `${product.peakMemoryMiB.toFixed(0)} MiB`,
            baseline: `${baseline.peakMemoryMiB.toFixed(0)} MiB`,
            ratio: product.peakMemoryMiB / baseline.peakMemoryMiB,
            target: "—",
            pass: null,
          },
        ],
      };
    },
  },
  {
    name: "rescore",
    async measure() {
      const figures = await rescore.run(scale);
      const label = `rescore, ${count(figures.clusters)} clusters × ${figures.respondentsPerCluster}`;
      return {
        figures,
        rows: [
          {
            scenario: `${label}: every cluster`,
            product: `${ms(figures.fullRecomputeMs)} (CPU ${ms(figures.fullRecomputeCpuMs)})`,
            baseline: `${ms(figures.statisticsMs)} (CPU ${ms(figures.statisticsCpuMs)}) SQL statistics`,
            ratio: figures.ratio,
            target: `≤ ${figures.target.ratio}×, same means`,
            pass: figures.ratio <= figures.target.ratio && figures.meansAgree,
          },
          {
            scenario: `${label}: every cluster, against bare means`,
            product: `${ms(figures.fullRecomputeMs)} (CPU ${ms(figures.fullRecomputeCpuMs)})`,
            baseline: `${ms(figures.groupByMs)} (CPU ${ms(figures.groupByCpuMs)}) means GROUP BY`,
            ratio: figures.meansRatio,
            target: "—",
            pass: null,
          },
          {
            scenario: `${label}: one changed answer`,
            product: `${ms(figures.singleRecomputeMs)} (its cluster)`,
            baseline: `${ms(figures.fullRecomputeMs)} (every cluster)`,
            ratio: figures.singleRecomputeMs / figures.fullRecomputeMs,
            target: "only its cluster rewritten",
            pass: figures.onlyChangedClusterRewritten,
          },
        ],
      };
    },
  },
  {
    name: "console-lists",
    async measure() {
      const figures = await consoleLists.run(scale);
      return {
        figures,
        rows: figures.shapes.map((shape) => ({
          scenario: `${shape.list} list, ${count(figures.rows)} rows: ${shape.shape} (p50 / p99)`,
          product: `${ms(shape.product.p50Ms)} / ${ms(shape.product.p99Ms)}`,
          baseline: `${ms(shape.baseline.p50Ms)} / ${ms(shape.baseline.p99Ms)}`,
          ratio: shape.ratioP50,
          target: `p50 ≤ ${figures.target.ratioP50}×`,
          pass: shape.ratioP50 <= figures.target.ratioP50,
        })),
      };
    },
  },
  {
    name: "schemes-search",
    async measure() {
      const figures = await schemesSearch.run();
      return {
        figures,
        rows: [
          {
            scenario: `scheme search, ${count(figures.catalogueSize)} schemes (p50 / p99)`,
            product: `${ms(figures.searchSchemes.p50Ms)} / ${ms(figures.searchSchemes.p99Ms)}`,
            baseline: `${ms(figures.bareFts5.p50Ms)} / ${ms(figures.bareFts5.p99Ms)} bare FTS5`,
            ratio: figures.ratioP50,
            target: "p50 ≤ 2×",
            pass: figures.ratioP50 <= 2,
          },
        ],
      };
    },
  },
  {
    name: "campaign-delivery",
    async measure() {
      const figures = await campaignDelivery.run({ recipients: Math.round(10_000 * scale) });
      const label = `campaign delivery, ${count(figures.recipients)} recipients, SIGKILL halfway`;
      return {
        figures,
        rows: [
          {
            scenario: `${label}: rate`,
            product: `${figures.achievedPerSecond.toFixed(1)} messages/s`,
            baseline: `${figures.limitPerSecond} messages/s Telegram limit`,
            ratio: figures.achievedShareOfLimit,
            target: "≥ 0.95×",
            pass: figures.achievedShareOfLimit >= 0.95,
          },
          {
            scenario: `${label}: duplicates / lost`,
            product: `${figures.duplicates} / ${figures.lost} (${figures.unconfirmed} unconfirmed)`,
            baseline: "—",
            ratio: null,
            target: "0 / 0",
            pass: figures.duplicates === 0 && figures.lost === 0,
          },
        ],
      };
    },
  },
  {
    name: "export",
    async measure() {
      const figures = await responseExport.run(scale);
      const { product, baseline, memory } = figures;
      const label = `export, ${count(figures.rows)} response rows as CSV`;
      return {
        figures,
        rows: [
          {
            scenario: `${label}: rows/s`,
            product: `${count(product.rowsPerSecond)} rows/s (CPU ${ms(product.cpuSeconds * 1000)})`,
            baseline: `${count(baseline.rowsPerSecond)} rows/s (CPU ${ms(baseline.cpuSeconds * 1000)}) sqlite3 -csv`,
            ratio: figures.ratio,
            target: `≥ ${figures.targets.ratio}×, same rows`,
            pass: figures.ratio >= figures.targets.ratio && figures.sameRows,
          },
          {
            // The product against itself: a streaming export needs about the same memory at any size.
            scenario: `${label}: server peak memory`,
            product: `${memory.large.peakMiB.toFixed(0)} MiB at ${count(memory.large.rows)} rows`,
            baseline: `${memory.small.peakMiB.toFixed(0)} MiB at ${count(memory.small.rows)} rows`,
            ratio: memory.ratio,
            target: `within ${figures.targets.memoryWithin * 100}%`,
            pass: Math.abs(memory.ratio - 1) <= figures.targets.memoryWithin,
          },
        ],
      };
    },
  },
];

function printTable(rows: readonly Row[]): void {
  const cells = rows.map((row) => [
    row.scenario,
    row.product,
    row.baseline,
    row.ratio === null ? "—" : `${row.ratio < 0.1 ? row.ratio.toPrecision(2) : row.ratio.toFixed(2)}×`,
    row.target,
    row.pass === null ? "—" : row.pass ? "pass" : "FAIL",
  ]);
  const header = ["scenario", "product", "baseline", "ratio", "target", "result"];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => cell.map((text, column) => text.padEnd(widths[column]!)).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const cell of cells) console.log(line(cell));
}

const started = new Date();
const rows: Row[] = [];
const figures: Record<string, unknown> = {};
const seconds: Record<string, number> = {};
let crashed = false;
for (const scenario of scenarios) {
  if (only && !only.includes(scenario.name)) continue;
  console.error(`running ${scenario.name}…`);
  const start = performance.now();
  try {
    const result = await scenario.measure();
    figures[scenario.name] = result.figures;
    rows.push(...result.rows);
  } catch (error) {
    // One broken scenario must not hide the figures of the others.
    crashed = true;
    figures[scenario.name] = { error: String(error) };
    rows.push({ scenario: scenario.name, product: `error: ${String(error).split("\n")[0]}`, baseline: "—", ratio: null, target: "—", pass: false });
  }
  seconds[scenario.name] = Math.round((performance.now() - start) / 1000);
}

printTable(rows);
const results = {
  date: started.toISOString(),
  scale: small ? "small (a tenth)" : "full",
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
  secondsPerScenario: seconds,
  table: rows,
  figures,
};
writeFileSync(fileURLToPath(new URL("./results.json", import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
if (crashed) process.exitCode = 1;
