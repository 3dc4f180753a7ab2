import { applicableItems, itemEntries } from "../questionnaire";
import type { AnswerValues, Definition, Item } from "../questionnaire";
import type { EngineEvent, StoredAnswer } from "./types";

/**
 * Where a conversation goes next. The rules: items are asked in definition order; an item whose
 * condition fails is not asked and loses any answer it had; a session completes only when every
 * applicable required item has an answer.
 */

export type Answers = Readonly<Record<string, StoredAnswer>>;

/** The bare values of stored answers, as conditions read them. */
export function valuesOf(answers: Answers): AnswerValues {
  const values: Record<string, StoredAnswer["value"]> = {};
  for (const [id, stored] of Object.entries(answers)) values[id] = stored.value;
  return values;
}

/** The items asked given these answers, in order. */
export function applicable(definition: Definition, answers: Answers): Item[] {
  return applicableItems(definition, valuesOf(answers));
}

/**
 * Removes answers of items that no longer apply (or no longer exist), in definition order, with
 * one `answer_cleared` event each. Only later items can lose their condition, so one pass suffices.
 */
export function dropInapplicable(
  definition: Definition,
  answers: Answers,
  at: string,
): { answers: Record<string, StoredAnswer>; events: EngineEvent[] } {
  const keep = new Set(applicable(definition, answers).map((i) => i.id));
  const order = new Map(itemEntries(definition).map((e) => [e.item.id, e.index]));
  const kept: Record<string, StoredAnswer> = {};
  const events: EngineEvent[] = [];
  const ids = Object.keys(answers).sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  for (const id of ids) {
    const stored = answers[id];
    if (!stored) continue;
    if (keep.has(id)) kept[id] = stored;
    else events.push({ type: "answer_cleared", at, itemId: id, previous: stored.value });
  }
  return { answers: kept, events };
}

/** The next applicable item after `itemId`, in definition order, or null at the end. */
export function nextAfter(definition: Definition, answers: Answers, itemId: string): string | null {
  const items = applicable(definition, answers);
  const position = itemEntries(definition).find((e) => e.item.id === itemId)?.index ?? -1;
  const order = new Map(itemEntries(definition).map((e) => [e.item.id, e.index]));
  return items.find((i) => (order.get(i.id) ?? -1) > position)?.id ?? null;
}

/** The first applicable required item with no answer, or null when nothing required is missing. */
export function firstMissingRequired(definition: Definition, answers: Answers): string | null {
  return applicable(definition, answers).find((i) => !i.optional && answers[i.id] === undefined)?.id ?? null;
}

/** "7 of 21": the item's position among the items that apply, and how many apply. */
export function progressOf(definition: Definition, answers: Answers, itemId: string) {
  const items = applicable(definition, answers);
  return { current: items.findIndex((i) => i.id === itemId) + 1, total: items.length };
}
