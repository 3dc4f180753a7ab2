import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { loadConfig } from "../../bot/config";
import { createServices } from "../../bot/compose";
import { createLogger, type Logger } from "../../bot/logger";
import { openSqlite } from "../../db/sqlite";
import { TEST_BOT, type FakeBotApi } from "./fake-bot-api";

export const WEBHOOK_SECRET = "test-webhook-secret";
export const SLACK_SIGNING_SECRET = "test-slack-signing-secret";

export function temporaryDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), "samuh-")), "samuh.sqlite");
}

/**
 * The product as `npm start` runs it — hono on @hono/node-server, a SQLite file, Telegram by webhook —
 * on a free port of 127.0.0.1, with the Bot API pointed at a local stand-in.
 */
export async function startProduct(options: {
  botApi: FakeBotApi;
  databasePath?: string;
  clock?: () => Date;
  /** Turns Slack on, signed with SLACK_SIGNING_SECRET and talking to this stand-in of its Web API. */
  slackApi?: { url: string };
  /** Where the product logs; silent unless a test reads the log. */
  logger?: Logger;
}) {
  const databasePath = options.databasePath ?? temporaryDatabasePath();
  const config = loadConfig({
    DATABASE_URL: databasePath,
    TELEGRAM_BOT_TOKEN: "123456:TEST-TOKEN",
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PUBLIC_URL: "https://samuh.example.org",
    TELEGRAM_API_ROOT: options.botApi.url,
    LOG_LEVEL: "silent",
    ...(options.slackApi ? { SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-test-token" } : {}),
  });
  const storage = openSqlite(databasePath);
  const services = await createServices({
    db: storage.db,
    config,
    logger: options.logger ?? createLogger("silent"),
    telegramBotInfo: TEST_BOT,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.slackApi ? { slackApiUrl: options.slackApi.url } : {}),
  });
  const server = serve({ fetch: services.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    databasePath,
    db: storage.db,
    sqlite: storage.sqlite,
    services,
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
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Slack's work goes on after its acknowledgement; the database must outlive it.
      await services.slack?.receiver.drain();
      storage.close();
    },
  };
}

export type Product = Awaited<ReturnType<typeof startProduct>>;
