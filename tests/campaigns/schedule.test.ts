import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { CampaignDelivery } from "../../bot/campaigns/delivery";
import { isQuiet, parseQuietHours } from "../../bot/campaigns/quiet-hours";
import { respondents } from "../../db/schema";
import { openSqlite, type SqliteHandle } from "../../db/sqlite";
import { temporaryDatabasePath } from "../helpers/product";
import { startRateLimitedBotApi, type RateLimitedBotApi } from "../helpers/rate-limited-bot-api";
import { giveScoreCard, seedCluster, seedRespondents } from "./fixtures";
import { plan, progressOf, startDelivery, waitFor } from "./harness";

const DAY = 86_400_000;

/** Wall-clock time moved by hand, still ticking in real time so that the per-chat pace can pass. */
function movableClock(start: string) {
  let offset = Date.parse(start) - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    set(at: string) {
      offset = Date.parse(at) - Date.now();
    },
    advance(ms: number) {
      offset += ms;
    },
  };
}

let storage: SqliteHandle | undefined;
let botApi: RateLimitedBotApi | undefined;
let delivery: CampaignDelivery | undefined;

afterEach(async () => {
  await delivery?.stop();
  await botApi?.close();
  storage?.close();
  delivery = botApi = storage = undefined;
});

describe("quiet hours", () => {
  it("are read in the cluster's time zone, and may span midnight", () => {
    const hours = parseQuietHours("21:00-08:00")!;
    expect(isQuiet(new Date("2026-03-02T15:29:00Z"), "Asia/Kolkata", hours)).toBe(false); // 20:59 IST
    expect(isQuiet(new Date("2026-03-02T15:30:00Z"), "Asia/Kolkata", hours)).toBe(true); // 21:00 IST
    expect(isQuiet(new Date("2026-03-02T22:00:00Z"), "Asia/Kolkata", hours)).toBe(true); // 03:30 IST
    expect(isQuiet(new Date("2026-03-03T02:30:00Z"), "Asia/Kolkata", hours)).toBe(false); // 08:00 IST
    expect(isQuiet(new Date("2026-03-02T15:30:00Z"), "Asia/Tokyo", hours)).toBe(true); // 00:30 JST
    expect(isQuiet(new Date("2026-03-02T15:30:00Z"), "Europe/London", hours)).toBe(false); // 15:30 GMT
    expect(isQuiet(new Date("2026-03-02T12:00:00Z"), "Asia/Kolkata", parseQuietHours("13:00-18:00")!)).toBe(true);
    expect(isQuiet(new Date("2026-03-02T12:00:00Z"), "Asia/Kolkata", parseQuietHours("00:00-00:00")!)).toBe(false);
    expect(parseQuietHours("9:00-18:00")).toBeNull();
    expect(parseQuietHours("21:00")).toBeNull();
  });

  it("hold every message at night in the cluster's local time and send them all in the morning", async () => {
    botApi = await startRateLimitedBotApi({ ratePerSecond: 100 });
    storage = openSqlite(temporaryDatabasePath());
    await seedCluster(storage.db, "kolkata", { timezone: "Asia/Kolkata" });
    await seedCluster(storage.db, "london", { timezone: "Europe/London" });
    const inIndia = await seedRespondents(storage.db, "kolkata", 20, { firstChatId: 50_000 });
    const inEngland = await seedRespondents(storage.db, "london", 5, { firstChatId: 51_000 });
    // 23:30 in Kolkata, 18:00 in London.
    const clock = movableClock("2026-03-02T18:00:00Z");
    const night = { quietHours: { from: "21:00", until: "08:00" } };
    const india = await plan(storage.db, { clusterId: "kolkata", purpose: "score_card", ...night }, clock.now());
    const england = await plan(storage.db, { clusterId: "london", purpose: "score_card", ...night }, clock.now());

    delivery = await startDelivery({ db: storage.db, botApiUrl: botApi.url, clock: clock.now, ratePerSecond: 100 });
    expect(await waitFor(async () => (await progressOf(storage!.db, england.campaign.id, clock.now())).done, 5_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(botApi.accepted.map((message) => message.chatId).sort()).toEqual(inEngland.map((person) => person.chatId).sort());
    expect((await progressOf(storage.db, india.campaign.id, clock.now())).invitations).toMatchObject({ pending: 20, sent: 0 });

    // 07:59 in Kolkata: still night.
    clock.set("2026-03-03T02:29:00Z");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(botApi.accepted).toHaveLength(5);

    // 08:00 in Kolkata.
    clock.set("2026-03-03T02:30:00Z");
    delivery.wake();
    expect(await waitFor(async () => (await progressOf(storage!.db, india.campaign.id, clock.now())).done, 5_000)).toBe(true);
    const indianChats = new Set(inIndia.map((person) => person.chatId));
    expect(botApi.accepted.filter((message) => indianChats.has(message.chatId))).toHaveLength(20);
  });
});

describe("reminders", () => {
  it("go only to those who started and did not finish, N days apart, at most M of them", async () => {
    botApi = await startRateLimitedBotApi({ ratePerSecond: 100 });
    storage = openSqlite(temporaryDatabasePath());
    await seedCluster(storage.db, "remind", { timezone: "Asia/Kolkata" });
    const [started, startedThenFinished, finishedEarly, neverStarted, optedOut] = await seedRespondents(storage.db, "remind", 5, {
      firstChatId: 60_000,
      locale: "hi",
    });
    // 11:00 in Kolkata.
    const clock = movableClock("2026-03-02T05:30:00Z");
    const { campaign } = await plan(storage.db, { clusterId: "remind", purpose: "score_card", remindAfterDays: 3, maxReminders: 2 }, clock.now());
    delivery = await startDelivery({ db: storage.db, botApiUrl: botApi.url, clock: clock.now, ratePerSecond: 100 });
    expect(await waitFor(async () => (await progressOf(storage!.db, campaign.id, clock.now())).invitations.sent === 5, 5_000)).toBe(true);

    await giveScoreCard(storage.db, started!.id, "active");
    await giveScoreCard(storage.db, startedThenFinished!.id, "active");
    await giveScoreCard(storage.db, finishedEarly!.id, "completed");
    await giveScoreCard(storage.db, optedOut!.id, "active");
    await storage.db.update(respondents).set({ optedOutAt: clock.now().toISOString() }).where(eq(respondents.id, optedOut!.id));

    const settled = async (sequenceSent: number) => {
      const progress = await progressOf(storage!.db, campaign.id, clock.now());
      return progress.reminders.pending === 0 && progress.reminders.sending === 0 && progress.reminders.sent === sequenceSent;
    };
    // Two days on, nothing is due yet.
    clock.advance(2 * DAY);
    delivery.wake();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(botApi.accepted).toHaveLength(5);

    clock.advance(DAY + 60_000);
    delivery.wake();
    expect(await waitFor(() => settled(2), 5_000)).toBe(true);

    await giveScoreCard(storage.db, startedThenFinished!.id, "completed");
    clock.advance(3 * DAY + 60_000);
    delivery.wake();
    expect(await waitFor(() => settled(3), 5_000)).toBe(true);

    // A third reminder is never planned.
    clock.advance(30 * DAY);
    delivery.wake();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const count = (person: { chatId: number } | undefined) => botApi!.messagesTo(person!.chatId).length;
    expect(count(started)).toBe(3);
    expect(count(startedThenFinished)).toBe(2);
    expect(count(finishedEarly)).toBe(1);
    expect(count(neverStarted)).toBe(1);
    expect(count(optedOut)).toBe(1);
    const progress = await progressOf(storage.db, campaign.id, clock.now());
    expect(progress.reminders).toMatchObject({ sent: 3, pending: 0, scheduled: 0, optedOut: 1, finished: 2 });
    expect(progress.done).toBe(true);

    const [invitation, reminder] = botApi.messagesTo(started!.chatId);
    // In the respondent's language, with a button that carries on from where they stopped.
    expect(invitation?.text).toContain("स्कोर कार्ड");
    expect(reminder?.text).toContain("याद दिलाना");
    expect(reminder?.replyMarkup?.inline_keyboard[0]?.[0]).toEqual({ text: "जहाँ रुका था वहीं से आगे", callback_data: "campaign|score_card" });
  });
});
