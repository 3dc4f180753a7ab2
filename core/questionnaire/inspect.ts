import { holds } from "./conditions";
import type { AnswerValues } from "./conditions";
import type { Definition, Item, Section } from "./schema";

/**
 * Read-only views of a definition, in the manner of goflow's `flows/inspect`: what it asks, in
 * which order, which texts it needs, and what applies to a given set of answers. The engine, the
 * locale check and the console all read definitions through these.
 */

/** An item with the section it sits in and its position in the whole questionnaire. */
export interface ItemEntry {
  item: Item;
  section: Section;
  index: number;
}

const entriesCache = new WeakMap<Definition, readonly ItemEntry[]>();

/** Every item, in the order it is asked. */
export function itemEntries(definition: Definition): readonly ItemEntry[] {
  let entries = entriesCache.get(definition);
  if (!entries) {
    entries = definition.sections.flatMap((section) => section.items.map((item) => ({ item, section })))
      .map((entry, index) => ({ ...entry, index }));
    entriesCache.set(definition, entries);
  }
  return entries;
}

/** Every item, in the order it is asked. */
export function items(definition: Definition): Item[] {
  return itemEntries(definition).map((e) => e.item);
}

/** The item with this id, with its section and position, or undefined. */
export function findItem(definition: Definition, itemId: string): ItemEntry | undefined {
  return itemEntries(definition).find((e) => e.item.id === itemId);
}

/**
 * Every i18n key the definition uses, once each, in order of appearance: titles, intros, labels,
 * help texts, scale anchors and options. The locale check proves each exists in every language.
 *
 * @example translationKeys(scoreCard).includes("questionnaires:score_card.anchors.existence.0") // true
 */
export function translationKeys(definition: Definition): string[] {
  const keys = new Set<string>([definition.titleKey]);
  for (const section of definition.sections) {
    keys.add(section.titleKey);
    if (section.introKey) keys.add(section.introKey);
    for (const item of section.items) {
      keys.add(item.key);
      if (item.helpKey) keys.add(item.helpKey);
      if (item.type === "scale") item.anchors.forEach((k) => keys.add(k));
      if (item.type === "choice") item.options.forEach((o) => keys.add(o.key));
    }
  }
  return [...keys];
}

/**
 * The items that are asked given these answers, in order. Walks front to back and looks at an
 * answer only if its item applies, so answers left on an item that no longer applies cannot
 * open later questions.
 */
export function applicableItems(definition: Definition, answers: AnswerValues): Item[] {
  const seen: Record<string, AnswerValues[string]> = {};
  const applicable: Item[] = [];
  for (const { item, section } of itemEntries(definition)) {
    const applies = (!section.when || holds(section.when, seen)) && (!item.when || holds(item.when, seen));
    if (!applies) continue;
    applicable.push(item);
    if (answers[item.id] !== undefined) seen[item.id] = answers[item.id];
  }
  return applicable;
}
