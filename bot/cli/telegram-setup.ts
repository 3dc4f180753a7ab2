import { existsSync } from "node:fs";
import { Bot } from "grammy";
import { loadConfig, telegramMode } from "../config";
import { createI18n } from "../i18n";
import { createLogger } from "../logger";
import { ALLOWED_UPDATES, publishCommands } from "../telegram/setup";

/**
 * `npm run telegram:setup`: registers the webhook and the command menu in every language. The Node
 * server does this itself at start; a Worker has no start-up step, so deployments on Workers run this.
 */
async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const mode = telegramMode(config);
  if (mode.kind !== "webhook") {
    throw new Error("Set TELEGRAM_BOT_TOKEN, PUBLIC_URL and TELEGRAM_WEBHOOK_SECRET to register a webhook.");
  }
  const logger = createLogger(config.LOG_LEVEL);
  const bot = new Bot(mode.token, { client: { apiRoot: mode.apiRoot } });
  await bot.init();
  await bot.api.setWebhook(mode.url, { secret_token: mode.secret, allowed_updates: [...ALLOWED_UPDATES] });
  await publishCommands(bot, await createI18n(), logger);
  logger.info({ bot: bot.botInfo.username, url: mode.url }, "Telegram webhook and commands registered");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
