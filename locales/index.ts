import type { Resource } from "i18next";
import en from "./en";
import bn from "./bn";
import gu from "./gu";
import hi from "./hi";
import kn from "./kn";
import ml from "./ml";
import mr from "./mr";
import or from "./or";
import pa from "./pa";
import ta from "./ta";
import te from "./te";
import ur from "./ur";

export { LANGUAGES, DEFAULT_LANGUAGE, isLanguageCode, languageFromTag, type LanguageCode } from "./languages";

/**
 * Every translation, imported statically so that the same bundle works on Node and on Workers
 * (which has no file system). One folder per language, one JSON file per namespace.
 */
export const resources: Resource = { en, hi, bn, gu, kn, ml, mr, or, pa, ta, te, ur };

export const NAMESPACES = Object.keys(en);
