import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n";
import { renderText, type Reply } from "../conversation/reply";

/** Telegram refuses messages over 4096 characters. */
const MAX_MESSAGE_LENGTH = 4096;

export interface TelegramMessage {
  text: string;
  reply_markup?: InlineKeyboard;
}

/**
 * A key without parameters always translates the same for one language, and most lines and every
 * button label are such keys: each is looked up in i18next once, not on every reply.
 */
const plainTranslations = new WeakMap<Translate, Map<string, string>>();

export function renderForTelegram(reply: Reply, translate: Translate): TelegramMessage {
  let plain = plainTranslations.get(translate);
  if (!plain) plainTranslations.set(translate, (plain = new Map()));
  const known = plain;
  const tr = (key: string, params?: Record<string, unknown>): string => {
    if (params) return translate(key, params) as string;
    let translated = known.get(key);
    if (translated === undefined) known.set(key, (translated = translate(key, {}) as string));
    return translated;
  };
  const text = reply.lines.map((line) => renderText(line, tr)).join("\n\n").slice(0, MAX_MESSAGE_LENGTH);
  if (!reply.buttons || reply.buttons.length === 0) return { text };
  const keyboard = InlineKeyboard.from(
    reply.buttons.map((row) => row.map((button) => InlineKeyboard.text(renderText(button.label, tr), button.action))),
  );
  return { text, reply_markup: keyboard };
}
