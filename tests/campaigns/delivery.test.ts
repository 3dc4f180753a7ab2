import { afterEach, describe, expect, it } from "vitest";
import type { CampaignDelivery } from "../../bot/campaigns/delivery";
import { campaignMessages } from "../../db/schema/campaigns";
import { openSqlite, type SqliteHandle } from "../../db/sqlite";
import { temporaryDatabasePath } from "../helpers/product";
import { startRateLimitedBotApi, type RateLimitedBotApi } from "../helpers/rate-limited-bot-api";
import { seedCluster, seedRespondents } from "./fixtures";
import { plan, progressOf, startDelivery, waitFor } from "./harness";

let storage: SqliteHandle | undefined;
let botApi: RateLimitedBotApi | undefined;
let delivery: CampaignDelivery | undefined;

afterEach(async () => {
  await delivery?.stop();
  await botApi?.close();
  storage?.close();
  delivery = botApi = storage = undefined;
});

const chatsOf = (api: RateLimitedBotApi) => api.accepted.map((message) => message.chatId);

describe("campaign delivery at Telegram's pace", () => {
  // How close to the limit the sender gets is a benchmark's question (bench/campaign-delivery.ts), not a test's.
  it("sends every invitation once, within the overall and per-chat limits", async () => {
    const rate = 100;
    botApi = await startRateLimitedBotApi({ ratePerSecond: rate });
    storage = openSqlite(temporaryDatabasePath());
    await seedCluster(storage.db, "pace");
    const people = await seedRespondents(storage.db, "pace", 400, { firstChatId: 10_000 });
    const { campaign, recipients } = await plan(storage.db, { clusterId: "pace", purpose: "score_card" });
    expect(recipients).toBe(400);

    delivery = await startDelivery({ db: storage.db, botApiUrl: botApi.url, ratePerSecond: rate });
    expect(await waitFor(async () => (await progressOf(storage!.db, campaign.id)).done, 20_000)).toBe(true);

    expect(botApi.refused).toBe(0);
    expect(chatsOf(botApi).sort()).toEqual(people.map((person) => person.chatId).sort());
    const progress = await progressOf(storage.db, campaign.id);
    expect(progress.invitations).toMatchObject({ sent: 400, pending: 0, sending: 0, failed: 0, unconfirmed: 0 });
    const [first] = botApi.accepted;
    expect(first?.text).toContain(`Cluster pace`);
    expect(first?.replyMarkup?.inline_keyboard[0]?.[0]?.callback_data).toBe("campaign|score_card");
  });

  it("pauses the whole sender for Telegram's retry_after on a 429, and still sends each message once", async () => {
    // The sender believes it may send 60 a second; Telegram allows 20.
    botApi = await startRateLimitedBotApi({ ratePerSecond: 20 });
    storage = openSqlite(temporaryDatabasePath());
    await seedCluster(storage.db, "throttled");
    const people = await seedRespondents(storage.db, "throttled", 80, { firstChatId: 20_000 });
    const { campaign } = await plan(storage.db, { clusterId: "throttled", purpose: "score_card" });

    const started = performance.now();
    delivery = await startDelivery({ db: storage.db, botApiUrl: botApi.url, ratePerSecond: 60 });
    expect(await waitFor(async () => (await progressOf(storage!.db, campaign.id)).done, 20_000)).toBe(true);
    const elapsed = performance.now() - started;

    expect(botApi.refused).toBeGreaterThan(0);
    expect(chatsOf(botApi).sort()).toEqual(people.map((person) => person.chatId).sort());
    // 80 at 20 a second take at least 3 windows; honouring retry_after adds whole seconds of silence.
    expect(elapsed).toBeGreaterThan(3_000);
    // Refusals come in bursts after each pause ends, not as a stream: the sender stopped when told.
    expect(botApi.refused).toBeLessThan(people.length);
    expect((await progressOf(storage.db, campaign.id)).invitations).toMatchObject({ sent: 80, failed: 0, unconfirmed: 0 });
  });

  it("spaces messages to the same chat a second apart, and records a chat that blocked the bot as failed", async () => {
    botApi = await startRateLimitedBotApi({ ratePerSecond: 100, blockedChats: new Set([30_001]) });
    storage = openSqlite(temporaryDatabasePath());
    await seedCluster(storage.db, "twice");
    await seedRespondents(storage.db, "twice", 3, { firstChatId: 30_000 });
    const first = await plan(storage.db, { clusterId: "twice", purpose: "score_card" });
    const second = await plan(storage.db, { clusterId: "twice", purpose: "score_card" }, new Date(Date.now() + 1));

    delivery = await startDelivery({ db: storage.db, botApiUrl: botApi.url, ratePerSecond: 100 });
    const done = async () => (await progressOf(storage!.db, first.campaign.id)).done && (await progressOf(storage!.db, second.campaign.id)).done;
    expect(await waitFor(done, 10_000)).toBe(true);

    expect(botApi.refused).toBe(0);
    for (const chatId of [30_000, 30_002]) {
      const times = botApi.messagesTo(chatId).map((message) => message.at);
      expect(times).toHaveLength(2);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
    }
    expect(botApi.messagesTo(30_001)).toHaveLength(0);
    const rows = await storage.db.select().from(campaignMessages);
    const failed = rows.filter((row) => row.status === "failed");
    expect(failed).toHaveLength(2);
    expect(failed[0]?.error).toContain("403");
    expect((await progressOf(storage.db, first.campaign.id)).invitations).toMatchObject({ sent: 2, failed: 1 });
  });
});
