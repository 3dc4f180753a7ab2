import { LANGUAGES as LANGUAGE_CODES, type Language } from "../core/questionnaires/registration";

/**
 * How each language the registration offers is shown: its own name in its own script, and its
 * direction. The codes and their order come from the registration questionnaire, so the two cannot
 * drift apart; a language added there fails to compile here until it has a name.
 */
const PRESENTATION: Record<Language, { nativeName: string; dir: "ltr" | "rtl" }> = {
  en: { nativeName: "English", dir: "ltr" },
  hi: { nativeName: "हिन्दी", dir: "ltr" },
  or: { nativeName: "ଓଡ଼ିଆ", dir: "ltr" },
  te: { nativeName: "తెలుగు", dir: "ltr" },
  ta: { nativeName: "தமிழ்", dir: "ltr" },
  mr: { nativeName: "मराठी", dir: "ltr" },
  gu: { nativeName: "ગુજરાતી", dir: "ltr" },
  pa: { nativeName: "ਪੰਜਾਬੀ", dir: "ltr" },
  ml: { nativeName: "മലയാളം", dir: "ltr" },
  kn: { nativeName: "ಕನ್ನಡ", dir: "ltr" },
  bn: { nativeName: "বাংলা", dir: "ltr" },
  ur: { nativeName: "اردو", dir: "rtl" },
};

/** The languages Samuh speaks, in the order the language picker shows them. */
export const LANGUAGES = LANGUAGE_CODES.map((code) => ({ code, ...PRESENTATION[code] }));

export type LanguageCode = Language;

export const DEFAULT_LANGUAGE: LanguageCode = "en";

const codes: ReadonlySet<string> = new Set(LANGUAGES.map((language) => language.code));

export function isLanguageCode(value: string | null | undefined): value is LanguageCode {
  return value != null && codes.has(value);
}

/** Telegram sends IETF tags such as "hi-IN"; the first subtag is what we match. */
export function languageFromTag(tag: string | null | undefined): LanguageCode | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return isLanguageCode(primary) ? primary : undefined;
}
