import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import { sessionRepository } from "../../db/repositories/sessions";
import { answerEvents, processedUpdates, respondents, sessions } from "../../db/schema";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, WEBHOOK_SECRET, type Product } from "../helpers/product";
import { callbackQuery, textMessage, user } from "../helpers/telegram-updates";

/**
 * A corpus of bad input through the real webhook route. Requests that are not Telegram's are refused
 * with a 4xx and leave no trace; updates from a person with odd content get a reply in their language
 * and change nothing they did not mean to change.
 */

let botApi: FakeBotApi;
let product: Product;
const hindiSpeaker = user(940_001, "hi");
const tried = { transport: 0, person: 0 };

beforeAll(async () => {
  botApi = await startFakeBotApi();
  product = await startProduct({ botApi });
  await clusterRepository(product.db).create({ id: "bad", name: "बरपाली इकत", inviteCode: "BAD", now: new Date().toISOString() });
  for (const update of [
    textMessage(hindiSpeaker, "/start BAD"),
    callbackQuery(hindiSpeaker, "a|language|hi"),
    callbackQuery(hindiSpeaker, "a|stakeholder_type|worker"),
    callbackQuery(hindiSpeaker, "a|consent|yes"),
  ]) {
    expect((await product.deliver(update)).status).toBe(200);
  }
});

afterAll(async () => {
  await product.close();
  await botApi.close();
  // The figures the README quotes.
  console.info(`bad input tried: ${tried.transport} refused requests, ${tried.person} odd updates`);
});

async function footprint() {
  const [respondentCount, sessionCount, eventCount, updateCount] = await Promise.all([
    product.db.$count(respondents),
    product.db.$count(sessions),
    product.db.$count(answerEvents),
    product.db.$count(processedUpdates),
  ]);
  return { respondentCount, sessionCount, eventCount, updateCount, calls: botApi.calls.length };
}

function post(body: BodyInit, headers: Record<string, string>) {
  return fetch(`${product.url}/telegram/webhook`, { method: "POST", headers, body });
}

const json = { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET };
const validUpdate = () => JSON.stringify(textMessage(user(949_999), "/start BAD"));

const transportCases: { name: string; status: number; send: () => Promise<Response> }[] = [
  ...["", "wrong", `${WEBHOOK_SECRET}x`, WEBHOOK_SECRET.toUpperCase(), "x".repeat(10_000), "sécret", " ", WEBHOOK_SECRET.slice(1)].map(
    (secret) => ({
      name: `secret ${JSON.stringify(secret.slice(0, 20))}`,
      status: 401,
      send: () => post(validUpdate(), { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }),
    }),
  ),
  { name: "no secret header", status: 401, send: () => post(validUpdate(), { "content-type": "application/json" }) },
  ...["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonp", "", "json"].map(
    (type) => ({
      name: `content type ${JSON.stringify(type)}`,
      status: 415,
      send: () => post(validUpdate(), { ...json, "content-type": type }),
    }),
  ),
  ...[
    "",
    "{",
    "}",
    "[",
    "{update_id:1}",
    "{'update_id':1}",
    '{"update_id": }',
    '{"update_id": 1,}',
    "NaN",
    '{"update_id": 1',
    "\u0000",
    "<update/>",
    "update_id=1",
    '{"update_id": 1}}',
    "[".repeat(5000) + "]".repeat(5000),
  ].map((body) => ({ name: `malformed JSON ${JSON.stringify(body.slice(0, 20))}`, status: 400, send: () => post(body, json) })),
  ...["null", "true", "1", '"text"', "[]", "{}", '{"update_id":"1"}', '{"update_id":-1}', '{"update_id":1.5}', '{"update_id":null}', '{"message":{}}'].map(
    (body) => ({ name: `not an update ${body}`, status: 400, send: () => post(body, json) }),
  ),
  ...["GET", "PUT", "DELETE", "PATCH"].map((method) => ({
    name: `${method} on the webhook`,
    status: 404,
    send: () => fetch(`${product.url}/telegram/webhook`, { method, headers: json, ...(method === "GET" ? {} : { body: validUpdate() }) }),
  })),
  ...["/telegram/webhook/x", "/telegram", "/telegram/webhook%00", "/TELEGRAM/WEBHOOK"].map((path) => ({
    name: `POST ${path}`,
    status: 404,
    send: () => fetch(`${product.url}${path}`, { method: "POST", headers: json, body: validUpdate() }),
  })),
  ...[2 ** 53, 1e300, -0.5].map((id) => ({
    name: `update_id ${id}`,
    status: 400,
    send: () => post(`{"update_id":${id === 2 ** 53 ? "9007199254740993" : id}}`, json),
  })),
  // Last: the server stops reading an oversized upload and closes that connection.
  {
    name: "a body over 1 MB",
    status: 413,
    send: () => post(JSON.stringify({ update_id: 1, message: { text: "x".repeat(1024 * 1024) } }), json),
  },
  { name: "a body of 5 MB", status: 413, send: () => post("x".repeat(5 * 1024 * 1024), json) },
];

describe("requests that are not Telegram's", () => {
  it.each(transportCases)("$name → $status, nothing stored", async ({ status, send }) => {
    const before = await footprint();
    const response = await send();
    expect(response.status).toBe(status);
    expect(await footprint()).toEqual(before);
    tried.transport++;
  });
});

async function answeredCount() {
  const found = await respondentRepository(product.db).byIdentity("telegram", String(hindiSpeaker.id));
  const session = await sessionRepository(product.db).latest(found!.respondent.id, "score_card");
  const events = await product.db.select().from(answerEvents).where(eq(answerEvents.responseSetId, session!.id));
  return { cursor: session!.state.cursor, events: events.length };
}

const devanagari = /[\u0900-\u097F]/;
const rawKey = /\b(bot|engine|questionnaires|scoring|schemes):[a-z_.]+/;

const oddTexts = [
  "x".repeat(10_000),
  "5".repeat(10_000),
  "'; DROP TABLE answers; --",
  "1 OR 1=1",
  '" OR ""="',
  "1; DELETE FROM sessions",
  "Robert'); DROP TABLE respondents;--",
  "UNION SELECT * FROM console_users",
  "NEAR(child labour)",
  '"',
  "*",
  "a OR b",
  "name:value",
  "^start",
  "(((",
  "😀",
  "👍🏽",
  "🇮🇳",
  "पाँच सौ",
  "שלום",
  "سلام",
  "\u202Eevil",
  "\u200B",
  "\u0000",
  "\u0007\u0008",
  "   ",
  "6",
  "-1",
  "99",
  "3.5",
  "1e3",
  "0x3",
  "Infinity",
  "NaN",
  "2 3",
  "½",
  "five hundred",
  "<script>alert(1)</script>",
  "${process.env}",
  "{{bot:welcome}}",
  "\\u0033",
  "%33",
  "null",
  "undefined",
  "/unknown_command",
  "/start NOSUCHCODE",
  `/start ${"Z".repeat(5000)}`,
  "/language extra words",
  "\uFFFD\uFFFD",
  "٣٫٥",
  "𝟑",
  "३३",
  "+3",
  "3️⃣",
  "'",
  "--",
  "; SELECT sqlite_version();",
];

const oddCallbacks = [
  "",
  "x",
  "a|",
  "a||",
  "a|nonexistent|3",
  "a|wages_benefits.existence|9",
  "a|wages_benefits.existence|-1",
  "a|wages_benefits.existence|",
  "a|wages_benefits.existence|3|extra",
  "a|language|hi",
  "a|consent|no",
  "d|nonexistent",
  "s|wages_benefits.existence",
  "c|no-such-cluster",
  "c|",
  "l|xx",
  "l|",
  "r|maybe",
  "r|",
  "b|extra",
  "z|1",
  "'; DROP TABLE answers; --",
  "😀",
  "a|wages_benefits.existence|3; DROP TABLE answers",
  "m|0|query",
  "x".repeat(64),
];

/** Digits of every script the engine reads, in numbers a 0–5 scale cannot take. */
const INDIC_ZEROS = [0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x06f0];
const outOfRange = INDIC_ZEROS.flatMap((zero) => [6, 7, 8, 9].map((digit) => String.fromCodePoint(zero + digit)));
const SCORE_CARD_ITEMS = ["wages_benefits", "collective_bargaining", "hours_of_work", "air_pollution", "water_pollution", "noise_pollution"].flatMap(
  (issue) => ["intensity", "efforts"].map((template) => `${issue}.${template}`),
);

describe("updates from a person with content the bot cannot use", () => {
  const cases = [
    ...outOfRange.map((text) => ({ name: `out-of-range digit ${text}`, update: () => textMessage(hindiSpeaker, text) })),
    ...SCORE_CARD_ITEMS.map((itemId) => ({ name: `button for a later item ${itemId}`, update: () => callbackQuery(hindiSpeaker, `a|${itemId}|3`) })),
    ...SCORE_CARD_ITEMS.map((itemId) => ({ name: `don't know for a later item ${itemId}`, update: () => callbackQuery(hindiSpeaker, `d|${itemId}`) })),
    ...oddTexts.map((text) => ({ name: `text ${JSON.stringify(text.slice(0, 24))}`, update: () => textMessage(hindiSpeaker, text) })),
    ...oddCallbacks.map((data) => ({ name: `button ${JSON.stringify(data.slice(0, 24))}`, update: () => callbackQuery(hindiSpeaker, data) })),
  ];

  it.each(cases)("$name → 200, one reply in Hindi, nothing changed", async ({ update }) => {
    const before = await answeredCount();
    const sent = botApi.messagesTo(hindiSpeaker.id).length;
    const response = await product.deliver(update());
    expect(response.status).toBe(200);
    const replies = botApi.messagesTo(hindiSpeaker.id).slice(sent);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(devanagari);
    expect(replies[0]!.text).not.toMatch(rawKey);
    expect(await answeredCount()).toEqual(before);
    tried.person++;
  });

  it("keeps a reading of odd Unicode it can use, and answers in Hindi", async () => {
    const sent = botApi.messagesTo(hindiSpeaker.id).length;
    expect((await product.deliver(textMessage(hindiSpeaker, "  (३) "))).status).toBe(200);
    expect((await answeredCount()).cursor).toBe("wages_benefits.intensity");
    expect(botApi.messagesTo(hindiSpeaker.id)[sent]!.text).toMatch(devanagari);
  });

  it("ignores updates of kinds it does not handle, with 200 so Telegram does not retry", async () => {
    const before = await footprint();
    for (const body of [
      { update_id: 990_001, channel_post: { message_id: 1, date: 0, chat: { id: -100, type: "channel", title: "c" }, text: "3" } },
      { update_id: 990_002, inline_query: { id: "1", from: { id: 1, is_bot: false, first_name: "a" }, query: "x", offset: "" } },
      {
        update_id: 990_003,
        message: { message_id: 1, date: 0, chat: { id: -5, type: "group", title: "g" }, from: { id: 5, is_bot: false, first_name: "a" }, text: "3" },
      },
    ]) {
      expect((await product.deliver(body)).status).toBe(200);
    }
    const after = await footprint();
    expect(after.calls).toBe(before.calls);
    expect(after.eventCount).toBe(before.eventCount);
  });
});
