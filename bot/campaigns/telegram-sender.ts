import { Api, GrammyError, HttpError } from "grammy";
import type { TelegramMessage } from "../telegram/render";

/**
 * What became of one send, as far as the queue needs to know: whether Telegram has the message,
 * certainly does not, or might.
 */
export type SendOutcome =
  | { status: "sent"; messageId: string }
  /** 429: Telegram took nothing and asks every sender of this bot to wait. */
  | { status: "rate_limited"; retryAfterSeconds: number }
  /** The request never reached Telegram (no connection); safe to send again later. */
  | { status: "not_sent"; error: string }
  /** Telegram refused this message for good: the person blocked the bot, the chat is gone. */
  | { status: "rejected"; error: string }
  /** The request may have reached Telegram and the answer was lost; sending again could repeat it. */
  | { status: "unknown"; error: string };

export type CampaignSender = (chatId: string, message: TelegramMessage) => Promise<SendOutcome>;

/** Connection errors that happen before a request is written, so Telegram cannot have seen it. */
const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/** How long one send may take before its outcome counts as unknown. */
export const SEND_TIMEOUT_SECONDS = 30;

/**
 * Sends campaign messages through a grammY `Api` of their own. The bot's `api` retries by itself
 * (auto-retry), which suits replies but not a queue that must send each message at most once: a
 * retry after a lost answer sends it twice. Here every outcome goes back to the queue, which
 * decides.
 */
export function telegramCampaignSender(token: string, apiRoot: string): CampaignSender {
  const api = new Api(token, { apiRoot, timeoutSeconds: SEND_TIMEOUT_SECONDS });
  return async (chatId, message) => {
    try {
      const sent = await api.sendMessage(chatId, message.text, message.reply_markup ? { reply_markup: message.reply_markup } : {});
      return { status: "sent", messageId: String(sent.message_id) };
    } catch (error) {
      return outcomeOf(error);
    }
  };
}

function outcomeOf(error: unknown): SendOutcome {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return { status: "rate_limited", retryAfterSeconds: error.parameters.retry_after ?? 1 };
    // Telegram answered, so it decided: a 4xx is a refusal; a 5xx may have come after the message was stored.
    if (error.error_code < 500) return { status: "rejected", error: `${error.error_code} ${error.description}` };
    return { status: "unknown", error: `${error.error_code} ${error.description}` };
  }
  if (error instanceof HttpError) {
    const code = (error.error as { code?: unknown } | undefined)?.code;
    if (typeof code === "string" && NEVER_CONNECTED.has(code)) return { status: "not_sent", error: code };
    return { status: "unknown", error: error.message };
  }
  return { status: "unknown", error: error instanceof Error ? error.message : String(error) };
}
