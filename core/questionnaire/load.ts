import type { z } from "zod";
import { comparisons } from "./conditions";
import { DefinitionError } from "./errors";
import { ADHERENCE_VALUES, definitionSchema } from "./schema";
import type { Condition, Definition, Item } from "./schema";

/**
 * Validates a questionnaire definition and fills in defaults. Beyond the shape it checks what
 * would break a conversation: duplicate item ids, conditions that look at an item not yet asked
 * (or at a value that item can never have), empty or repeated options, and scales whose buttons
 * do not match their range.
 *
 * @throws DefinitionError naming the definition and the item at fault.
 * @example loadDefinition(JSON.parse(file)).sections[0].items[0].id
 */
export function loadDefinition(raw: unknown): Definition {
  const label = labelOf(raw);
  const parsed = definitionSchema.safeParse(raw);
  if (!parsed.success) throw shapeError(label, raw, parsed.error);
  const definition = parsed.data;
  const earlier = new Map<string, Item>();
  for (const section of definition.sections) {
    if (section.when) checkCondition(label, `section "${section.id}"`, null, section.when, earlier);
    for (const item of section.items) {
      if (earlier.has(item.id)) throw new DefinitionError(label, item.id, "the id is used twice");
      checkItem(label, item);
      if (item.when) checkCondition(label, "its condition", item.id, item.when, earlier);
      earlier.set(item.id, item);
    }
  }
  const sectionIds = definition.sections.map((s) => s.id);
  const twice = sectionIds.find((id, i) => sectionIds.indexOf(id) !== i);
  if (twice !== undefined) throw new DefinitionError(label, null, `section id "${twice}" is used twice`);
  return definition;
}

function checkItem(label: string, item: Item): void {
  const fail = (problem: string) => new DefinitionError(label, item.id, problem);
  switch (item.type) {
    case "scale":
      if (item.min >= item.max) throw fail(`scale min ${item.min} must be below max ${item.max}`);
      if (item.anchors.length !== item.max - item.min + 1) {
        throw fail(`anchors must cover ${item.min}..${item.max}`);
      }
      return;
    case "choice": {
      if (item.options.length === 0) throw fail("a choice needs options");
      const values = item.options.map((o) => o.value);
      const twice = values.find((v, i) => values.indexOf(v) !== i);
      if (twice !== undefined) throw fail(`option "${twice}" is listed twice`);
      return;
    }
    case "number":
      if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
        throw fail(`number min ${item.min} is above max ${item.max}`);
      }
      return;
    case "text":
    case "adherence":
      return;
  }
}

function checkCondition(
  label: string,
  where: string,
  itemId: string | null,
  condition: Condition,
  earlier: ReadonlyMap<string, Item>,
): void {
  for (const comparison of comparisons(condition)) {
    const fail = (problem: string) => new DefinitionError(label, itemId, `${where} ${problem}`);
    const target = earlier.get(comparison.item);
    if (!target) throw fail(`refers to "${comparison.item}", which is not asked before it`);
    if ("answered" in comparison) continue;
    const expected = "equals" in comparison ? [comparison.equals] : "in" in comparison ? comparison.in : null;
    if (expected === null) {
      if (target.type !== "scale" && target.type !== "number") {
        throw fail(`compares "${comparison.item}" by size, but it is a ${target.type} item`);
      }
      continue;
    }
    const impossible = expected.find((value) => !canHold(target, value));
    if (impossible !== undefined) {
      throw fail(`expects "${comparison.item}" to be ${JSON.stringify(impossible)}, which it can never be`);
    }
  }
}

function canHold(item: Item, value: string | number): boolean {
  switch (item.type) {
    case "scale":
      return typeof value === "number" && Number.isInteger(value) && value >= item.min && value <= item.max;
    case "number":
      return typeof value === "number";
    case "choice":
      return item.options.some((o) => o.value === value);
    case "adherence":
      return ADHERENCE_VALUES.some((v) => v === value);
    case "text":
      return typeof value === "string";
  }
}

function labelOf(raw: unknown): string {
  if (typeof raw !== "object" || raw === null) return "questionnaire";
  const { id, version } = raw as { id?: unknown; version?: unknown };
  const name = typeof id === "string" ? id : "questionnaire";
  return typeof version === "number" ? `${name} v${version}` : name;
}

/** Turns the first schema problem into a DefinitionError that points at the item, if any. */
function shapeError(label: string, raw: unknown, error: z.ZodError): DefinitionError {
  const issue = error.issues[0];
  if (!issue) return new DefinitionError(label, null, "invalid definition");
  const path = issue.path.map(String);
  const [s, sectionIndex, i, itemIndex, ...rest] = path;
  if (s === "sections" && i === "items" && sectionIndex !== undefined && itemIndex !== undefined) {
    const itemId = rawItemId(raw, Number(sectionIndex), Number(itemIndex));
    const field = rest.length > 0 ? `${rest.join(".")}: ` : "";
    const where = itemId ?? `#${Number(itemIndex) + 1} of section ${Number(sectionIndex) + 1}`;
    return new DefinitionError(label, where, `${field}${issue.message}`);
  }
  return new DefinitionError(label, null, `${path.length > 0 ? `${path.join(".")}: ` : ""}${issue.message}`);
}

function rawItemId(raw: unknown, sectionIndex: number, itemIndex: number): string | null {
  const sections = (raw as { sections?: unknown }).sections;
  if (!Array.isArray(sections)) return null;
  const items = (sections[sectionIndex] as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) return null;
  const id = (items[itemIndex] as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : null;
}
