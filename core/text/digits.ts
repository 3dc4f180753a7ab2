/**
 * Decimal digits people type in India. Phones offer the digits of the script they write in, so
 * "४" (Devanagari), "৪" (Bengali) and "۴" (Urdu's Extended Arabic-Indic) all mean 4.
 * Each entry is the code point of that script's zero; the other nine follow it.
 */
const SCRIPT_ZEROS: readonly number[] = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Urdu)
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0a66, // Gurmukhi
  0x0ae6, // Gujarati
  0x0b66, // Odia
  0x0be6, // Tamil
  0x0c66, // Telugu
  0x0ce6, // Kannada
  0x0d66, // Malayalam
];

const DIGIT_VALUES: ReadonlyMap<string, string> = new Map(
  SCRIPT_ZEROS.flatMap((zero) =>
    Array.from({ length: 10 }, (_, n) => [String.fromCodePoint(zero + n), String(n)] as const),
  ),
);

/**
 * Replaces every Indic or Arabic-Indic digit with its Latin digit and leaves everything else as is.
 *
 * @example toLatinDigits("४२ लोग") // "42 लोग"
 */
export function toLatinDigits(text: string): string {
  let out = "";
  for (const char of text) out += DIGIT_VALUES.get(char) ?? char;
  return out;
}
