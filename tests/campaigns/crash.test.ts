import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignMessages } from "../../db/schema/campaigns";
import { openSqlite } from "../../db/sqlite";
import { temporaryDatabasePath } from "../helpers/product";
import { startRateLimitedBotApi, type RateLimitedBotApi } from "../helpers/rate-limited-bot-api";
import { freePort, startServerProcess, type ServerProcess } from "../helpers/server-process";
import { seedCluster, seedRespondents } from "./fixtures";
import { plan, progressOf, waitFor } from "./harness";

const RECIPIENTS = 2_000;
const RATE = 300;
const KILL_AT = RECIPIENTS / 2;

let botApi: RateLimitedBotApi;
let server: ServerProcess | undefined;
let killed: Promise<void> | undefined;

beforeAll(async () => {
  botApi = await startRateLimitedBotApi({
    ratePerSecond: RATE,
    // Halfway, the server dies the hard way while Telegram holds a message it has not answered yet.
    onAccepted: (count) => {
      if (count === KILL_AT && server) killed = server.kill("SIGKILL");
    },
  });
});

afterAll(async () => {
  await server?.kill("SIGTERM");
  await botApi.close();
});

describe("a campaign through a SIGKILL of the server", () => {
  it(`reaches all ${RECIPIENTS} recipients exactly once at ${RATE}/s, resuming from the queue after a restart`, async () => {
    const databasePath = temporaryDatabasePath();
    const setup = openSqlite(databasePath);
    await seedCluster(setup.db, "crash-campaign");
    const people = await seedRespondents(setup.db, "crash-campaign", RECIPIENTS, { firstChatId: 1_000_000 });
    const { campaign } = await plan(setup.db, { clusterId: "crash-campaign", purpose: "score_card" });
    setup.close();

    const port = await freePort();
    const env = { TELEGRAM_RATE_PER_SECOND: String(RATE) };
    server = await startServerProcess({ port, databasePath, botApiUrl: botApi.url, env });
    expect(await waitFor(() => killed !== undefined, 30_000)).toBe(true);
    await killed;
    const atKill = botApi.accepted.length;
    server = await startServerProcess({ port, databasePath, botApiUrl: botApi.url, env });

    const storage = openSqlite(databasePath);
    try {
      expect(await waitFor(async () => (await progressOf(storage.db, campaign.id)).done, 30_000, 100)).toBe(true);
      const received = new Map<number, number>();
      for (const message of botApi.accepted) received.set(message.chatId, (received.get(message.chatId) ?? 0) + 1);
      const duplicates = [...received.values()].filter((count) => count > 1).length;
      const lost = people.filter((person) => !received.has(person.chatId)).length;
      expect(atKill).toBeLessThan(RECIPIENTS);
      expect(duplicates).toBe(0);
      expect(lost).toBe(0);

      const rows = await storage.db.select().from(campaignMessages);
      const unconfirmed = rows.filter((row) => row.status === "unconfirmed").length;
      const sent = rows.filter((row) => row.status === "sent").length;
      // Whatever was on its way at the kill is unconfirmed, not sent again; everything else is sent.
      expect(unconfirmed).toBeGreaterThan(0);
      expect(unconfirmed).toBeLessThanOrEqual(RATE);
      expect(sent + unconfirmed).toBe(RECIPIENTS);
      expect(rows).toHaveLength(RECIPIENTS);
      expect(server.output.join("\n")).toMatch(/marked unconfirmed|"abandoned"/);
    } finally {
      storage.close();
    }
  }, 90_000);
});
