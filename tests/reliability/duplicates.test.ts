import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import { sessionRepository } from "../../db/repositories/sessions";
import { answerEvents, answers } from "../../db/schema";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, type Product } from "../helpers/product";
import { scoreCardWalk, seededRandom } from "../helpers/synthetic-respondents";
import { callbackQuery, user, type TestUser } from "../helpers/telegram-updates";

let botApi: FakeBotApi;
let product: Product;

beforeAll(async () => {
  botApi = await startFakeBotApi();
  product = await startProduct({ botApi });
  await clusterRepository(product.db).create({ id: "dup", name: "Duplicates cluster", inviteCode: "DUP", now: new Date().toISOString() });
});

afterAll(async () => {
  await product.close();
  await botApi.close();
});

async function scoreCardOf(person: TestUser) {
  const found = await respondentRepository(product.db).byIdentity("telegram", String(person.id));
  return sessionRepository(product.db).latest(found!.respondent.id, "score_card");
}

describe("updates delivered more than once", () => {
  it("stores each answer once and replies once per update, with copies sent in sequence and at the same time", async () => {
    const random = seededRandom(7);
    const walks = Array.from({ length: 20 }, (_, index) => scoreCardWalk(user(930_000 + index), "DUP", random));
    let copiesSent = 0;
    await Promise.all(
      walks.map(async (walk) => {
        for (const [index, update] of walk.updates.entries()) {
          const copies = 2 + (index % 2);
          copiesSent += copies;
          const deliveries =
            index % 3 === 0
              ? await Promise.all(Array.from({ length: copies }, () => product.deliver(update)))
              : await (async () => {
                  const responses = [];
                  for (let copy = 0; copy < copies; copy++) responses.push(await product.deliver(update));
                  return responses;
                })();
          expect(deliveries.map((response) => response.status)).toEqual(Array(copies).fill(200));
        }
      }),
    );
    expect(copiesSent).toBeGreaterThan(2 * walks.length * walks[0]!.updates.length);

    for (const walk of walks) {
      expect(botApi.messagesTo(walk.person.id)).toHaveLength(walk.updates.length);
      const session = await scoreCardOf(walk.person);
      expect(session?.status).toBe("completed");
      const events = await product.db.select().from(answerEvents).where(eq(answerEvents.responseSetId, session!.id));
      expect(events.filter((event) => event.type === "answer_set")).toHaveLength(22);
      const stored = await product.db.select().from(answers).where(eq(answers.responseSetId, session!.id));
      expect(Object.fromEntries(stored.filter((row) => row.itemId in walk.ratings).map((row) => [row.itemId, row.value]))).toEqual(
        walk.ratings,
      );
    }
  });

  it("takes two taps on the same button at once as one answer, and answers each tap", async () => {
    const walk = scoreCardWalk(user(931_000), "DUP", seededRandom(3));
    for (const update of walk.updates.slice(0, 4)) await product.deliver(update);
    const before = botApi.messagesTo(walk.person.id).length;

    const [first, second] = [callbackQuery(walk.person, "a|wages_benefits.existence|3"), callbackQuery(walk.person, "a|wages_benefits.existence|3")];
    const statuses = await Promise.all([product.deliver(first), product.deliver(second)]);
    expect(statuses.map((response) => response.status)).toEqual([200, 200]);

    const replies = botApi.messagesTo(walk.person.id).slice(before);
    expect(replies).toHaveLength(2);
    expect(replies.filter((reply) => reply.text.includes("Question 2 of 22"))).toHaveLength(2);
    expect(replies.filter((reply) => reply.text.includes("That button belongs to an earlier question")).length).toBe(1);

    const session = await scoreCardOf(walk.person);
    const events = await product.db
      .select()
      .from(answerEvents)
      .where(and(eq(answerEvents.responseSetId, session!.id), eq(answerEvents.itemId, "wages_benefits.existence")));
    expect(events).toHaveLength(1);
  });
});
