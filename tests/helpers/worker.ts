/**
 * The product as Cloudflare runs it, on this machine: the exact script `wrangler deploy` would upload,
 * in workerd through Miniflare, with wrangler.toml's bindings, flags and asset routing, on a local D1
 * that `wrangler d1 migrations apply` migrated. Nothing contacts Cloudflare.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Readable } from "node:stream";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Log, LogLevel, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { openD1, type D1Binding } from "../../db/d1";
import type { FakeBotApi } from "./fake-bot-api";
import { WEBHOOK_SECRET } from "./product";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const CONFIG = join(ROOT, "wrangler.toml");

/**
 * The console's build is not needed to test the Worker: one page stands in for it, beside a file that
 * shadows a Worker route, which the Worker must still answer (wrangler.toml's `run_worker_first`).
 */
export const ASSETS = {
  "admin/index.html": "<!doctype html><title>Samuh console</title>",
  health: "a stale file that must never be served",
};

async function wrangler(args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, [WRANGLER, ...args, "--config", CONFIG], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
}

export interface WorkerBuild {
  /** Holds everything below, and the D1 states of the Workers started from this build. */
  folder: string;
  /** The bundled script, as `wrangler deploy` would upload it. */
  script: string;
  assets: string;
  /** A local D1 state with every migration applied; each Worker starts on a copy of it. */
  migratedState: string;
  /** A local D1 state with nothing applied. */
  emptyState: string;
}

/**
 * Bundles the Worker and migrates a local D1, side by side (each takes a few seconds). Call once per
 * test file; start as many Workers from the result as the tests need.
 */
export async function buildWorker(): Promise<WorkerBuild> {
  const folder = mkdtempSync(join(tmpdir(), "samuh-worker-"));
  const assets = join(folder, "assets");
  for (const [path, content] of Object.entries(ASSETS)) {
    mkdirSync(dirname(join(assets, path)), { recursive: true });
    writeFileSync(join(assets, path), content);
  }
  const build = {
    folder,
    script: join(folder, "bundle/worker.js"),
    assets,
    migratedState: join(folder, "migrated"),
    emptyState: join(folder, "empty"),
  };
  mkdirSync(build.emptyState);
  await Promise.all([
    wrangler(["deploy", "--dry-run", "--outdir", join(folder, "bundle"), "--assets", assets]),
    wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", build.migratedState]),
  ]);
  return build;
}

/** Deletes a build and every D1 state started from it; its Workers must be closed first. */
export function removeBuild(build: WorkerBuild): void {
  rmSync(build.folder, { recursive: true, force: true });
}

export interface StartWorkerOptions {
  build: WorkerBuild;
  /** Where the Worker's Bot API calls go: the plain stand-in or the rate-limited one. */
  botApi: Pick<FakeBotApi, "url">;
  /** Where this Worker keeps its D1; a fresh copy of the migrated state when absent. */
  state?: string;
  /** Replaces or adds vars and secrets; a value of `undefined` removes one. */
  vars?: Record<string, string | undefined>;
}

interface ScheduledTarget {
  scheduled(options: { cron: string; scheduledTime: Date }): Promise<{ outcome: string; noRetry: boolean }>;
}

/** A fresh copy of a build's migrated D1, for a Worker (or two, one after the other) to use. */
function freshState(build: WorkerBuild): string {
  const state = mkdtempSync(join(build.folder, "d1-"));
  cpSync(build.migratedState, state, { recursive: true });
  return state;
}

/**
 * Starts the Worker with the secrets set, Telegram by webhook and the Bot API at the local stand-in.
 * `logs` collects what the Worker writes to its console, which is what Workers Logs would record.
 */
export async function startWorker(options: StartWorkerOptions) {
  const state = options.state ?? freshState(options.build);
  const { workerOptions } = unstable_getMiniflareWorkerOptions(CONFIG, undefined, {
    overrides: { assets: { directory: options.build.assets } },
  });
  const vars: Record<string, string | undefined> = {
    ...(workerOptions.bindings as Record<string, string>),
    TELEGRAM_BOT_TOKEN: "123456:TEST-TOKEN",
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PUBLIC_URL: "https://samuh.example.org",
    TELEGRAM_API_ROOT: options.botApi.url,
    ...options.vars,
  };
  const logs: string[] = [];
  const mf = new Miniflare({
    ...workerOptions,
    name: "samuh",
    modules: true,
    scriptPath: options.build.script,
    // Module names are paths relative to this root, and workerd refuses names that climb out of it.
    modulesRoot: dirname(options.build.script),
    bindings: Object.fromEntries(Object.entries(vars).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    d1Persist: join(state, "v3/d1"),
    log: new Log(LogLevel.NONE),
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr]) stream.on("data", (chunk: Buffer) => logs.push(chunk.toString("utf8")));
    },
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  const db = openD1((await mf.getD1Database("DB")) as unknown as D1Binding);

  return {
    url,
    state,
    db,
    logs,
    /** Delivers an update to the webhook the way Telegram does. */
    deliver(update: unknown, secret: string | null = WEBHOOK_SECRET) {
      return fetch(`${url}/telegram/webhook`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
        },
        body: JSON.stringify(update),
      });
    },
    /** Fires the cron trigger as Cloudflare does; resolves once the handler's `waitUntil` work is done. */
    async scheduled(cron = "* * * * *") {
      // workerd's Fetcher has `scheduled`; its type comes from @cloudflare/workers-types, not installed here.
      const worker = (await mf.getWorker()) as unknown as ScheduledTarget;
      return worker.scheduled({ cron, scheduledTime: new Date() });
    },
    close: () => mf.dispose(),
  };
}

export type LocalWorker = Awaited<ReturnType<typeof startWorker>>;
