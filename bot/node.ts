import { existsSync } from "node:fs";
import { serve } from "@hono/node-server";
import { ensureFirstAdmin } from "../admin/auth/first-admin";
import { consoleRoutes, ensureConsoleBuilt } from "../admin/serve";
import { openSqlite } from "../db/sqlite";
import { ConfigError, loadConfig } from "./config";
import { createServices } from "./compose";
import { HOUSEKEEPING_INTERVAL_MS } from "./housekeeping";
import { createLogger } from "./logger";
import { ALLOWED_UPDATES, publishCommands } from "./telegram/setup";

/** Node entry point: the embedded SQLite database, the HTTP server, and Telegram by webhook or polling. */
async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const storage = openSqlite(config.DATABASE_URL);
  const firstAdmin = await ensureFirstAdmin(storage.db, config, new Date().toISOString(), () => crypto.randomUUID());
  if (firstAdmin === "created") logger.info({ email: config.ADMIN_EMAIL }, "first console admin created");
  if (config.SERVE_CONSOLE && (await ensureConsoleBuilt())) logger.info("console built into dist/admin");
  const services = await createServices({
    db: storage.db,
    config,
    logger,
    ...(config.SERVE_CONSOLE ? { console: { pages: consoleRoutes() } } : {}),
  });

  const server = serve({ fetch: services.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ address: `http://${info.address}:${info.port}`, database: config.DATABASE_URL }, "Samuh is listening");
  });

  const telegram = services.telegram;
  if (telegram) {
    const { bot, mode } = telegram;
    await bot.init();
    await publishCommands(bot, services.i18n, logger);
    if (mode.kind === "webhook") {
      await bot.api.setWebhook(mode.url, { secret_token: mode.secret, allowed_updates: [...ALLOWED_UPDATES] });
      logger.info({ bot: bot.botInfo.username }, "Telegram webhook registered");
    } else if (mode.kind === "polling") {
      // Long polling has no caller to retry a failed update, so the failure is logged and the bot goes on.
      bot.catch((error) => logger.error({ err: error.error, update: error.ctx.update.update_id }, "update failed"));
      void bot.start({
        allowed_updates: [...ALLOWED_UPDATES],
        drop_pending_updates: false,
        onStart: (info) => logger.info({ bot: info.username }, "Telegram long polling started"),
      });
    }
  } else {
    logger.info("Telegram is off: set TELEGRAM_BOT_TOKEN to turn it on");
  }
  // Resumes any campaign where the last process left it; the queue lives in the database.
  services.campaigns.delivery?.start();
  void services.housekeeping();
  const housekeeping = setInterval(() => void services.housekeeping(), HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    clearInterval(housekeeping);
    if (telegram?.mode.kind === "polling") await telegram.bot.stop();
    // Waits for the campaign messages on their way, so that none is left claimed but unrecorded.
    await services.campaigns.delivery?.stop();
    server.close();
    storage.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
