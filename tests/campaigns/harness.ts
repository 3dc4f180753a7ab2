/** The campaign sender as Node runs it, pointed at a local rate-limited stand-in for Telegram. */
import { createCampaignDelivery } from "../../bot/campaigns/delivery";
import { planCampaign, type CampaignRequest } from "../../bot/campaigns/planning";
import { telegramCampaignSender } from "../../bot/campaigns/telegram-sender";
import { createI18n } from "../../bot/i18n";
import { createLogger } from "../../bot/logger";
import type { Database } from "../../db/database";
import { campaignRepository } from "../../db/repositories/campaigns";

export async function startDelivery(options: {
  db: Database;
  botApiUrl: string;
  clock?: () => Date;
  ratePerSecond?: number;
  chatRatePerSecond?: number;
  idleDelayMs?: number;
}) {
  const delivery = createCampaignDelivery({
    db: options.db,
    send: telegramCampaignSender("123456:TEST-TOKEN", options.botApiUrl),
    i18n: await createI18n(),
    logger: createLogger("silent"),
    clock: options.clock ?? (() => new Date()),
    ratePerSecond: options.ratePerSecond ?? 30,
    chatRatePerSecond: options.chatRatePerSecond ?? 1,
    idleDelayMs: options.idleDelayMs ?? 50,
  });
  delivery.start();
  return delivery;
}

/** Plans a campaign as a moderator would, with no quiet hours unless the request sets some. */
export async function plan(db: Database, request: CampaignRequest, now = new Date()) {
  let counter = 0;
  const result = await planCampaign(db, request, {
    defaults: { quietHours: { from: "00:00", until: "00:00" }, remindAfterDays: 3, maxReminders: 0 },
    actor: "user:test",
    now,
    newId: () => `campaign-${request.clusterId}-${now.getTime()}-${counter++}`,
  });
  if (result.status !== "planned") throw new Error(`campaign not planned: ${result.status}`);
  return result;
}

/** Polls until `done` holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return done();
}

export async function progressOf(db: Database, campaignId: string, now = new Date()) {
  const progress = (await campaignRepository(db).progress([campaignId], now.toISOString())).get(campaignId);
  if (!progress) throw new Error(`no progress for ${campaignId}`);
  return progress;
}
