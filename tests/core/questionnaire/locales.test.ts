import { describe, expect, it } from "vitest";
import { translationKeys } from "../../../core/questionnaire";
import { defaultCatalogue } from "../../../core/questionnaires";
import { LANGUAGES, NAMESPACES, lookup, trees } from "./locale-lookup";
import type { Tree } from "./locale-lookup";

/** Every leaf key of a tree, dotted. */
function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
}

describe("locales", () => {
  for (const definition of defaultCatalogue.all()) {
    it.each(LANGUAGES)(`has every text of ${definition.id} v${definition.version} in %s`, (lang) => {
      const missing = translationKeys(definition).filter((key) => !lookup(lang, key)?.trim());
      expect(missing).toEqual([]);
    });
  }

  it("has the same engine and questionnaire keys in Hindi as in English", () => {
    for (const ns of NAMESPACES) {
      const en = trees.get(`en/${ns}`);
      const hi = trees.get(`hi/${ns}`);
      if (!en || !hi) throw new Error(`missing ${ns}`);
      expect(leaves(hi).sort()).toEqual(leaves(en).sort());
    }
  });

  it("writes Hindi texts in Devanagari", () => {
    const hi = trees.get("hi/questionnaires");
    if (!hi) throw new Error("missing hi/questionnaires");
    const latinOnly = leaves(hi)
      .filter((path) => !path.startsWith("registration.options.language."))
      .filter((path) => !/[\u0900-\u097F]/u.test(lookup("hi", `questionnaires:${path}`) ?? ""));
    expect(latinOnly).toEqual([]);
  });

  it("uses the same interpolation parameters in both languages", () => {
    const en = trees.get("en/engine");
    if (!en) throw new Error("missing en/engine");
    const params = (text: string | undefined) => [...(text ?? "").matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const path of leaves(en)) {
      expect(params(lookup("hi", `engine:${path}`)), path).toEqual(params(lookup("en", `engine:${path}`)));
    }
  });
});
