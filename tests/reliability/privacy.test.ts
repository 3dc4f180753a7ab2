import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../bot/logger";
import { CORE_RATING_KEYS } from "../../core/scoring";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import { sessionRepository } from "../../db/repositories/sessions";
import { answerEvents, answers, clusterScores } from "../../db/schema";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, WEBHOOK_SECRET, type Product } from "../helpers/product";
import { callbackQuery, textMessage, user, type TestUser } from "../helpers/telegram-updates";

const TOKEN = "123456:TEST-TOKEN";

let botApi: FakeBotApi;
let product: Product;
const logLines: string[] = [];

beforeAll(async () => {
  botApi = await startFakeBotApi();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  product = await startProduct({ botApi, logger: createLogger("trace", sink) });
  await clusterRepository(product.db).create({ id: "priv", name: "Moradabad brassware", inviteCode: "PRIV", now: new Date().toISOString() });
});

afterAll(async () => {
  await product.close();
  await botApi.close();
});

async function deliver(update: unknown) {
  expect((await product.deliver(update)).status).toBe(200);
}

async function ownerWithAnswers(person: TestUser) {
  await deliver(textMessage(person, "/start PRIV"));
  await deliver(callbackQuery(person, "a|language|en"));
  await deliver(callbackQuery(person, "a|stakeholder_type|core_firm_owner"));
  await deliver(textMessage(person, "Sharma Brass Works"));
  await deliver(callbackQuery(person, "a|size_class|micro"));
  await deliver(textMessage(person, "/skip"));
  await deliver(callbackQuery(person, "a|consent|yes"));
  for (const key of CORE_RATING_KEYS) await deliver(callbackQuery(person, `a|${key}|2`));
  await deliver(callbackQuery(person, "a|optional_issues|no"));
}

describe("/forget", () => {
  it("erases the person's name, username and enterprise name, and keeps their answers in the score", async () => {
    const person = { ...user(970_001), username: "sharma_brass" };
    await ownerWithAnswers(person);
    const respondents = respondentRepository(product.db);
    const before = await respondents.byIdentity("telegram", String(person.id));
    expect(before?.identity.username).toBe("sharma_brass");
    const registration = await sessionRepository(product.db).latest(before!.respondent.id, "registration");
    const named = await product.db.select().from(answers).where(eq(answers.responseSetId, registration!.id));
    expect(named.find((row) => row.itemId === "enterprise_name")?.value).toBe("Sharma Brass Works");
    const [scoreBefore] = await product.db.select().from(clusterScores).where(eq(clusterScores.clusterId, "priv"));

    await deliver(textMessage(person, "/forget"));
    const confirm = botApi.messagesTo(person.id).at(-1)!;
    expect(confirm.reply_markup?.inline_keyboard.flat().map((button) => button.callback_data)).toEqual(["f|y", "f|n"]);
    await deliver(callbackQuery(person, "f|y"));
    expect(botApi.messagesTo(person.id).at(-1)!.text).toContain("Your name and contact details are deleted");

    const after = await respondents.byIdentity("telegram", String(person.id));
    expect(after?.respondent.forgottenAt).not.toBeNull();
    expect(after?.identity.username).toBeNull();
    const erased = await product.db.select().from(answers).where(eq(answers.responseSetId, registration!.id));
    expect(erased.find((row) => row.itemId === "enterprise_name")?.value).toBeNull();
    const history = await product.db.select().from(answerEvents).where(eq(answerEvents.responseSetId, registration!.id));
    expect(history.filter((row) => row.itemId === "enterprise_name").every((row) => row.value === null && row.previous === null)).toBe(true);
    expect(JSON.stringify(await product.db.select().from(answerEvents))).not.toContain("Sharma Brass Works");

    const scoreCard = await sessionRepository(product.db).latest(after!.respondent.id, "score_card");
    const ratings = await product.db.select().from(answers).where(eq(answers.responseSetId, scoreCard!.id));
    expect(ratings.filter((row) => row.value === 2)).toHaveLength(CORE_RATING_KEYS.length);
    const [scoreAfter] = await product.db.select().from(clusterScores).where(eq(clusterScores.clusterId, "priv"));
    expect(scoreAfter?.countedRespondents).toBe(scoreBefore?.countedRespondents);
  });

  it("keeps everything when the person changes their mind", async () => {
    const person = { ...user(970_002), username: "keeps_name" };
    await deliver(textMessage(person, "/start PRIV"));
    await deliver(textMessage(person, "/forget"));
    await deliver(callbackQuery(person, "f|n"));
    expect(botApi.messagesTo(person.id).at(-1)!.text).toContain("Nothing was deleted");
    expect((await respondentRepository(product.db).byIdentity("telegram", String(person.id)))?.identity.username).toBe("keeps_name");
  });
});

describe("logs", () => {
  it("never carry the bot token or the webhook secret, even when Telegram fails", async () => {
    const person = user(970_003);
    botApi.fail("sendMessage");
    const failed = await product.deliver(textMessage(person, "/start PRIV"));
    botApi.recover("sendMessage");
    expect(failed.status).toBe(500);
    await deliver(textMessage(person, "/start PRIV"));
    const log = logLines.join("");
    expect(log).toContain("request failed");
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(TOKEN.split(":")[1]);
    expect(log).not.toContain(WEBHOOK_SECRET);
  });
});
