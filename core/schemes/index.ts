export * from "./types";
export * from "./schema";
export * from "./tags";
export * from "./concepts";
export * from "./normalise";
export * from "./query";
export * from "./ranking";
export { KEYWORDS, type KeywordLanguage, type KeywordTable } from "./keywords";
export { ACTIVITIES, SCHEMES } from "./catalogue";
