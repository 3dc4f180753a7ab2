import { describe, expect, it } from "vitest";
import { LANGUAGES, resources } from "../../locales";

type Tree = { [key: string]: string | Tree };

/** Every leaf of a namespace as `path → text`. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) found.set(leaf, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]).sort();

const english = resources.en as Record<string, Tree>;
const translated = Object.keys(resources).filter((code) => code !== "en");

describe("locale resources", () => {
  it("cover every language the bot offers", () => {
    expect(Object.keys(resources).sort()).toEqual(LANGUAGES.map((language) => language.code).sort());
  });

  describe.each(translated)("%s", (code) => {
    const namespaces = resources[code] as Record<string, Tree>;

    it("has every namespace English has, and no other", () => {
      expect(Object.keys(namespaces).sort()).toEqual(Object.keys(english).sort());
    });

    it.each(Object.keys(english))("namespace %s has the same keys and placeholders as English", (namespace) => {
      const source = leaves(english[namespace]!);
      const target = leaves(namespaces[namespace] ?? {});
      expect([...target.keys()].filter((key) => !source.has(key)), "extra keys").toEqual([]);
      expect([...source.keys()].filter((key) => !target.has(key)), "missing keys").toEqual([]);
      const mismatched = [...source].filter(([key, text]) => {
        const other = target.get(key);
        return other !== undefined && placeholders(other).join() !== placeholders(text).join();
      });
      expect(mismatched.map(([key]) => key), "placeholders differ").toEqual([]);
      const empty = [...target].filter(([, text]) => text.trim() === "");
      expect(empty.map(([key]) => key), "empty texts").toEqual([]);
    });
  });
});
