import { describe, expect, it } from "vitest";
import { readNumber, toLatinDigits } from "../../../core/text";

describe("toLatinDigits", () => {
  it.each([
    ["Devanagari", "०१२३४५६७८९"],
    ["Bengali", "০১২৩৪৫৬৭৮৯"],
    ["Gurmukhi", "੦੧੨੩੪੫੬੭੮੯"],
    ["Gujarati", "૦૧૨૩૪૫૬૭૮૯"],
    ["Odia", "୦୧୨୩୪୫୬୭୮୯"],
    ["Tamil", "௦௧௨௩௪௫௬௭௮௯"],
    ["Telugu", "౦౧౨౩౪౫౬౭౮౯"],
    ["Kannada", "೦೧೨೩೪೫೬೭೮೯"],
    ["Malayalam", "൦൧൨൩൪൫൬൭൮൯"],
    ["Arabic-Indic", "٠١٢٣٤٥٦٧٨٩"],
    ["Extended Arabic-Indic (Urdu)", "۰۱۲۳۴۵۶۷۸۹"],
  ])("reads %s digits", (_script, digits) => {
    expect(toLatinDigits(digits)).toBe("0123456789");
  });

  it("leaves letters alone", () => {
    expect(toLatinDigits("४२ लोग")).toBe("42 लोग");
  });
});

describe("readNumber", () => {
  it.each([
    ["  ४ ", 4],
    ["4.", 4],
    ["(3)", 3],
    ["[5]", 5],
    ["৩।", 3],
    ["۵", 5],
    ["2.5", 2.5],
    ["-12.75", -12.75],
    ["1,200", 1200],
    ["12,00,000", 1_200_000],
    ["٣٫٥", 3.5],
    ["teen", 3],
    ["चार", 4],
    ["Five", 5],
  ])("reads %j as %d", (text, expected) => {
    expect(readNumber(text)).toBe(expected);
  });

  it.each(["", "   ", "four or five", "4 5", "3-4", "1,5", "abc", "4x", "..", "1.2.3"])("refuses %j", (text) => {
    expect(readNumber(text)).toBeNull();
  });
});
