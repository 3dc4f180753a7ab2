import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n";
import { renderText, type Reply } from "../conversation/reply";

/** Telegram refuses messages over 4096 characters. */
const MAX_MESSAGE_LENGTH = 4096;

export interface TelegramMessage {
  text: string;
  reply_markup?: InlineKeyboard;
}

export function renderForTelegram(reply: Reply, translate: Translate): TelegramMessage {
  const tr = (key: string, params?: Record<string, unknown>) => translate(key, params ?? {}) as string;
  const text = reply.lines.map((line) => renderText(line, tr)).join("\n\n").slice(0, MAX_MESSAGE_LENGTH);
  if (!reply.buttons || reply.buttons.length === 0) return { text };
  const keyboard = InlineKeyboard.from(
    reply.buttons.map((row) => row.map((button) => InlineKeyboard.text(renderText(button.label, tr), button.action))),
  );
  return { text, reply_markup: keyboard };
}
