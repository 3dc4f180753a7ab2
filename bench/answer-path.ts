import { pathToFileURL } from "node:url";
import { clusterRepository } from "../db/repositories/clusters";
import { openSqlite } from "../db/sqlite";
import { startFakeBotApi, TEST_BOT } from "../tests/helpers/fake-bot-api";
import { temporaryDatabasePath } from "../tests/helpers/product";
import { freePort, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { deliverUntilAccepted, scoreCardWalk, seededRandom, type Walk } from "../tests/helpers/synthetic-respondents";
import { user } from "../tests/helpers/telegram-updates";
import { cpuMilliseconds, median, peakMemoryMiB, percentile } from "./process-stats";

/**
 * Answer path: synthetic Telegram users answer the whole score card through the real webhook route on
 * a file-backed SQLite database, beside a bare grammY bot on the same route that replies without
 * storing anything. Both servers run in child processes, so their CPU and memory are their own.
 * The users join clusters of 100, the size the rescore bench and the guide's surveys work with: each
 * completed score card rescores its own cluster, whose cost grows with the cluster, not the product.
 */

export interface AnswerPathFigures {
  updates: number;
  updatesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Median over one-second windows of the server's CPU time divided by the updates it finished. */
  cpuMsPerUpdateMedian: number;
  peakMemoryMiB: number;
}

const CONCURRENCY = 64;
const RESPONDENTS_PER_CLUSTER = 100;
const WINDOW_MS = 1000;

async function drive(server: ServerProcess, walks: Walk[]): Promise<AnswerPathFigures> {
  const latencies: number[] = [];
  const windows: number[] = [];
  let finished = 0;
  let lastCpu = cpuMilliseconds(server.pid);
  let lastFinished = 0;
  const sampler = setInterval(() => {
    const cpu = cpuMilliseconds(server.pid);
    const done = finished - lastFinished;
    if (done > 0) windows.push((cpu - lastCpu) / done);
    lastCpu = cpu;
    lastFinished = finished;
  }, WINDOW_MS);

  const queue = [...walks];
  const deadline = Date.now() + 30 * 60 * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let walk = queue.shift(); walk; walk = queue.shift()) {
        for (const update of walk.updates) {
          const sent = performance.now();
          await deliverUntilAccepted(server.url, update, deadline);
          latencies.push(performance.now() - sent);
          finished++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    updates: finished,
    updatesPerSecond: finished / seconds,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    cpuMsPerUpdateMedian: median(windows),
    peakMemoryMiB: peakMemoryMiB(server.pid),
  };
}

export async function run(respondents = Number(process.env.BENCH_RESPONDENTS ?? 2000)) {
  const botApi = await startFakeBotApi();
  const databasePath = temporaryDatabasePath();
  const storage = openSqlite(databasePath);
  const clusterCount = Math.ceil(respondents / RESPONDENTS_PER_CLUSTER);
  const inviteCode = (index: number) => `BENCH${index % clusterCount}`;
  for (let c = 0; c < clusterCount; c++) {
    await clusterRepository(storage.db).create({ id: `bench-${c}`, name: `Bench cluster ${c}`, inviteCode: inviteCode(c), now: new Date().toISOString() });
  }
  storage.close();

  const walksFor = (offset: number) => {
    const random = seededRandom(offset);
    return Array.from({ length: respondents }, (_, index) => scoreCardWalk(user(offset + index), inviteCode(index), random));
  };

  const baselineServer = await startServerProcess({
    port: await freePort(),
    databasePath,
    botApiUrl: botApi.url,
    entry: "bench/baseline-bot.ts",
    env: { BOT_INFO: JSON.stringify(TEST_BOT) },
  });
  const baseline = await drive(baselineServer, walksFor(10_000_000));
  await baselineServer.kill("SIGTERM");

  const productServer = await startServerProcess({ port: await freePort(), databasePath, botApiUrl: botApi.url });
  const product = await drive(productServer, walksFor(20_000_000));
  await productServer.kill("SIGTERM");
  await botApi.close();

  return {
    respondents,
    clusters: clusterCount,
    product,
    baseline,
    throughputRatio: product.updatesPerSecond / baseline.updatesPerSecond,
    targets: { throughputRatio: 0.5, cpuMsPerUpdateMedian: 1 },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await run(), null, 2));
}
