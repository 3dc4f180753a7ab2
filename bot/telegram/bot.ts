import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import { CAMPAIGN_CALLBACK, campaignPurposeOf } from "../campaigns/messages";
import { decodeAction } from "../conversation/actions";
import type { Journey } from "../conversation/journey";
import type { Actor, Command, Trigger } from "../conversation/trigger";
import { renderForTelegram } from "./render";

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  /** Known bot identity; skips the getMe call at start (tests, Workers). */
  botInfo?: UserFromGetMe;
  journey: Journey;
  i18n: I18n;
  logger: Logger;
}

const COMMANDS: readonly Command[] = ["back", "skip", "status", "restart", "language", "help", "privacy", "declare", "stop", "forget"];

/**
 * The Telegram channel: reads updates into triggers for the journey and sends its replies back.
 * It holds no questionnaire or scoring logic of its own.
 */
export function createTelegramBot(options: TelegramBotOptions): Bot {
  const { journey, i18n } = options;
  const bot = new Bot(options.token, {
    client: {
      apiRoot: options.apiRoot,
      // Stopping a button's spinner needs no answer from Telegram, so on a webhook it rides back on the
      // update's own response instead of costing a request of its own (polling has no such response).
      canUseWebhookReply: (method) => method === "answerCallbackQuery",
    },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Flaky networks and Telegram's own 429s: retry outgoing calls rather than drop a reply.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 4, maxDelaySeconds: 30 }));

  // One chat's updates never race: an answer and the next tap are handled in order.
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));

  const respond = async (ctx: Context, trigger: Trigger) => {
    const actor = actorOf(ctx);
    if (!actor) return;
    const result = await journey.handle({
      actor,
      updateKey: { source: "telegram", key: String(ctx.update.update_id) },
      trigger,
    });
    const translate = i18n.forLanguage(result.language);
    for (const reply of result.replies) {
      const message = renderForTelegram(reply, translate);
      await ctx.api.sendMessage(actor.chatId, message.text, message.reply_markup ? { reply_markup: message.reply_markup } : {});
    }
  };

  const privateChats = bot.chatType("private");
  privateChats.command("start", (ctx) => respond(ctx, { type: "start", payload: ctx.match.trim() || undefined }));
  privateChats.command("schemes", (ctx) => respond(ctx, { type: "schemes", words: ctx.match }));
  for (const command of COMMANDS) {
    privateChats.command(command, (ctx) => respond(ctx, { type: "command", command }));
  }
  // An invitation's or reminder's button: the score card goes on where it stopped, a declaration opens.
  privateChats.callbackQuery(CAMPAIGN_CALLBACK, async (ctx) => {
    const purpose = campaignPurposeOf(ctx.callbackQuery.data);
    await respond(ctx, purpose === "declaration" ? { type: "command", command: "declare" } : { type: "resume" });
    await ctx.answerCallbackQuery().catch((error: unknown) => options.logger.warn({ err: error }, "answerCallbackQuery failed"));
  });
  privateChats.on("callback_query:data", async (ctx) => {
    const action = decodeAction(ctx.callbackQuery.data);
    await respond(ctx, action ? { type: "action", action } : { type: "unknown_action" });
    // Stops the spinner on the tapped button; failing to do so must not fail the update.
    await ctx.answerCallbackQuery().catch((error: unknown) => options.logger.warn({ err: error }, "answerCallbackQuery failed"));
  });
  privateChats.on("message:text", (ctx) => respond(ctx, { type: "text", text: ctx.message.text }));
  privateChats.on("edited_message", (ctx) => respond(ctx, { type: "edited" }));
  privateChats.on("message", (ctx) => respond(ctx, { type: "unsupported" }));
  return bot;
}

function actorOf(ctx: Context): Actor | undefined {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat) return undefined;
  return {
    channel: "telegram",
    externalId: String(from.id),
    chatId: String(chat.id),
    ...(from.username ? { username: from.username } : {}),
    ...(from.language_code ? { languageHint: from.language_code } : {}),
  };
}

export { COMMANDS as TELEGRAM_COMMANDS };
