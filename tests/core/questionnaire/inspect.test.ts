import { describe, expect, it } from "vitest";
import { applicableItems, findItem, holds, items, loadDefinition, translationKeys } from "../../../core/questionnaire";
import type { AnswerValues, Condition } from "../../../core/questionnaire";

const yesNo = [
  { value: "yes", key: "questionnaires:t.options.yes" },
  { value: "no", key: "questionnaires:t.options.no" },
];
const definition = loadDefinition({
  id: "t",
  version: 1,
  titleKey: "questionnaires:t.title",
  sections: [
    {
      id: "first",
      titleKey: "questionnaires:t.sections.first",
      introKey: "questionnaires:t.intros.first",
      items: [
        { id: "owner", type: "choice", key: "questionnaires:t.items.owner", helpKey: "questionnaires:t.help.owner", options: yesNo },
        { id: "firm", type: "text", key: "questionnaires:t.items.firm", when: { item: "owner", equals: "yes" } },
        { id: "staff", type: "number", key: "questionnaires:t.items.staff", when: { item: "firm", answered: true } },
      ],
    },
    {
      id: "second",
      titleKey: "questionnaires:t.sections.second",
      when: { item: "owner", equals: "no" },
      items: [
        {
          id: "rating",
          type: "scale",
          key: "questionnaires:t.items.owner",
          min: 1,
          max: 2,
          anchors: ["questionnaires:t.anchors.1", "questionnaires:t.anchors.2"],
        },
      ],
    },
  ],
});
const ids = (answers: AnswerValues) => applicableItems(definition, answers).map((i) => i.id);

describe("inspection", () => {
  it("lists items in order, and finds them with their section", () => {
    expect(items(definition).map((i) => i.id)).toEqual(["owner", "firm", "staff", "rating"]);
    expect(findItem(definition, "rating")).toMatchObject({ index: 3, section: { id: "second" } });
    expect(findItem(definition, "nope")).toBeUndefined();
  });

  it("lists every key once, in order of appearance", () => {
    expect(translationKeys(definition)).toEqual([
      "questionnaires:t.title",
      "questionnaires:t.sections.first",
      "questionnaires:t.intros.first",
      "questionnaires:t.items.owner",
      "questionnaires:t.help.owner",
      "questionnaires:t.options.yes",
      "questionnaires:t.options.no",
      "questionnaires:t.items.firm",
      "questionnaires:t.items.staff",
      "questionnaires:t.sections.second",
      "questionnaires:t.anchors.1",
      "questionnaires:t.anchors.2",
    ]);
  });

  it("lists the items that apply given answers, following item and section conditions", () => {
    expect(ids({})).toEqual(["owner"]);
    expect(ids({ owner: "yes" })).toEqual(["owner", "firm"]);
    expect(ids({ owner: "yes", firm: "Kiran" })).toEqual(["owner", "firm", "staff"]);
    expect(ids({ owner: "no" })).toEqual(["owner", "rating"]);
  });

  it("ignores answers left on items that no longer apply", () => {
    expect(ids({ owner: "no", firm: "Kiran" })).toEqual(["owner", "rating"]);
  });
});

describe("holds", () => {
  const answers: AnswerValues = { a: 3, b: "yes", c: null };
  it.each<[Condition, boolean]>([
    [{ item: "a", equals: 3 }, true],
    [{ item: "a", equals: "3" }, false],
    [{ item: "b", in: ["no", "yes"] }, true],
    [{ item: "b", in: ["no"] }, false],
    [{ item: "a", gte: 3 }, true],
    [{ item: "a", gte: 4 }, false],
    [{ item: "a", lte: 3 }, true],
    [{ item: "a", lte: 2 }, false],
    [{ item: "b", gte: 0 }, false],
    [{ item: "c", answered: true }, true],
    [{ item: "c", equals: 0 }, false],
    [{ item: "c", lte: 5 }, false],
    [{ item: "d", answered: false }, true],
    [{ item: "d", answered: true }, false],
    [{ all: [{ item: "a", gte: 1 }, { item: "b", equals: "yes" }] }, true],
    [{ all: [{ item: "a", gte: 1 }, { item: "b", equals: "no" }] }, false],
    [{ any: [{ item: "a", gte: 9 }, { item: "b", equals: "yes" }] }, true],
    [{ any: [{ item: "a", gte: 9 }, { item: "b", equals: "no" }] }, false],
    [{ not: { item: "a", equals: 3 } }, false],
  ])("%j is %s", (condition, expected) => {
    expect(holds(condition, answers)).toBe(expected);
  });
});
