import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import { sessionRepository } from "../../db/repositories/sessions";
import { answerEvents, answers, responseSets, sessions } from "../../db/schema";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, type Product } from "../helpers/product";
import { callbackQuery, textMessage, user } from "../helpers/telegram-updates";

let botApi: FakeBotApi;
let product: Product;

beforeAll(async () => {
  botApi = await startFakeBotApi();
  product = await startProduct({ botApi });
  await clusterRepository(product.db).create({ id: "window", name: "Tirupur knitwear", inviteCode: "WINDOW", now: new Date().toISOString() });
});

afterAll(async () => {
  await product.close();
  await botApi.close();
});

describe("a process that dies between finishing registration and starting the score card", () => {
  it("starts the score card with the next answer, keeping that answer", async () => {
    const person = user(980_001);
    for (const update of [
      textMessage(person, "/start WINDOW"),
      callbackQuery(person, "a|language|en"),
      callbackQuery(person, "a|stakeholder_type|worker"),
      callbackQuery(person, "a|consent|yes"),
    ]) {
      expect((await product.deliver(update)).status).toBe(200);
    }
    // What a kill right after the registration's write leaves behind: no score card session at all.
    const { respondent } = (await respondentRepository(product.db).byIdentity("telegram", String(person.id)))!;
    const started = await sessionRepository(product.db).latest(respondent.id, "score_card");
    await product.db.delete(answerEvents).where(eq(answerEvents.responseSetId, started!.id));
    await product.db.delete(answers).where(eq(answers.responseSetId, started!.id));
    await product.db.delete(responseSets).where(eq(responseSets.id, started!.id));
    await product.db.delete(sessions).where(eq(sessions.id, started!.id));

    // The person taps an answer on the first question they were shown.
    expect((await product.deliver(callbackQuery(person, "a|wages_benefits.existence|4"))).status).toBe(200);
    const session = await sessionRepository(product.db).latest(respondent.id, "score_card");
    expect(session?.state.answers["wages_benefits.existence"]?.value).toBe(4);
    expect(botApi.messagesTo(person.id).at(-1)!.text).toContain("Question 2 of 22");
  });
});
