import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterRepository } from "../../db/repositories/clusters";
import { clusters, processedUpdates, respondents } from "../../db/schema";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, type Product } from "../helpers/product";
import {
  appMention,
  sendToSlackRoute,
  slashCommand,
  startFakeSlackApi,
  textOf,
  urlVerification,
  type Delivery,
  type FakeSlackApi,
  type SendOptions,
} from "../helpers/slack";

let botApi: FakeBotApi;
let slackApi: FakeSlackApi;
let product: Product;

const CDA = "U0CDA0001";
const OTHER_CDA = "U0CDA0002";
const CHANNEL = "C0SAMALKHA";

beforeAll(async () => {
  botApi = await startFakeBotApi();
  slackApi = await startFakeSlackApi();
  product = await startProduct({ botApi, slackApi });
  const now = new Date().toISOString();
  const repo = clusterRepository(product.db);
  await repo.create({ id: "samalkha", name: "Samalkha foundry cluster", inviteCode: "SAMALKHA", now });
  await repo.create({ id: "moradabad", name: "Moradabad brassware cluster", inviteCode: "BRASS", now });
});

afterAll(async () => {
  await product.close();
  await slackApi.close();
  await botApi.close();
});

/** Sends a delivery and waits until the work it set off is done. */
async function send(delivery: Delivery, options?: SendOptions) {
  const response = await sendToSlackRoute(product.url, delivery, options);
  await product.services.slack?.receiver.drain();
  return response;
}

const stored = async () => ({
  respondents: (await product.db.select().from(respondents)).length,
  deliveries: (await product.db.select().from(processedUpdates)).length,
  links: (await product.db.select().from(clusters)).map((row) => row.slackChannelId),
});

describe("Slack: who may post to /slack/events", () => {
  it("answers Slack's URL verification with its challenge", async () => {
    const response = await send(urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("refuses a missing or wrong signature with 401, writes nothing and calls nothing", async () => {
    const before = await stored();
    const callsBefore = slackApi.calls.length;
    const link = slashCommand("/samuh", "link SAMALKHA", { channel: CHANNEL, user: CDA });
    expect((await send(link, { secret: null })).status).toBe(401);
    expect((await send(link, { secret: "not-the-secret" })).status).toBe(401);
    expect((await send(appMention({ channel: CHANNEL, user: CDA, ts: "1767000000.000001" }, "child labour"), { secret: "not-the-secret" })).status).toBe(401);
    expect((await send(urlVerification("abc"), { secret: null })).status).toBe(401);
    expect(await stored()).toEqual(before);
    expect(slackApi.calls.length).toBe(callsBefore);
  });

  it("refuses a signature older than five minutes, and one from the future", async () => {
    const before = await stored();
    const link = slashCommand("/samuh", "link SAMALKHA", { channel: CHANNEL, user: CDA });
    const now = Math.floor(Date.now() / 1000);
    expect((await send(link, { timestamp: now - 6 * 60 })).status).toBe(401);
    expect((await send(link, { timestamp: now + 6 * 60 })).status).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it("refuses a body that is not a Slack payload", async () => {
    expect((await send({ body: "[1,2]", contentType: "application/json" })).status).toBe(400);
    expect((await send({ body: "payload=%7Bnot-json", contentType: "application/x-www-form-urlencoded" })).status).toBe(400);
  });

  it("processes an event once when Slack delivers it again", async () => {
    const mention = appMention({ channel: "C0UNLINKED", user: CDA, ts: "1767000000.000500" }, "child labour");
    expect((await send(mention)).status).toBe(200);
    const answers = () => slackApi.callsOf("chat.postMessage", "C0UNLINKED");
    expect(answers()).toHaveLength(1);
    expect((await send(mention, { retryNum: 1 })).status).toBe(200);
    expect((await send(mention, { retryNum: 2 })).status).toBe(200);
    expect(answers()).toHaveLength(1);
    const claimed = await product.db.select().from(processedUpdates).where(eq(processedUpdates.source, "slack-events"));
    expect(claimed).toHaveLength(1);
  });
});

describe("Slack: a channel follows a cluster", () => {
  const ephemeral = (user: string) => slackApi.callsOf("chat.postEphemeral", CHANNEL).filter((call) => call.args.user === user).at(-1);

  it("acknowledges the command at once and links the channel by invite code, in any letter case", async () => {
    const response = await send(slashCommand("/samuh", "link samalkha", { channel: CHANNEL, user: CDA }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect((await clusterRepository(product.db).bySlackChannel(CHANNEL))?.id).toBe("samalkha");
    const announced = slackApi.callsOf("chat.postMessage", CHANNEL).at(-1);
    expect(textOf(announced?.args.blocks)).toContain("This channel now follows *Samalkha foundry cluster*");
  });

  it("tells the person privately when the code is unknown or missing", async () => {
    await send(slashCommand("/samuh", "link NOSUCH", { channel: "C0OTHER", user: OTHER_CDA }));
    const unknown = slackApi.callsOf("chat.postEphemeral", "C0OTHER").at(-1);
    expect(unknown?.args.user).toBe(OTHER_CDA);
    expect(textOf(unknown?.args.blocks)).toContain("No cluster has the invite code “NOSUCH”");
    await send(slashCommand("/samuh", "link", { channel: "C0OTHER", user: OTHER_CDA }));
    expect(textOf(slackApi.callsOf("chat.postEphemeral", "C0OTHER").at(-1)?.args.blocks)).toContain("Add the cluster's invite code");
    expect(await clusterRepository(product.db).bySlackChannel("C0OTHER")).toBeNull();
  });

  it("refuses to link a channel that follows another cluster", async () => {
    await send(slashCommand("/samuh", "link BRASS", { channel: CHANNEL, user: OTHER_CDA }));
    expect(textOf(ephemeral(OTHER_CDA)?.args.blocks)).toContain("This channel follows *Samalkha foundry cluster*");
    expect((await clusterRepository(product.db).bySlackChannel(CHANNEL))?.id).toBe("samalkha");
    expect((await clusterRepository(product.db).get("moradabad"))?.slackChannelId).toBeNull();
  });

  it("unlinks, after which the channel can follow another cluster", async () => {
    await send(slashCommand("/samuh", "unlink", { channel: CHANNEL, user: CDA }));
    expect(textOf(slackApi.callsOf("chat.postMessage", CHANNEL).at(-1)?.args.blocks)).toContain("no longer follows *Samalkha foundry cluster*");
    expect(await clusterRepository(product.db).bySlackChannel(CHANNEL)).toBeNull();
    await send(slashCommand("/samuh", "unlink", { channel: CHANNEL, user: CDA }));
    expect(textOf(ephemeral(CDA)?.args.blocks)).toContain("does not follow a cluster yet");
    await send(slashCommand("/samuh", "link BRASS", { channel: CHANNEL, user: CDA }));
    expect((await clusterRepository(product.db).bySlackChannel(CHANNEL))?.id).toBe("moradabad");
  });

  it("acknowledges before its work is done, so a slow Slack cannot make it miss the 3 seconds", async () => {
    slackApi.slowDown(4000);
    try {
      const started = performance.now();
      const response = await sendToSlackRoute(product.url, slashCommand("/samuh", "summary", { channel: CHANNEL, user: CDA }));
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      await product.services.slack?.receiver.drain();
      expect(performance.now() - started).toBeGreaterThan(4000);
      expect(textOf(slackApi.callsOf("chat.postMessage", CHANNEL).at(-1)?.args.blocks)).toContain("No score yet");
    } finally {
      slackApi.slowDown(0);
    }
  });

  it("lists the subcommands privately for anything else", async () => {
    await send(slashCommand("/samuh", "", { channel: CHANNEL, user: CDA }));
    expect(textOf(ephemeral(CDA)?.args.blocks)).toContain("/samuh link INVITE-CODE");
  });
});
