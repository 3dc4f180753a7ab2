import { ADHERENCE_VALUES } from "../questionnaire";
import type { AdherenceItem, ChoiceItem, Item, NumberItem, ScaleItem, TextItem } from "../questionnaire";
import { readNumber, toLatinDigits } from "../text";
import type { PromptParams } from "./types";

/** What a typed text or tapped button means for one item: a value to store, or why not. */
export type Reading =
  | { ok: true; value: string | number; note?: string }
  | { ok: false; key: string; params: PromptParams };

const refuse = (problem: string, params: PromptParams = {}): Reading => ({
  ok: false,
  key: `engine:invalid.${problem}`,
  params,
});

/**
 * Reads an answer for an item, leniently: digits in any Indian script, stray spaces and
 * punctuation, option numbers ("2" for the second option) as well as option values.
 *
 * @example readAnswer(scaleItem, " ४ ") // { ok: true, value: 4 }
 */
export function readAnswer(item: Item, text: string): Reading {
  switch (item.type) {
    case "scale":
      return readScale(item, text);
    case "number":
      return readQuantity(item, text);
    case "choice":
      return readChoice(item, text);
    case "text":
      return readText(item, text);
    case "adherence":
      return readAdherence(item, text);
  }
}

function readScale(item: ScaleItem, text: string): Reading {
  const n = readNumber(text);
  if (n === null || !Number.isInteger(n) || n < item.min || n > item.max) {
    return refuse("scale", { min: item.min, max: item.max });
  }
  return { ok: true, value: n };
}

function readQuantity(item: NumberItem, text: string): Reading {
  const n = readNumber(text);
  if (n === null) return refuse("number");
  if (item.integer && !Number.isInteger(n)) return refuse("integer");
  const { min, max } = item;
  const inRange = (min === undefined || n >= min) && (max === undefined || n <= max);
  if (inRange) return { ok: true, value: n };
  if (min !== undefined && max !== undefined) return refuse("number_range", { min, max });
  return min !== undefined ? refuse("number_min", { min }) : refuse("number_max", { max: max ?? n });
}

/** Lower case, spaces and hyphens as underscores, Latin digits, no trailing punctuation. */
function token(text: string): string {
  return toLatinDigits(text.normalize("NFC"))
    .trim()
    .toLowerCase()
    .replace(/[\s)\].,;:!?।]+$/u, "")
    .replace(/^[\s([]+/u, "")
    .replace(/[\s-]+/gu, "_");
}

/** The option named by its value or by its 1-based position. */
function optionIndex(values: readonly string[], text: string): number {
  const typed = token(text);
  const byValue = values.indexOf(typed);
  if (byValue >= 0) return byValue;
  const n = readNumber(text);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= values.length ? n - 1 : -1;
}

function readChoice(item: ChoiceItem, text: string): Reading {
  const values = item.options.map((o) => o.value);
  const index = optionIndex(values, text);
  const value = values[index];
  return value === undefined ? refuse("choice", { count: values.length }) : { ok: true, value };
}

function readText(item: TextItem, text: string): Reading {
  const value = text.trim();
  if (value.length === 0) return refuse("text_empty");
  if ([...value].length > item.maxLength) return refuse("text_too_long", { max: item.maxLength });
  return { ok: true, value };
}

/** Ways of writing each adherence answer at the start of a message, longest first. */
const ADHERENCE_WORDS: readonly (readonly [string, (typeof ADHERENCE_VALUES)[number]])[] = ADHERENCE_VALUES.flatMap(
  (value, i) => [
    [value, value] as const,
    [value.replace("_", " "), value] as const,
    [String(i + 1), value] as const,
  ],
)
  .concat([["n/a", "na"], ["not applicable", "na"]])
  .sort((a, b) => b[0].length - a[0].length);

/**
 * An adherence answer, optionally followed by a note: "partly", "2", "partly: we pay on time but
 * no PF yet". The note is kept only where the item allows one.
 */
function readAdherence(item: AdherenceItem, text: string): Reading {
  const typed = toLatinDigits(text.normalize("NFC")).trim();
  const lower = typed.toLowerCase();
  for (const [word, value] of ADHERENCE_WORDS) {
    if (!lower.startsWith(word)) continue;
    const next = lower.charAt(word.length);
    if (next !== "" && /[\p{L}\p{N}_]/u.test(next)) continue;
    const note = typed.slice(word.length).replace(/^[\s:,;.\-–—)]+/u, "").trim();
    if (note === "") return { ok: true, value };
    if (!item.note) return refuse("adherence");
    if ([...note].length > item.noteMaxLength) return refuse("note_too_long", { max: item.noteMaxLength });
    return { ok: true, value, note };
  }
  return refuse("adherence");
}
