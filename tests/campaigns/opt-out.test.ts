import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CampaignDelivery } from "../../bot/campaigns/delivery";
import { respondentRepository } from "../../db/repositories/respondents";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, type Product } from "../helpers/product";
import { callbackQuery, textMessage, user } from "../helpers/telegram-updates";
import { seedCluster } from "./fixtures";
import { plan, progressOf, startDelivery, waitFor } from "./harness";

let botApi: FakeBotApi;
let product: Product;
let delivery: CampaignDelivery;
const person = user(880_001);

beforeAll(async () => {
  botApi = await startFakeBotApi();
  product = await startProduct({ botApi });
  await seedCluster(product.db, "optout", { name: "Firozabad Glass" });
  delivery = await startDelivery({ db: product.db, botApiUrl: botApi.url, ratePerSecond: 100 });
});

afterAll(async () => {
  await delivery.stop();
  await product.close();
  await botApi.close();
});

async function say(update: unknown) {
  const before = botApi.messagesTo(person.id).length;
  expect((await product.deliver(update)).status).toBe(200);
  return botApi.messagesTo(person.id).slice(before);
}

const respondent = async () => (await respondentRepository(product.db).byIdentity("telegram", String(person.id)))!.respondent;

async function runCampaign() {
  const { campaign } = await plan(product.db, { clusterId: "optout", purpose: "score_card" }, new Date());
  expect(await waitFor(async () => (await progressOf(product.db, campaign.id)).done, 5_000)).toBe(true);
  return progressOf(product.db, campaign.id);
}

describe("/stop and /start", () => {
  it("/stop opts out of invitations and reminders, which are then skipped; /start opts back in", async () => {
    await say(textMessage(person, "/start OPTOUT"));
    const stopped = await say(textMessage(person, "/stop"));
    expect(stopped.at(-1)?.text).toContain("no more invitations or reminders");
    expect((await respondent()).optedOutAt).not.toBeNull();

    const whileOut = await runCampaign();
    expect(whileOut.recipients).toBe(0);

    const restarted = await say(textMessage(person, "/start"));
    expect(restarted.at(-1)?.text).toContain("receive your cluster's invitations and reminders again");
    expect((await respondent()).optedOutAt).toBeNull();

    const before = botApi.messagesTo(person.id).length;
    const whileIn = await runCampaign();
    expect(whileIn.invitations.sent).toBe(1);
    const [invitation] = botApi.messagesTo(person.id).slice(before);
    expect(invitation?.text).toContain("Firozabad Glass");
  });

  it("skips a planned invitation for someone who opts out before it is sent", async () => {
    await delivery.stop();
    const { campaign } = await plan(product.db, { clusterId: "optout", purpose: "score_card" }, new Date());
    expect((await progressOf(product.db, campaign.id)).invitations.pending).toBe(1);
    await say(textMessage(person, "/stop"));
    const before = botApi.messagesTo(person.id).length;
    delivery.start();
    expect(await waitFor(async () => (await progressOf(product.db, campaign.id)).done, 5_000)).toBe(true);
    expect((await progressOf(product.db, campaign.id)).invitations).toMatchObject({ optedOut: 1, sent: 0 });
    expect(botApi.messagesTo(person.id).length).toBe(before);
    await say(textMessage(person, "/start"));
  });

  it("the invitation's button carries on where the person stopped", async () => {
    const [question] = (await say(textMessage(person, "/status"))).slice(-1);
    const continued = await say(callbackQuery(person, "campaign|score_card"));
    expect(continued.at(-1)?.text).toContain(question!.text.split("\n").at(-1));
    expect(continued.at(-1)?.reply_markup?.inline_keyboard).toEqual(question!.reply_markup?.inline_keyboard);
  });
});
