import i18next, { type TFunction } from "i18next";
import { DEFAULT_LANGUAGE, NAMESPACES, resources } from "../locales";

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
  return {
    /** A translate function fixed to one language. */
    forLanguage(language: string): Translate {
      return instance.getFixedT(language);
    },
  };
}

export type I18n = Awaited<ReturnType<typeof createI18n>>;
