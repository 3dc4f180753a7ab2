/** The languages Samuh speaks, in the order the language picker shows them. */
export const LANGUAGES = [
  { code: "en", nativeName: "English", dir: "ltr" },
  { code: "hi", nativeName: "हिन्दी", dir: "ltr" },
  { code: "or", nativeName: "ଓଡ଼ିଆ", dir: "ltr" },
  { code: "te", nativeName: "తెలుగు", dir: "ltr" },
  { code: "ta", nativeName: "தமிழ்", dir: "ltr" },
  { code: "mr", nativeName: "मराठी", dir: "ltr" },
  { code: "gu", nativeName: "ગુજરાતી", dir: "ltr" },
  { code: "pa", nativeName: "ਪੰਜਾਬੀ", dir: "ltr" },
  { code: "ml", nativeName: "മലയാളം", dir: "ltr" },
  { code: "kn", nativeName: "ಕನ್ನಡ", dir: "ltr" },
  { code: "bn", nativeName: "বাংলা", dir: "ltr" },
  { code: "ur", nativeName: "اردو", dir: "rtl" },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]["code"];

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
