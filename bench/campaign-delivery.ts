/**
 * A campaign to 10,000 recipients at Telegram's real pace (30 messages a second, one a second per
 * chat), through the product as `npm start` runs it, against a local stand-in for the Bot API that
 * refuses anything faster with 429. Halfway, the server is killed with SIGKILL and started again.
 * Reports the rate achieved while sending (target: at least 95% of the limit), duplicates and lost
 * messages (target: none), and what the kill left unconfirmed. Takes about six minutes.
 *
 *   npx tsx bench/campaign-delivery.ts
 */
import { pathToFileURL } from "node:url";
import { campaignMessages } from "../db/schema/campaigns";
import { openSqlite } from "../db/sqlite";
import { seedCluster, seedRespondents } from "../tests/campaigns/fixtures";
import { plan, progressOf, waitFor } from "../tests/campaigns/harness";
import { temporaryDatabasePath } from "../tests/helpers/product";
import { startRateLimitedBotApi, type AcceptedMessage } from "../tests/helpers/rate-limited-bot-api";
import { freePort, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";

export interface CampaignDeliveryFigures {
  recipients: number;
  limitPerSecond: number;
  /** Messages a second while the server was up: both runs, the restart's gap left out. */
  achievedPerSecond: number;
  achievedShareOfLimit: number;
  /** Over the whole campaign, restart included. */
  wallClockPerSecond: number;
  duplicates: number;
  lost: number;
  /** Claimed when the server died, delivered or not; never sent again. */
  unconfirmed: number;
  /** sendMessage calls Telegram's stand-in refused with 429. */
  refused: number;
  restartSeconds: number;
  totalSeconds: number;
}

/** Messages a second over a run of accepted messages. */
const rateOf = (run: readonly AcceptedMessage[]) => (run.length < 2 ? 0 : ((run.length - 1) * 1000) / (run.at(-1)!.at - run[0]!.at));

export async function run(options: { recipients?: number; ratePerSecond?: number } = {}): Promise<CampaignDeliveryFigures> {
  const recipients = options.recipients ?? 10_000;
  const rate = options.ratePerSecond ?? 30;
  const killAt = Math.floor(recipients / 2);
  let server: ServerProcess | undefined;
  let killed: Promise<void> | undefined;
  const botApi = await startRateLimitedBotApi({
    ratePerSecond: rate,
    onAccepted: (count) => {
      if (count === killAt && server) killed = server.kill("SIGKILL");
    },
  });

  const databasePath = temporaryDatabasePath();
  const setup = openSqlite(databasePath);
  await seedCluster(setup.db, "bench");
  const people = await seedRespondents(setup.db, "bench", recipients, { firstChatId: 5_000_000 });
  const { campaign } = await plan(setup.db, { clusterId: "bench", purpose: "score_card" });
  setup.close();

  const port = await freePort();
  const env = { TELEGRAM_RATE_PER_SECOND: String(rate), LOG_LEVEL: "info" };
  const started = performance.now();
  try {
    server = await startServerProcess({ port, databasePath, botApiUrl: botApi.url, env });
    await waitFor(() => killed !== undefined, (recipients / rate) * 2_000, 100);
    await killed;
    const killedAt = performance.now();
    const beforeKill = botApi.accepted.slice();
    server = await startServerProcess({ port, databasePath, botApiUrl: botApi.url, env });
    const storage = openSqlite(databasePath);
    try {
      await waitFor(async () => (await progressOf(storage.db, campaign.id)).done, (recipients / rate) * 2_000, 500);
      const afterRestart = botApi.accepted.slice(beforeKill.length);
      const received = new Map<number, number>();
      for (const message of botApi.accepted) received.set(message.chatId, (received.get(message.chatId) ?? 0) + 1);
      const rows = await storage.db.select({ status: campaignMessages.status }).from(campaignMessages);
      const sendingSeconds =
        ((beforeKill.at(-1)?.at ?? 0) - (beforeKill[0]?.at ?? 0) + (afterRestart.at(-1)?.at ?? 0) - (afterRestart[0]?.at ?? 0)) / 1000;
      const achieved = (botApi.accepted.length - 2) / sendingSeconds;
      return {
        recipients,
        limitPerSecond: rate,
        achievedPerSecond: round(achieved),
        achievedShareOfLimit: round(achieved / rate),
        wallClockPerSecond: round(rateOf(botApi.accepted)),
        duplicates: [...received.values()].filter((count) => count > 1).length,
        lost: people.filter((person) => !received.has(person.chatId)).length,
        unconfirmed: rows.filter((row) => row.status === "unconfirmed").length,
        refused: botApi.refused,
        restartSeconds: round(((afterRestart[0]?.at ?? killedAt) - killedAt) / 1000),
        totalSeconds: round((performance.now() - started) / 1000),
      };
    } finally {
      storage.close();
    }
  } finally {
    await server?.kill("SIGTERM");
    await botApi.close();
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await run();
  console.log(JSON.stringify(figures, null, 2));
  const ok = figures.achievedShareOfLimit >= 0.95 && figures.duplicates === 0 && figures.lost === 0;
  process.exitCode = ok ? 0 : 1;
}
