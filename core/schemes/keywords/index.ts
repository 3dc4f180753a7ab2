import { bn } from "./bn";
import { en } from "./en";
import { gu } from "./gu";
import { hi } from "./hi";
import { kn } from "./kn";
import { ml } from "./ml";
import { mr } from "./mr";
import { or } from "./or";
import { pa } from "./pa";
import { ta } from "./ta";
import { te } from "./te";
import { ur } from "./ur";
import type { KeywordTable } from "./types";

export type { KeywordTable } from "./types";

/** One table per language Samuh speaks (see locales/languages.ts). */
export const KEYWORDS = { en, hi, or, te, ta, mr, gu, pa, ml, kn, bn, ur } as const satisfies Record<string, KeywordTable>;

export type KeywordLanguage = keyof typeof KEYWORDS;
