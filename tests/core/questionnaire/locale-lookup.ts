import { readFileSync } from "node:fs";

export type Tree = { [key: string]: string | Tree };

export const LANGUAGES = ["en", "hi"] as const;
export const NAMESPACES = ["questionnaires", "engine", "declarations"] as const;
/** The shipped locale files, by "lang/namespace". */
export const trees = new Map(
  LANGUAGES.flatMap((lang) =>
    NAMESPACES.map((ns) => [
      `${lang}/${ns}`,
      JSON.parse(readFileSync(new URL(`../../../locales/${lang}/${ns}.json`, import.meta.url), "utf8")) as Tree,
    ]),
  ),
);

/** The text a namespaced i18next key names in a language, or undefined. */
export function lookup(lang: string, key: string): string | undefined {
  const [ns, path] = key.split(":");
  let node: string | Tree | undefined = trees.get(`${lang}/${ns}`);
  for (const part of (path ?? "").split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

