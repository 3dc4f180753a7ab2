import i18next, { type TFunction } from "i18next";
import { DEFAULT_LANGUAGE, isLanguageCode, NAMESPACES, resources } from "../locales";

export type Translate = TFunction;

/**
 * One i18next instance for every channel. A missing key falls back to English, and a key missing in
 * English too is reported by the locale check in the test suite rather than shown to a user.
 */
export async function createI18n() {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    ns: NAMESPACES,
    defaultNS: "bot",
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  // One per supported language, made on first use: every reply asks, and the same function lets
  // renderers remember its translations (see bot/telegram/render.ts).
  const fixed = new Map<string, Translate>();
  return {
    /** A translate function fixed to one language. */
    forLanguage(language: string): Translate {
      if (!isLanguageCode(language)) return instance.getFixedT(language);
      let translate = fixed.get(language);
      if (!translate) fixed.set(language, (translate = instance.getFixedT(language)));
      return translate;
    },
  };
}

export type I18n = Awaited<ReturnType<typeof createI18n>>;
