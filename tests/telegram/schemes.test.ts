import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, type Product } from "../helpers/product";
import { callbackQuery, textMessage, user, type TestUser } from "../helpers/telegram-updates";

let botApi: FakeBotApi;
let product: Product;

beforeAll(async () => {
  botApi = await startFakeBotApi();
  product = await startProduct({ botApi });
});

afterAll(async () => {
  await product.close();
  await botApi.close();
});

async function ask(person: TestUser, text: string) {
  expect((await product.deliver(textMessage(person, text))).status).toBe(200);
  return botApi.messagesTo(person.id).at(-1)!;
}

/** The scheme names of a results message, from its numbered lines. */
const namesIn = (message: { text: string }) => [...message.text.matchAll(/^\d+\. (.+) \(/gm)].map((match) => match[1]);

describe("/schemes in Telegram", () => {
  it("answers with ranked schemes, why each matched, and a button for more", async () => {
    const person = user(960_001, "en");
    const reply = await ask(person, "/schemes child labour");
    expect(reply.text).toMatch(/Schemes for “child labour”: \d+ found/);
    expect(namesIn(reply)).toHaveLength(3);
    expect(reply.text).toContain("Why:");
    const more = reply.reply_markup!.inline_keyboard.flat().find((button) => button.callback_data.startsWith("m|"));
    expect(more?.text).toBe("More");

    expect((await product.deliver(callbackQuery(person, more!.callback_data))).status).toBe(200);
    const next = botApi.messagesTo(person.id).at(-1)!;
    expect(next.text).toMatch(/^4\. /);
    expect(namesIn(next).some((name) => namesIn(reply).includes(name))).toBe(false);
  });

  it("reads a Hindi search and answers in Hindi, finding what the English search finds first", async () => {
    const english = await ask(user(960_002, "en"), "/schemes child labour");
    const hindi = await ask(user(960_003, "hi"), "/schemes बाल श्रम");
    expect(hindi.text).toMatch(/[\u0900-\u097F]/);
    expect(namesIn(hindi)[0]).toBe(namesIn(english)[0]);
  });

  it("explains how to search when the words are missing or hold nothing searchable", async () => {
    const person = user(960_004, "en");
    expect((await ask(person, "/schemes")).text).toContain("Write what you are looking for after /schemes");
    for (const junk of ['"', "NEAR(", "😀", "a OR b".repeat(900)]) {
      const reply = await ask(person, `/schemes ${junk}`);
      expect(reply.text.length).toBeGreaterThan(0);
      expect(reply.text).not.toMatch(/schemes:|error/i);
    }
  });
});
