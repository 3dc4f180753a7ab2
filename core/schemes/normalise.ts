/**
 * Text normalisation shared by queries, keyword tables and text-match reasons, so that both sides of
 * every comparison went through the same steps.
 */

/** Longer input is cut here: no honest query is longer, and the cost of a query must stay bounded. */
export const MAX_QUERY_LENGTH = 500;

// Nukta signs (Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Kannada) and zero-width joiners: people
// type the same word with and without them.
const IGNORED_MARKS = /[\u093C\u09BC\u0A3C\u0ABC\u0B3C\u0CBC\u200C\u200D]/g;
// Latin accents (crèche → creche); Indian scripts keep their vowel signs, which are not in this block.
const LATIN_ACCENTS = /[\u0300-\u036f]/g;
// Arabic letters that Urdu writes with its own forms; keyboards produce either.
const ARABIC_VARIANTS: Record<string, string> = { "\u064A": "\u06CC", "\u0649": "\u06CC", "\u0643": "\u06A9", "\u0647": "\u06C1" };
const ARABIC_VARIANT = /[\u064A\u0649\u0643\u0647]/g;
const WORD_SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;

/** Folds case, accents, nuktas and script variants. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(LATIN_ACCENTS, "")
    .normalize("NFC")
    .replace(IGNORED_MARKS, "")
    .replace(ARABIC_VARIANT, (letter) => ARABIC_VARIANTS[letter] ?? letter)
    .toLowerCase();
}

/**
 * Splits normalised text into words: runs of letters, combining marks and digits. Everything else,
 * including every character with a meaning in FTS5 syntax (`" * ^ : ( ) + -`), separates words.
 */
export function words(text: string): string[] {
  return normaliseText(text).split(WORD_SEPARATORS).filter((word) => word.length > 0);
}
