import type { ExecutionContext } from "hono";
import { ensureFirstAdmin } from "../admin/auth/first-admin";
import { openD1, type D1Binding } from "../db/d1";
import { ConfigError, loadConfig, telegramMode } from "./config";
import { createServices, type Services } from "./compose";
import { createLogger } from "./logger";
import { consolePages, type AssetsBinding } from "./worker/console-pages";

/** What wrangler.toml binds: the D1 database and the console's files, plus the vars and secrets as strings. */
export interface WorkerEnv {
  DB: D1Binding;
  ASSETS: AssetsBinding;
  [name: string]: unknown;
}

/** The variables and secrets, without the bindings, which are objects. */
function textVariables(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

async function build(env: WorkerEnv): Promise<Services> {
  const config = loadConfig(textVariables(env));
  // A Worker only runs while it answers a request, so it cannot long-poll Telegram.
  if (telegramMode(config).kind === "polling") {
    throw new ConfigError("Invalid configuration:\n  PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: Telegram runs by webhook only on Workers; set both");
  }
  const db = openD1(env.DB);
  // The first console admin comes from the ADMIN_EMAIL and ADMIN_PASSWORD secrets; once one exists this reads only.
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    await ensureFirstAdmin(db, config, new Date().toISOString(), () => crypto.randomUUID());
  }
  return createServices({
    db,
    config,
    logger: createLogger(config.LOG_LEVEL),
    console: { pages: consolePages(env.ASSETS) },
  });
}

/**
 * Built on an isolate's first request and kept for the ones after: vars and secrets are fixed for an
 * isolate's life, and building (i18n, the engine, the bot) costs more than a request should.
 */
let services: Promise<Services> | undefined;

function servicesFor(env: WorkerEnv): Promise<Services> {
  services ??= build(env).catch((error: unknown) => {
    // Forgotten, so that the next request tries again rather than failing for the isolate's life.
    services = undefined;
    throw error;
  });
  return services;
}

/**
 * How long a cron pass keeps claiming campaign messages. The trigger fires every minute; the pass
 * stops short of that so that it has answered what it sent before the next one starts, and passes
 * seldom overlap (when they do, each claim still goes to one of them only).
 */
const CAMPAIGN_PASS_MS = 50_000;

/**
 * One cron pass: sends the campaign messages that are due, as the Node process's sender would, and
 * tidies up (see housekeeping.ts).
 */
async function cronPass(env: WorkerEnv): Promise<void> {
  let ready: Services;
  try {
    ready = await servicesFor(env);
  } catch (error) {
    // Logged as for a request; thrown on so that the trigger's event is recorded as failed.
    console.error(error instanceof ConfigError ? error.message : error);
    throw error;
  }
  await Promise.all([ready.campaigns.delivery?.deliverFor({ ms: CAMPAIGN_PASS_MS }), ready.housekeeping()]);
}

/**
 * Cloudflare Workers entry point: the same hono app as on Node, on D1. Telegram runs by webhook.
 * Campaign messages and housekeeping run from the cron trigger (wrangler.toml), since no loop outlives
 * a request.
 */
export default {
  async fetch(request: Request, env: WorkerEnv, context: ExecutionContext): Promise<Response> {
    let ready: Services;
    try {
      ready = await servicesFor(env);
    } catch (error) {
      // No logger exists without a configuration; the console is what Workers Logs records.
      console.error(error instanceof ConfigError ? error.message : error);
      // 500, like any other failure, so that Telegram delivers the update again once this is fixed.
      return Response.json({ error: "internal error" }, { status: 500 });
    }
    return ready.app.fetch(request, env, context);
  },

  scheduled(_controller: unknown, env: WorkerEnv, context: ExecutionContext): void {
    context.waitUntil(cronPass(env));
  },
};
