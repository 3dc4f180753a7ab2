import type { Bot } from "grammy";
import { Hono } from "hono";
import type { Hono as HonoApp } from "hono";
import type { ApiEnv } from "../admin/auth/guard";
import { sql } from "drizzle-orm";
import type { Database } from "../db/database";
import { errorHandler } from "./http/errors";
import type { Logger } from "./logger";
import { telegramWebhookRoutes } from "./telegram/webhook";

export interface AppParts {
  db: Database;
  logger: Logger;
  /** Present when Telegram runs by webhook. */
  telegram?: { bot: Bot; secret: string };
  /** Present when Slack is configured: its events, slash commands and interactions. */
  slack?: HonoApp;
  /** The console's REST API, mounted at /api. */
  api?: HonoApp<ApiEnv>;
  /** The console's static files, mounted at /admin. */
  console?: HonoApp;
}

/**
 * The one HTTP application, for Node and for Workers alike: health, the channels' webhooks, the
 * console's API and its pages.
 */
export function createApp(parts: AppParts): Hono {
  const app = new Hono();
  app.onError(errorHandler(parts.logger));
  app.notFound((c) => c.json({ error: "not found" }, 404));

  app.get("/health", async (c) => {
    await parts.db.run(sql`select 1`);
    return c.json({ status: "ok" });
  });
  if (parts.telegram) app.route("/telegram/webhook", telegramWebhookRoutes(parts.telegram.bot, parts.telegram.secret));
  if (parts.slack) app.route("/slack/events", parts.slack);
  if (parts.api) app.route("/api", parts.api);
  if (parts.console) app.route("/admin", parts.console);
  return app;
}
