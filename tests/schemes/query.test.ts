import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KEYWORDS } from "../../core/schemes/keywords";
import { analyseQuery, MAX_MATCH_ITEMS, synonymsOf } from "../../core/schemes/query";
import { words } from "../../core/schemes/normalise";

/** What every MATCH expression must look like: quoted runs of letters, marks, digits and spaces joined by OR. */
const SAFE_MATCH = /^"[\p{L}\p{M}\p{N} ]+"( OR "[\p{L}\p{M}\p{N} ]+")*$/u;

describe("query analysis", () => {
  it("recognises a concept in Hindi and searches its English synonyms as well as the words typed", () => {
    const query = analyseQuery("बाल श्रम", "hi");
    expect(query.concepts).toEqual(["child_labour"]);
    expect(query.items).toContain("बाल श्रम");
    expect(query.items).toContain("working children");
  });

  it("expands synonyms both ways: working children reads as child labour", () => {
    expect(analyseQuery("working children", "en").concepts).toEqual(["child_labour"]);
    expect(analyseQuery("electricity", "en").concepts).toEqual(["energy"]);
    expect(synonymsOf("energy")).toEqual(expect.arrayContaining(["fuel", "power", "electricity"]));
  });

  it("matches inflected forms in Indian scripts but whole words in Latin", () => {
    expect(analyseQuery("महिलाओं", "hi").concepts).toEqual(["women"]);
    expect(analyseQuery("powerloom", "en").concepts).toEqual([]);
  });

  it("prefers the longer phrase: बाल मजदूरी is child labour, not wages", () => {
    expect(analyseQuery("बाल मजदूरी", "hi").concepts).toEqual(["child_labour"]);
    expect(analyseQuery("मजदूरी", "hi").concepts).toEqual(["wages"]);
  });

  it("folds nuktas, accents and case", () => {
    expect(words("मज़दूरी")).toEqual(words("मजदूरी"));
    expect(words("Crèche")).toEqual(["creche"]);
  });

  it("drops FTS syntax and operator words", () => {
    const query = analyseQuery('NEAR(energy "audit"* ^foundry:x) OR AND NOT', "en");
    expect(query.match).toMatch(SAFE_MATCH);
    expect(query.terms).toEqual(["audit", "foundry", "x"]);
  });

  it("finds nothing to search in punctuation, emoji or stop words alone", () => {
    for (const text of ['"', "*", "((", "🙂🙂", "OR", "and the of"]) expect(analyseQuery(text, "en").match, text).toBeNull();
  });

  it("always produces a safe, bounded expression, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const { match, items } = analyseQuery(text, "en");
        if (match === null) return;
        expect(match).toMatch(SAFE_MATCH);
        expect(items.length).toBeLessThanOrEqual(MAX_MATCH_ITEMS);
      }),
    );
  });

  it("caps the expression when a query names every concept there is", () => {
    const everything = Object.values(KEYWORDS.en)
      .map((phrases) => phrases[0])
      .join(" ");
    const query = analyseQuery(everything, "en");
    expect(query.concepts.length).toBeGreaterThan(10);
    expect(query.items).toHaveLength(MAX_MATCH_ITEMS);
    expect(query.match).toMatch(SAFE_MATCH);
  });
});
