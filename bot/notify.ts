import type { Api } from "grammy";
import type { Database } from "../db/database";
import { clusterRepository } from "../db/repositories/clusters";
import { respondentRepository } from "../db/repositories/respondents";
import type { Channel, Respondent } from "../db/schema";
import { DEFAULT_LANGUAGE, isLanguageCode } from "../locales/languages";
import type { Reply } from "./conversation/reply";
import type { I18n, Translate } from "./i18n";
import type { Logger } from "./logger";
import { renderForTelegram } from "./telegram/render";

/** Sends one reply to a chat on one channel, already in the person's language. */
export type ChannelSender = (chatId: string, reply: Reply, translate: Translate) => Promise<void>;

export interface NotifierDeps {
  db: Database;
  i18n: I18n;
  logger: Logger;
  /** The channels that can deliver; a person reachable only elsewhere is not told. */
  channels: Partial<Record<Channel, ChannelSender>>;
}

export interface Notifier {
  /**
   * Tells a respondent something outside any update of theirs (a moderator's decision), through the
   * chat accounts they answered from, in their language. False when no account could be reached.
   */
  send(respondentId: string, replies: readonly Reply[]): Promise<boolean>;
}

/** Telegram delivery through grammY's `bot.api`, rendered exactly as replies to updates are. */
export function telegramSender(api: Api): ChannelSender {
  return async (chatId, reply, translate) => {
    const message = renderForTelegram(reply, translate);
    await api.sendMessage(chatId, message.text, message.reply_markup ? { reply_markup: message.reply_markup } : {});
  };
}

/**
 * Messages that do not answer anything the person sent. A person who asked to be forgotten or
 * opted out is not contacted; a failing channel is logged and the others are still tried.
 *
 * @example await createNotifier({ db, i18n, logger, channels: { telegram: telegramSender(bot.api) } }).send(id, [reply])
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const respondents = respondentRepository(deps.db);
  const clusters = clusterRepository(deps.db);

  /** The language the journey would answer in: the person's choice, else their cluster's. */
  async function languageOf(respondent: Respondent): Promise<string> {
    if (isLanguageCode(respondent.locale)) return respondent.locale;
    const cluster = respondent.clusterId ? await clusters.get(respondent.clusterId) : null;
    return isLanguageCode(cluster?.defaultLocale) ? cluster.defaultLocale : DEFAULT_LANGUAGE;
  }

  return {
    async send(respondentId, replies) {
      const respondent = await respondents.get(respondentId);
      if (!respondent || respondent.forgottenAt || respondent.optedOutAt) return false;
      const translate = deps.i18n.forLanguage(await languageOf(respondent));
      let delivered = false;
      for (const identity of await respondents.identities(respondentId)) {
        const send = deps.channels[identity.channel];
        if (!send || !identity.chatId) continue;
        try {
          for (const reply of replies) await send(identity.chatId, reply, translate);
          delivered = true;
        } catch (error) {
          deps.logger.warn({ err: error, respondentId, channel: identity.channel }, "could not notify a respondent");
        }
      }
      return delivered;
    },
  };
}
