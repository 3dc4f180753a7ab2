import { App, type BlockAction, type ButtonAction, webApi } from "@slack/bolt";
import type { Hono } from "hono";
import { processedUpdateRepository } from "../../db/repositories/processed-updates";
import type { Block } from "./blocks";
import { slackRepositories, type SlackClient, type SlackDeps } from "./deps";
import { runCommand } from "./features/commands";
import { ANSWER_PREFIX, CONSENT_ACTION, answerTapped, answerTyped, recordConsent, type InterviewDeps } from "./features/interview";
import { MORE_ACTION, SAVE_ACTION, answerSchemes, decodeMore, mentionText, saveToPlan } from "./features/schemes";
import { boltLogger } from "./logger";
import { HonoReceiver } from "./receiver";

export interface SlackAppOptions extends InterviewDeps {
  signingSecret: string;
  token: string;
}

/**
 * The Web API client every Slack feature posts with. `apiUrl` points it elsewhere than
 * https://slack.com/api/ (tests use a local stand-in). Few retries: a reply minutes late is worse
 * than a logged failure, and a Worker cannot wait that long anyway.
 */
export function createSlackClient(options: { token: string; apiUrl?: string; logger: SlackDeps["logger"] }): SlackClient {
  return new webApi.WebClient(options.token, {
    logger: boltLogger(options.logger),
    retryConfig: { retries: 2, factor: 2, minTimeout: 500 },
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  });
}

/** The thread a message belongs to: its parent's ts, or its own when it starts one. */
const threadOf = (message: { ts: string; thread_ts?: unknown }) => (typeof message.thread_ts === "string" ? message.thread_ts : message.ts);

/**
 * The Slack channel for CDAs, on Bolt: `/samuh` (link, unlink, summary, interview), `/schemes`,
 * mentions asking for schemes, and the buttons these post. Bolt dispatches; the features translate
 * between Slack and the product's services and hold no questionnaire, scoring or search logic.
 * Every listener acknowledges first and then works, so Slack has its answer within 3 seconds.
 *
 * @example app.route("/slack/events", createSlackApp(options).routes)
 */
export function createSlackApp(options: SlackAppOptions): { routes: Hono; receiver: HonoReceiver } {
  const { logger } = options;
  const repos = slackRepositories(options.db);
  const receiver = new HonoReceiver({
    signingSecret: options.signingSecret,
    deliveries: processedUpdateRepository(options.db),
    logger,
    now: () => options.clock().getTime(),
  });
  const app = new App({
    receiver,
    // One workspace and its bot token; no auth.test round trip before each request.
    authorize: async () => ({ botToken: options.token }),
    logger: boltLogger(logger),
    // Conversation state lives in the database, not in one process's memory.
    convoStore: false,
  });
  app.error(async (error) => {
    logger.error({ err: error.original ?? error, code: error.code }, "Slack listener failed");
  });

  app.command("/samuh", async ({ ack, command }) => {
    await ack();
    await runCommand(options, repos, { channelId: command.channel_id, userId: command.user_id, text: command.text });
  });

  app.command("/schemes", async ({ ack, command }) => {
    await ack();
    await answerSchemes(options, repos, { channelId: command.channel_id, userId: command.user_id, words: command.text.trim(), offset: 0 });
  });

  app.event("app_mention", async ({ event }) => {
    if (!event.user) return;
    await answerSchemes(options, repos, {
      channelId: event.channel,
      userId: event.user,
      threadTs: threadOf(event),
      words: mentionText(event.text),
      offset: 0,
    });
  });

  app.message(async ({ message }) => {
    // Only people's own words in a thread; a message addressing someone (a mention) is not an answer.
    if (message.subtype !== undefined || message.bot_id || typeof message.thread_ts !== "string" || message.thread_ts === message.ts) return;
    if (!message.text || message.text.includes("<@")) return;
    await answerTyped(options, repos, { channelId: message.channel, userId: message.user, threadTs: message.thread_ts, ts: message.ts, text: message.text });
  });

  app.action<BlockAction<ButtonAction>>(MORE_ACTION, async ({ ack, body, action }) => {
    await ack();
    const more = decodeMore(action.value);
    if (!more || !body.channel || !body.message) return;
    await answerSchemes(options, repos, { channelId: body.channel.id, userId: body.user.id, threadTs: threadOf(body.message), ...more });
  });

  app.action<BlockAction<ButtonAction>>(SAVE_ACTION, async ({ ack, body, action }) => {
    await ack();
    if (!action.value || !body.channel || !body.message) return;
    await saveToPlan(options, repos, { channelId: body.channel.id, userId: body.user.id, threadTs: threadOf(body.message), schemeId: action.value });
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${CONSENT_ACTION}:`), async ({ ack, body, action }) => {
    await ack();
    if (!action.value || !body.channel || !body.message) return;
    await recordConsent(options, repos, { channelId: body.channel.id, userId: body.user.id, messageTs: body.message.ts, value: action.value });
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ANSWER_PREFIX}:`), async ({ ack, body, action }) => {
    await ack();
    if (!action.value || !body.channel || !body.message) return;
    await answerTapped(options, repos, {
      channelId: body.channel.id,
      userId: body.user.id,
      threadTs: threadOf(body.message),
      messageTs: body.message.ts,
      actionTs: action.action_ts,
      value: action.value,
      label: action.text.text,
      blocks: Array.isArray(body.message.blocks) ? (body.message.blocks as Block[]) : [],
    });
  });

  return { routes: receiver.routes(), receiver };
}
