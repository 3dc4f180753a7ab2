import type { ConceptId } from "./concepts";
import { CONCEPT_IDS } from "./concepts";
import { KEYWORDS } from "./keywords";
import type { KeywordLanguage } from "./keywords";
import { MAX_QUERY_LENGTH, words } from "./normalise";

/** At most this many of the user's own words go into the full-text query. */
const MAX_TERMS = 16;
/** At most this many items (words, phrases, synonyms) make up one full-text query, which bounds its cost. */
export const MAX_MATCH_ITEMS = 64;

/**
 * Words that carry no meaning for a search: English and Hindi function words, the FTS5 operator
 * words (harmless once quoted, but never what someone looks for) and "scheme", which nearly every
 * name contains.
 */
const STOPWORDS = new Set([
  "a", "an", "and", "or", "not", "near", "the", "of", "for", "in", "on", "to", "with", "by", "at", "from",
  "is", "are", "any", "all", "about", "me", "my", "our", "we", "i", "scheme", "schemes", "yojana",
  "के", "की", "का", "में", "और", "लिए", "से", "है", "हैं", "को", "पर", "योजना", "योजनाएं",
]);

/** A keyword phrase ready to match: its concept, language and normalised words. */
interface Phrase {
  concept: ConceptId;
  language: KeywordLanguage;
  words: string[];
  length: number;
}

/** Every keyword phrase, by the first letter of its first word: a word can only match phrases filed under its own first letter. */
const PHRASES_BY_INITIAL = new Map<string, Phrase[]>();
for (const language of Object.keys(KEYWORDS) as KeywordLanguage[]) {
  for (const concept of CONCEPT_IDS) {
    for (const text of KEYWORDS[language][concept] ?? []) {
      const phraseWords = words(text);
      const initial = phraseWords[0]?.[0];
      if (initial === undefined) continue;
      const phrase = { concept, language, words: phraseWords, length: phraseWords.join(" ").length };
      PHRASES_BY_INITIAL.set(initial, [...(PHRASES_BY_INITIAL.get(initial) ?? []), phrase]);
    }
  }
}

/**
 * In Indian scripts a keyword also matches the inflected forms that extend it (महिला → महिलाओं), once
 * it is long enough not to be a mere syllable. Latin keywords match whole words only, so that "power"
 * does not claim "powerloom".
 */
const MIN_PREFIX_LENGTH = 4;
function wordMatches(keyword: string, word: string): "exact" | "prefix" | null {
  if (word === keyword) return "exact";
  if (keyword.length >= MIN_PREFIX_LENGTH && /[^\u0000-\u024f]/.test(keyword) && word.startsWith(keyword)) return "prefix";
  return null;
}

interface PhraseMatch {
  phrase: Phrase;
  exact: boolean;
}

function matchAt(queryWords: readonly string[], start: number, phrase: Phrase): PhraseMatch | null {
  if (start + phrase.words.length > queryWords.length) return null;
  let exact = true;
  for (let offset = 0; offset < phrase.words.length; offset++) {
    const kind = wordMatches(phrase.words[offset] ?? "", queryWords[start + offset] ?? "");
    if (kind === null) return null;
    if (kind === "prefix") exact = false;
  }
  return { phrase, exact };
}

/**
 * Orders competing matches at one position: more words first, then exact over prefix matches, then
 * the asker's language, then the longer phrase.
 */
function better(a: PhraseMatch, b: PhraseMatch, language: string): boolean {
  if (a.phrase.words.length !== b.phrase.words.length) return a.phrase.words.length > b.phrase.words.length;
  if (a.exact !== b.exact) return a.exact;
  const aLocal = a.phrase.language === language;
  if (aLocal !== (b.phrase.language === language)) return aLocal;
  return a.phrase.length > b.phrase.length;
}

/** What a query asks for, read from free text. */
export interface AnalysedQuery {
  /** The user's own words that are not part of a recognised phrase, without stop words. */
  terms: string[];
  /** Concepts recognised in any language, in the order they appear. */
  concepts: ConceptId[];
  /** What the full text is searched for: the terms, the recognised phrases as typed, and the English synonyms of each concept. */
  items: string[];
  /**
   * The FTS5 MATCH expression, or null when nothing is left to search for. Every item is a quoted
   * string of letters, marks and digits only, joined by OR, so no user input can become syntax.
   */
  match: string | null;
}

/**
 * Reads free text in any supported language: recognises concept phrases (longest first), keeps the
 * remaining words as terms, and builds a safe full-text expression that also searches each
 * concept's English synonyms, since the catalogue's texts are English.
 *
 * @example
 * analyseQuery("बाल श्रम", "hi").concepts // ["child_labour"]
 */
export function analyseQuery(text: string, language: string): AnalysedQuery {
  const queryWords = words(text.slice(0, MAX_QUERY_LENGTH));
  const concepts: ConceptId[] = [];
  const phrases: string[] = [];
  const terms: string[] = [];
  for (let position = 0; position < queryWords.length; ) {
    let best: PhraseMatch | null = null;
    for (const phrase of PHRASES_BY_INITIAL.get(queryWords[position]?.[0] ?? "") ?? []) {
      const match = matchAt(queryWords, position, phrase);
      if (match && (best === null || better(match, best, language))) best = match;
    }
    if (best) {
      const span = best.phrase.words.length;
      if (!concepts.includes(best.phrase.concept)) concepts.push(best.phrase.concept);
      phrases.push(queryWords.slice(position, position + span).join(" "));
      position += span;
    } else {
      const word = queryWords[position] ?? "";
      if (!STOPWORDS.has(word) && !terms.includes(word) && terms.length < MAX_TERMS) terms.push(word);
      position += 1;
    }
  }
  const items = [...new Set([...terms, ...phrases, ...concepts.flatMap(synonymsOf)])].slice(0, MAX_MATCH_ITEMS);
  return { terms, concepts, items, match: items.length > 0 ? items.map((item) => `"${item}"`).join(" OR ") : null };
}

/** English synonyms of a concept, normalised: what the full-text query adds for it. */
export function synonymsOf(concept: ConceptId): string[] {
  return KEYWORDS.en[concept]?.map((phrase) => words(phrase).join(" ")) ?? [];
}
