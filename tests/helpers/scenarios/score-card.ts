/**
 * The score card end to end, from a respondent's first message to the cluster's score, as Telegram
 * delivers it to the webhook. `describeScoreCard(target)` registers it for one place the product runs;
 * each place gets its own Bot API stand-in and its own storage.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORE_ISSUES, CORE_RATING_KEYS, TEMPLATES } from "../../../core/scoring";
import { clusterRepository } from "../../../db/repositories/clusters";
import { respondentRepository } from "../../../db/repositories/respondents";
import { sessionRepository } from "../../../db/repositories/sessions";
import { answers, clusterScores, processedUpdates, respondents } from "../../../db/schema";
import { startFakeBotApi, type FakeBotApi } from "../fake-bot-api";
import { callbackQuery, editedMessage, photo, sticker, textMessage, user, type TestUser } from "../telegram-updates";
import type { Target, TargetKind } from "./target";

/** SPEC §10's two respondents, issue by issue in the guide's order. */
const R1 = {
  existence: [4, 2, 3, 5, 4, 1, 2],
  intensity: [3, 1, 2, 4, 5, 0, 2],
  efforts: [5, 5, 4, 2, 3, 5, 5],
};
const R2 = {
  existence: [2, 2, 5, 3, 4, 3, 0],
  intensity: [3, 3, 2, 4, 3, 2, 0],
  efforts: [3, 5, 4, 4, 1, 5, 3],
};
const ECONOMIC = { value_chain_importance: 4, raw_materials: 3, turnover: 2, exports: 1, employment: 5 };

type Ratings = typeof R1;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The consolidated score of Table 2.9 with linear engagement, from the respondents' raw ratings. */
function expectedConsolidated(people: Ratings[]) {
  const mean = (template: keyof Ratings) => sum(people.map((r) => sum(r[template]))) / (people.length * 7);
  const economic = sum(Object.values(ECONOMIC)) / 5;
  return 0.2 * mean("existence") + 0.25 * mean("intensity") + 0.15 * (5 - mean("efforts")) + 0.4 * economic;
}

export function describeScoreCard(kind: TargetKind) {
  describe(kind.name, () => scoreCard(kind));
}

function scoreCard(kind: TargetKind) {
  // Set before any test runs; the helpers below read them when called.
  let botApi: FakeBotApi;
  let target: Target;

  beforeAll(async () => {
    botApi = await startFakeBotApi();
    target = await kind.start(botApi);
    await clusterRepository(target.db).create({
      id: "samalkha",
      name: "Samalkha foundry cluster",
      inviteCode: "SAMALKHA",
      defaultLocale: "en",
      profile: Object.fromEntries(Object.entries(ECONOMIC).map(([parameter, rating]) => [`economic.${parameter}`, rating])),
      now: new Date().toISOString(),
    });
  });

  afterAll(async () => {
    await target?.close();
    await botApi?.close();
  });

  async function deliver(update: unknown) {
    const response = await target.deliver(update);
    expect(response.status).toBe(200);
  }

  function lastMessage(person: TestUser) {
    const messages = botApi.messagesTo(person.id);
    const last = messages[messages.length - 1];
    if (!last) throw new Error(`no message to ${person.id}`);
    return last;
  }

  function buttonsOf(message: ReturnType<typeof lastMessage>) {
    return (message.reply_markup?.inline_keyboard ?? []).flat();
  }

  /** Taps the button whose data answers `itemId` with `value`, as a person would: from the last message. */
  async function tap(person: TestUser, itemId: string, value: string) {
    const data = `a|${itemId}|${value}`;
    const button = buttonsOf(lastMessage(person)).find((candidate) => candidate.callback_data === data);
    expect(button, `button ${data} in: ${JSON.stringify(lastMessage(person))}`).toBeDefined();
    await deliver(callbackQuery(person, data));
  }

  async function register(person: TestUser) {
    await deliver(textMessage(person, "/start SAMALKHA"));
    expect(botApi.messagesTo(person.id)[0]?.text).toContain("Samalkha foundry cluster");
    await tap(person, "language", "en");
    await tap(person, "stakeholder_type", "worker");
    await tap(person, "consent", "yes");
  }

  async function answerScoreCard(person: TestUser, ratings: Ratings) {
    for (const [index, issue] of CORE_ISSUES.entries()) {
      for (const template of TEMPLATES) {
        await tap(person, `${issue}.${template}`, String(ratings[template][index]));
      }
    }
    await tap(person, "optional_issues", "no");
  }

  async function cachedScore() {
    const [row] = await target.db.select().from(clusterScores).where(eq(clusterScores.clusterId, "samalkha"));
    return row;
  }

  describe("the score card from the first message to the cluster's score", () => {
    const first = user(910001);
    const second = user(910002);
    const third = user(910003);

    it("greets a new respondent from the invite link and asks the first question with buttons", async () => {
      await deliver(textMessage(first, "/start SAMALKHA"));
      const [welcome] = botApi.messagesTo(first.id);
      expect(welcome?.text).toContain("You are now in: Samalkha foundry cluster");
      expect(buttonsOf(welcome!).map((button) => button.callback_data)).toContain("a|language|hi");
    });

    it("reads typed answers leniently and refuses the unreadable without changing anything", async () => {
      await tap(first, "language", "en");
      await tap(first, "stakeholder_type", "worker");
      await tap(first, "consent", "yes");
      expect(lastMessage(first).text).toContain("1 of 22");
      await deliver(textMessage(first, "seven"));
      expect(lastMessage(first).text).toMatch(/0.*5/);
      expect(lastMessage(first).text).toContain("1 of 22");
      await deliver(textMessage(first, " ४ "));
      expect(lastMessage(first).text).toContain("2 of 22");
      await deliver(textMessage(first, "/back"));
      expect(lastMessage(first).text).toContain("1 of 22");
      expect(lastMessage(first).text).toContain("Your answer was: 4");
    });

    it("answers stickers, photos and edited messages with a localized hint and the open question", async () => {
      const before = botApi.messagesTo(first.id).length;
      await deliver(sticker(first));
      expect(lastMessage(first).text).toContain("I can only read text and button taps");
      await deliver(photo(first));
      expect(lastMessage(first).text).toContain("I can only read text and button taps");
      await deliver(editedMessage(first, "3"));
      expect(lastMessage(first).text).toContain("not changed ones");
      expect(botApi.messagesTo(first.id).length).toBe(before + 3);
      expect(lastMessage(first).text).toContain("1 of 22");
    });

    it("gives SPEC §10's numbers once two respondents finish, marked provisional", async () => {
      await answerScoreCard(first, R1);
      expect(lastMessage(first).text).toContain("The score appears when 3 have answered");
      await register(second);
      await answerScoreCard(second, R2);
      const score = await cachedScore();
      expect(score?.consolidated).toBeCloseTo(2.55, 9);
      expect(score?.provisional).toBe(true);
      expect(score?.mapCell).toBe(5);
      expect(score?.countedRespondents).toBe(2);
    });

    it("shows a third respondent the cluster's score, no longer provisional", async () => {
      await register(third);
      await answerScoreCard(third, R1);
      const expected = expectedConsolidated([R1, R2, R1]);
      const score = await cachedScore();
      expect(score?.consolidated).toBeCloseTo(expected, 9);
      expect(score?.provisional).toBe(false);
      expect(lastMessage(third).text).toContain(`score ${expected.toFixed(2)} out of 5, from 3 people`);
    });

    it("processes a redelivered update once", async () => {
      const someone = user(910004);
      await register(someone);
      const answer = callbackQuery(someone, "a|wages_benefits.existence|3");
      await deliver(answer);
      const sent = botApi.messagesTo(someone.id).length;
      await deliver(answer);
      await deliver(answer);
      expect(botApi.messagesTo(someone.id).length).toBe(sent);
      expect(lastMessage(someone).text).toContain("2 of 22");
    });

    it("stops a tapped button's spinner in the webhook's own response, not with a request of its own", async () => {
      const someone = user(910005);
      await register(someone);
      const spinnerRequests = () => botApi.calls.filter((call) => call.method === "answerCallbackQuery").length;
      const before = spinnerRequests();
      const tapped = callbackQuery(someone, "a|wages_benefits.existence|2");
      const response = await target.deliver(tapped);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(await response.json()).toEqual({ method: "answerCallbackQuery", callback_query_id: tapped.callback_query.id });
      expect(spinnerRequests()).toBe(before);
      expect(lastMessage(someone).text).toContain("2 of 22");
    });

    it("refuses a wrong or missing secret with 401 and writes nothing", async () => {
      const stranger = user(910099);
      const countRows = async () => ({
        respondents: (await target.db.select().from(respondents)).length,
        processed: (await target.db.select().from(processedUpdates)).length,
      });
      const before = await countRows();
      expect((await target.deliver(textMessage(stranger, "/start SAMALKHA"), "wrong-secret")).status).toBe(401);
      expect((await target.deliver(textMessage(stranger, "/start SAMALKHA"), null)).status).toBe(401);
      expect(await countRows()).toEqual(before);
      expect(botApi.messagesTo(stranger.id)).toHaveLength(0);
    });
  });

  describe("a respondent who stops and comes back after a restart", () => {
    it("loses nothing across a restart mid-questionnaire", async () => {
      const someone = user(920001);
      await register(someone);
      const firstFive = CORE_RATING_KEYS.slice(0, 5);
      for (const itemId of firstFive) await tap(someone, itemId, "2");

      await target.restart();

      await deliver(textMessage(someone, "/status"));
      expect(lastMessage(someone).text).toContain("6 of 22");
      const found = await respondentRepository(target.db).byIdentity("telegram", String(someone.id));
      const session = await sessionRepository(target.db).latest(found!.respondent.id, "score_card");
      const stored = await target.db.select().from(answers).where(eq(answers.responseSetId, session!.id));
      expect(Object.fromEntries(stored.map((row) => [row.itemId, row.value]))).toEqual(
        Object.fromEntries(firstFive.map((itemId) => [itemId, 2])),
      );

      for (const itemId of CORE_RATING_KEYS.slice(5)) await tap(someone, itemId, "1");
      await tap(someone, "optional_issues", "no");
      expect(lastMessage(someone).text).toContain("Thank you");
    });
  });
}
