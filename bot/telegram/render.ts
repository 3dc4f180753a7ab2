import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n";
import { renderText, type Reply } from "../conversation/reply";

/** Telegram refuses messages over 4096 characters. */
const MAX_MESSAGE_LENGTH = 4096;

export interface TelegramMessage {
  text: string;
  reply_markup?: InlineKeyboard;
}

/** Distinct parameterised texts remembered per language; a score card has a few hundred. */
const MAX_REMEMBERED = 2000;

/**
 * i18next's lookup and interpolation cost more than the rest of a reply. One key with the same
 * parameters always translates the same for one language, and the same texts come back on every
 * update (a question, its progress, its scale legend), so each is translated once and remembered.
 */
const rememberedTranslations = new WeakMap<Translate, Map<string, string>>();

function rememberingTranslate(translate: Translate) {
  let remembered = rememberedTranslations.get(translate);
  if (!remembered) rememberedTranslations.set(translate, (remembered = new Map()));
  const known = remembered;
  return (key: string, params?: Record<string, unknown>): string => {
    const cacheKey = params ? `${key}\u0000${JSON.stringify(params)}` : key;
    let translated = known.get(cacheKey);
    if (translated === undefined) {
      translated = translate(key, params ?? {}) as string;
      if (known.size >= MAX_REMEMBERED) known.delete(known.keys().next().value!);
      known.set(cacheKey, translated);
    }
    return translated;
  };
}

export function renderForTelegram(reply: Reply, translate: Translate): TelegramMessage {
  const tr = rememberingTranslate(translate);
  const text = reply.lines.map((line) => renderText(line, tr)).join("\n\n").slice(0, MAX_MESSAGE_LENGTH);
  if (!reply.buttons || reply.buttons.length === 0) return { text };
  const keyboard = InlineKeyboard.from(
    reply.buttons.map((row) => row.map((button) => InlineKeyboard.text(renderText(button.label, tr), button.action))),
  );
  return { text, reply_markup: keyboard };
}
