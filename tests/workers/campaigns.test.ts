import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { campaignMessages } from "../../db/schema/campaigns";
import { seedCluster, seedRespondents } from "../campaigns/fixtures";
import { plan, progressOf } from "../campaigns/harness";
import { leftovers, remaining, tidied } from "../helpers/housekeeping";
import { startRateLimitedBotApi, type RateLimitedBotApi } from "../helpers/rate-limited-bot-api";
import { buildWorker, removeBuild, startWorker, type LocalWorker, type WorkerBuild } from "../helpers/worker";

let build: WorkerBuild;
let botApi: RateLimitedBotApi | undefined;
let worker: LocalWorker | undefined;

beforeAll(async () => {
  build = await buildWorker();
});

afterEach(async () => {
  await worker?.close();
  await botApi?.close();
  worker = botApi = undefined;
});

afterAll(() => {
  if (build) removeBuild(build);
});

const countsOf = (api: RateLimitedBotApi) => {
  const received = new Map<number, number>();
  for (const message of api.accepted) received.set(message.chatId, (received.get(message.chatId) ?? 0) + 1);
  return received;
};

describe("campaign delivery on Workers, from the cron trigger", () => {
  it("sends every invitation once in one pass, honouring Telegram's 429s", async () => {
    // The Worker believes it may send 60 a second; Telegram allows 20, so some sends meet a 429.
    botApi = await startRateLimitedBotApi({ ratePerSecond: 20 });
    worker = await startWorker({ build, botApi, vars: { TELEGRAM_RATE_PER_SECOND: "60" } });
    await seedCluster(worker.db, "cron");
    const people = await seedRespondents(worker.db, "cron", 60, { firstChatId: 40_000 });
    const { campaign } = await plan(worker.db, { clusterId: "cron", purpose: "score_card" });

    expect(await worker.scheduled()).toMatchObject({ outcome: "ok" });

    expect(botApi.refused).toBeGreaterThan(0);
    const received = countsOf(botApi);
    expect([...received.keys()].sort()).toEqual(people.map((person) => person.chatId).sort());
    expect([...received.values()].every((count) => count === 1)).toBe(true);
    const progress = await progressOf(worker.db, campaign.id);
    expect(progress.invitations).toMatchObject({ sent: 60, pending: 0, sending: 0, failed: 0, unconfirmed: 0 });
    expect(progress.done).toBe(true);

    // A pass with nothing due sends nothing again.
    expect(await worker.scheduled()).toMatchObject({ outcome: "ok" });
    expect(botApi.accepted).toHaveLength(60);
  }, 60_000);

  it("treats what a cut-off pass left claimed as after a crash, and leaves a running pass's claims alone", async () => {
    botApi = await startRateLimitedBotApi();
    worker = await startWorker({ build, botApi });
    await seedCluster(worker.db, "cutoff");
    const people = await seedRespondents(worker.db, "cutoff", 5, { firstChatId: 50_000 });
    const { campaign } = await plan(worker.db, { clusterId: "cutoff", purpose: "score_card" });
    const [cutOff, running] = await worker.db.select().from(campaignMessages).where(eq(campaignMessages.campaignId, campaign.id)).limit(2);
    // A pass that died two minutes ago with a message on its way, and one still waiting for Telegram's answer.
    const claim = async (id: number, by: string, at: Date) =>
      worker!.db.update(campaignMessages).set({ status: "sending", claimedBy: by, claimedAt: at.toISOString() }).where(eq(campaignMessages.id, id));
    await claim(cutOff!.id, "dead-pass", new Date(Date.now() - 120_000));
    await claim(running!.id, "live-pass", new Date());

    expect(await worker.scheduled()).toMatchObject({ outcome: "ok" });

    const chats = [...countsOf(botApi).keys()].sort();
    const claimedChats = new Set([cutOff!.respondentId, running!.respondentId].map((id) => Number(id.slice(2))));
    expect(chats).toEqual(people.map((person) => person.chatId).filter((chat) => !claimedChats.has(chat)).sort());
    const rows = new Map((await worker.db.select().from(campaignMessages)).map((row) => [row.id, row]));
    expect(rows.get(cutOff!.id)).toMatchObject({ status: "unconfirmed", error: "the sender stopped before Telegram answered" });
    expect(rows.get(running!.id)).toMatchObject({ status: "sending", claimedBy: "live-pass" });
    expect((await progressOf(worker.db, campaign.id)).invitations).toMatchObject({ sent: 3, unconfirmed: 1, sending: 1, pending: 0 });
  }, 60_000);
});

describe("housekeeping on Workers, from the cron trigger", () => {
  it("forgets old delivery keys and expired console sign-ins on a pass", async () => {
    botApi = await startRateLimitedBotApi();
    worker = await startWorker({ build, botApi });
    const now = new Date();
    await leftovers(worker.db, now);

    expect(await worker.scheduled()).toMatchObject({ outcome: "ok" });

    expect(await remaining(worker.db, now)).toEqual(tidied);
  }, 60_000);
});
