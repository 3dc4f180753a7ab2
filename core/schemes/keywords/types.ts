import type { ConceptId, CORE_CONCEPTS } from "../concepts";

/**
 * Words and phrases of one language, by the concept they mean. Phrases are matched on whole words
 * after normalisation; in Indian scripts a word also matches its inflected forms (महिला → महिलाओं).
 */
export type KeywordTable = Readonly<Record<(typeof CORE_CONCEPTS)[number], readonly string[]>> &
  Readonly<Partial<Record<ConceptId, readonly string[]>>>;
