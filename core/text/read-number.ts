import { toLatinDigits } from "./digits";
import { numberFromWord } from "./number-words";

/** Wrapping people put around a number: "(3)", "[4]", "“2”". */
const LEADING_NOISE = /^[\s([{"'“‘«<]+/u;
/** Trailing noise, including the Devanagari danda that ends a Hindi sentence: "4.", "3)", "5।". */
const TRAILING_NOISE = /[\s)\]}"'”’»>.,;:!?।॥]+$/u;
/** Digit grouping, Western ("1,200,000") or Indian ("12,00,000"), and the Arabic thousands sign. */
const GROUPING = /(\d)[,\u066C](?=\d{2,3}(?!\d))/gu;
const NUMBER = /^[-\u2212]?\d+(\.\d+)?$/u;

/**
 * Reads a number typed in chat, leniently: any Indian script's digits, digit grouping, an Arabic
 * decimal sign, stray spaces and punctuation around it, or a small number word. Returns null when
 * the text is not one number.
 *
 * @example readNumber("  ४ ") // 4
 * @example readNumber("(3)") // 3
 * @example readNumber("1,20,000") // 120000
 * @example readNumber("4 or 5") // null
 */
export function readNumber(text: string): number | null {
  const bare = toLatinDigits(text.normalize("NFC"))
    .replace(LEADING_NOISE, "")
    .replace(TRAILING_NOISE, "")
    .replace(/\u066B/gu, ".")
    .replace(GROUPING, "$1");
  if (NUMBER.test(bare)) return Number(bare.replace("\u2212", "-"));
  return numberFromWord(bare);
}
