import englishMessages from "ra-language-english";
import { convertRaTranslationsToI18next, useI18nextProvider } from "ra-i18n-i18next";
import en from "../../../locales/en";
import hi from "../../../locales/hi";
import enConsole from "../../../locales/en/console.json";
import hiConsole from "../../../locales/hi/console.json";

type Messages = { [key: string]: string | Messages };

function merge(base: Messages, extra: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = typeof value === "object" && typeof current === "object" ? merge(current, value) : value;
  }
  return merged;
}

/**
 * The console speaks English and Hindi. Its own texts are the `console` namespace (react-admin's
 * messages underneath); the product's shared namespaces (`scoring`, `questionnaires`, …) name issues,
 * classes and profile questions exactly as the bots do. Missing Hindi texts fall back to English.
 */
const options = {
  resources: {
    en: { ...en, console: merge(convertRaTranslationsToI18next(englishMessages) as Messages, enConsole as Messages) },
    hi: { ...hi, console: hiConsole },
  },
  ns: ["console", ...Object.keys(en)],
  defaultNS: "console",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
};

const locales = [
  { locale: "en", name: "English" },
  { locale: "hi", name: "हिन्दी" },
];

export function useConsoleI18nProvider() {
  return useI18nextProvider({ options, availableLocales: locales });
}
