import type { Bot } from "grammy";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import { LANGUAGES } from "../../locales/languages";
import { TELEGRAM_COMMANDS } from "./bot";

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

/** The command menu in every language, so a Hindi-speaking user's menu reads in Hindi. */
export async function publishCommands(bot: Bot, i18n: I18n, logger: Logger): Promise<void> {
  const commands = ["start", ...TELEGRAM_COMMANDS, "schemes"] as const;
  for (const language of LANGUAGES) {
    const translate = i18n.forLanguage(language.code);
    const list = commands.map((command) => ({ command, description: translate(`bot:commands.${command}`) as string }));
    try {
      await bot.api.setMyCommands(list, language.code === "en" ? {} : { language_code: language.code });
    } catch (error) {
      // A missing menu is cosmetic; the bot works without it.
      logger.warn({ err: error, language: language.code }, "could not publish the command menu");
    }
  }
}
