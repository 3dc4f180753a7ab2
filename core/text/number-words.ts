/**
 * Small numbers written as words. Ratings run 0–5 and people who rarely type digits write
 * "teen" or "तीन" instead; reading those saves them an "I didn't understand" round trip.
 * Only English and Hindi (Devanagari and the usual Latin spellings) are covered: these are the
 * two languages the product ships texts for.
 */
const WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5,
  six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  "शून्य": 0, "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पाँच": 5, "पांच": 5, "छह": 6, "छः": 6,
  "सात": 7, "आठ": 8, "नौ": 9, "दस": 10,
  shunya: 0, ek: 1, do: 2, teen: 3, tin: 3, char: 4, chaar: 4, panch: 5, paanch: 5, chhah: 6,
  chhe: 6, saat: 7, aath: 8, nau: 9, das: 10,
};

/** The number a single word names, or null. Case and surrounding spaces are ignored. */
export function numberFromWord(word: string): number | null {
  return WORDS[word.trim().toLowerCase()] ?? null;
}
