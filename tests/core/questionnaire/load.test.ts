import { describe, expect, it } from "vitest";
import { DefinitionError, loadDefinition } from "../../../core/questionnaire";

const anchors = (n: number) => Array.from({ length: n }, (_, i) => `questionnaires:t.anchors.${i}`);
const scale = (id: string, extra: object = {}) => ({ id, type: "scale", key: `questionnaires:t.items.${id}`, anchors: anchors(6), ...extra });
const choice = (id: string, values: string[], extra: object = {}) => ({
  id,
  type: "choice",
  key: `questionnaires:t.items.${id}`,
  options: values.map((value) => ({ value, key: `questionnaires:t.options.${value}` })),
  ...extra,
});
const definition = (items: object[], extra: object = {}) => ({
  id: "score_card",
  version: 1,
  titleKey: "questionnaires:t.title",
  sections: [{ id: "main", titleKey: "questionnaires:t.sections.main", items }],
  ...extra,
});

function failure(raw: unknown): DefinitionError {
  try {
    loadDefinition(raw);
  } catch (error) {
    if (error instanceof DefinitionError) return error;
    throw error;
  }
  throw new Error("the definition loaded");
}

describe("loadDefinition", () => {
  it("fills in defaults", () => {
    const loaded = loadDefinition(definition([scale("a"), { id: "b", type: "text", key: "questionnaires:t.items.b" }]));
    expect(loaded.sections[0]?.items[0]).toMatchObject({ min: 0, max: 5, optional: false, dontKnow: false, meta: {} });
    expect(loaded.sections[0]?.items[1]).toMatchObject({ maxLength: 500 });
  });

  it("names the definition and item when anchors do not cover the scale", () => {
    const error = failure(definition([scale("air_pollution.intensity", { anchors: anchors(5) })]));
    expect(error.message).toBe('score_card v1, item "air_pollution.intensity": anchors must cover 0..5');
    expect(error.itemId).toBe("air_pollution.intensity");
  });

  it("refuses a scale whose min is not below its max", () => {
    expect(failure(definition([scale("a", { min: 3, max: 3, anchors: anchors(1) })])).message).toBe(
      'score_card v1, item "a": scale min 3 must be below max 3',
    );
  });

  it("refuses a duplicate item id, even across sections", () => {
    const raw = definition([scale("a")]);
    raw.sections.push({ id: "more", titleKey: "questionnaires:t.sections.more", items: [scale("a")] });
    expect(failure(raw).message).toBe('score_card v1, item "a": the id is used twice');
  });

  it("refuses empty and repeated options", () => {
    expect(failure(definition([choice("c", [])])).message).toBe('score_card v1, item "c": a choice needs options');
    expect(failure(definition([choice("c", ["yes", "yes"])])).message).toBe('score_card v1, item "c": option "yes" is listed twice');
    expect(failure(definition([choice("c", ["1", "2"])])).message).toMatch(/^score_card v1, item "c": options\.0\.value: /);
  });

  it("refuses conditions on later or unknown items", () => {
    const later = definition([scale("a", { when: { item: "b", equals: 1 } }), scale("b")]);
    expect(failure(later).message).toBe('score_card v1, item "a": its condition refers to "b", which is not asked before it');
    const self = definition([scale("a", { when: { item: "a", answered: true } })]);
    expect(failure(self).itemId).toBe("a");
    const nested = definition([scale("a"), scale("b", { when: { all: [{ item: "a", gte: 1 }, { not: { item: "z", answered: true } }] } })]);
    expect(failure(nested).message).toContain('refers to "z"');
  });

  it("refuses a section condition on items of that section", () => {
    const raw = definition([scale("a")]);
    raw.sections.push({
      id: "more",
      titleKey: "questionnaires:t.sections.more",
      when: { item: "b", equals: 1 },
      items: [scale("b")],
    } as (typeof raw.sections)[number]);
    expect(failure(raw).message).toBe('score_card v1: section "more" refers to "b", which is not asked before it');
  });

  it("refuses conditions that can never hold", () => {
    const wrongOption = definition([choice("c", ["yes", "no"]), scale("a", { when: { item: "c", equals: "maybe" } })]);
    expect(failure(wrongOption).message).toBe(
      'score_card v1, item "a": its condition expects "c" to be "maybe", which it can never be',
    );
    const outOfRange = definition([scale("a"), scale("b", { when: { item: "a", in: [2, 9] } })]);
    expect(failure(outOfRange).message).toContain('expects "a" to be 9');
    const sizeOfChoice = definition([choice("c", ["yes", "no"]), scale("a", { when: { item: "c", gte: 1 } })]);
    expect(failure(sizeOfChoice).message).toContain("compares \"c\" by size, but it is a choice item");
  });

  it("points at the item for shape errors", () => {
    const unknownType = definition([{ id: "x", type: "slider", key: "questionnaires:t.items.x" }]);
    expect(failure(unknownType).message).toMatch(/^score_card v1, item "x": type: /);
    const badKey = definition([scale("a", { key: "no namespace" })]);
    expect(failure(badKey).message).toMatch(/^score_card v1, item "a": key: keys look like namespace:path/);
    const stray = definition([scale("a", { colour: "red" })]);
    expect(failure(stray).itemId).toBe("a");
  });

  it("names the definition for errors outside items", () => {
    expect(failure(definition([scale("a")], { version: 0 })).message).toMatch(/^score_card v0: version: /);
    expect(failure(definition([])).message).toMatch(/^score_card v1: sections\.0\.items: /);
    expect(failure("nonsense").message).toMatch(/^questionnaire: /);
  });
});
