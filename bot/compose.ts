import type { Hono } from "hono";
import type { UserFromGetMe } from "grammy/types";
import { createEngine } from "../core/engine";
import { defaultCatalogue } from "../core/questionnaires";
import type { ResponseSet } from "../core/scoring";
import type { Database } from "../db/database";
import { recomputeClusterScore, scoreCompletedCard } from "../db/repositories/scores";
import { scoringSchemeRepository } from "../db/repositories/scoring-schemes";
import { createApiRoutes } from "../admin/api";
import { createApp } from "./app";
import { createCampaignDelivery } from "./campaigns/delivery";
import { DEFAULT_REMINDERS } from "./campaigns/planning";
import { telegramCampaignSender } from "./campaigns/telegram-sender";
import { telegramMode, type Config } from "./config";
import { tellDeclarant } from "./conversation/declaration";
import { createJourney } from "./conversation/journey";
import { keepHouseLogged } from "./housekeeping";
import { createI18n } from "./i18n";
import type { Logger } from "./logger";
import { createNotifier, telegramSender } from "./notify";
import { createSlack } from "./slack";
import { createTelegramBot } from "./telegram/bot";

export interface ServiceOptions {
  db: Database;
  config: Config;
  logger: Logger;
  clock?: () => Date;
  newId?: () => string;
  telegramBotInfo?: UserFromGetMe;
  /** Slack's Web API base URL instead of https://slack.com/api/; tests point it at a local stand-in. */
  slackApiUrl?: string;
  /** The console's pages, mounted at /admin: files on disk on Node, static assets on Workers. */
  console?: { pages?: Hono };
}

/**
 * Wires the product together once, for every entry point (Node, Workers, tests): the engine, the
 * journey, the channels and the HTTP app. Dependencies go in explicitly; nothing here reads globals.
 */
export async function createServices(options: ServiceOptions) {
  const { db, config, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const i18n = await createI18n();
  const engine = createEngine(defaultCatalogue);
  const schemes = scoringSchemeRepository(db);

  /** Recomputes a cluster's cached score; after a completed score card, by adding that card alone. */
  const rescore = async (clusterId: string, now: string, completed?: ResponseSet) => {
    const scheme = await schemes.active();
    const score = completed
      ? await scoreCompletedCard(db, clusterId, completed, scheme, now)
      : await recomputeClusterScore(db, clusterId, scheme, now);
    return { score, scheme };
  };

  // Slack runs when both its signing secret and its bot token are set.
  const slack =
    config.SLACK_SIGNING_SECRET && config.SLACK_BOT_TOKEN
      ? createSlack({
          signingSecret: config.SLACK_SIGNING_SECRET,
          token: config.SLACK_BOT_TOKEN,
          db,
          i18n,
          logger,
          clock,
          ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
          ...(options.slackApiUrl ? { apiUrl: options.slackApiUrl } : {}),
        })
      : undefined;

  const journey = createJourney({ db, engine, clock, newId, logger, rescore, ...(slack ? { onCompleted: slack.reportCompletion } : {}) });
  const slackApp = slack?.start(journey);

  const mode = telegramMode(config);
  const telegramBot =
    mode.kind === "off"
      ? undefined
      : createTelegramBot({
          token: mode.token,
          apiRoot: mode.apiRoot,
          journey,
          i18n,
          logger,
          ...(options.telegramBotInfo ? { botInfo: options.telegramBotInfo } : {}),
        });

  // Node runs it as a loop (bot/node.ts); a Worker runs one bounded pass a minute from its Cron Trigger.
  const campaignDelivery =
    mode.kind === "off"
      ? undefined
      : createCampaignDelivery({
          db,
          i18n,
          logger,
          clock,
          send: telegramCampaignSender(mode.token, mode.apiRoot),
          ratePerSecond: config.TELEGRAM_RATE_PER_SECOND,
          chatRatePerSecond: config.TELEGRAM_CHAT_RATE_PER_SECOND,
        });
  const campaigns = { delivery: campaignDelivery, defaults: { quietHours: config.CAMPAIGN_QUIET_HOURS, ...DEFAULT_REMINDERS } };

  const notifier = createNotifier({ db, i18n, logger, channels: telegramBot ? { telegram: telegramSender(telegramBot.api) } : {} });

  const api = createApiRoutes({
    db,
    clock,
    newId,
    logger,
    rescore,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    // Known once grammY has asked Telegram who the bot is; invite links appear from then on.
    get telegramBotUsername() {
      return telegramBot?.isInited() ? telegramBot.botInfo.username : undefined;
    },
    onDeclarationReviewed: tellDeclarant(notifier),
    campaigns: { defaults: campaigns.defaults, ...(campaignDelivery ? { wake: () => campaignDelivery.wake() } : {}) },
  });

  const app = createApp({
    db,
    logger,
    ...(telegramBot && mode.kind === "webhook" ? { telegram: { bot: telegramBot, secret: mode.secret } } : {}),
    ...(slackApp ? { slack: slackApp.routes } : {}),
    api,
    ...(options.console?.pages ? { console: options.console.pages } : {}),
  });

  /** One tidying pass (see housekeeping.ts): the Node process runs it hourly, a Worker on every cron pass. */
  const housekeeping = () => keepHouseLogged(db, clock(), logger);

  return {
    app,
    journey,
    engine,
    i18n,
    rescore,
    notifier,
    campaigns,
    housekeeping,
    telegram: telegramBot ? { bot: telegramBot, mode } : undefined,
    slack: slackApp,
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
