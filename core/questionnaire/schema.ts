import { z } from "zod";

/**
 * The questionnaire definition format. Questionnaires are data: a definition is validated here and
 * by `loadDefinition`, then only read. Texts are i18next keys with a namespace
 * (`questionnaires:score_card.items.wages_benefits.existence`), never prose.
 */

/**
 * When an item (or a whole section) is asked. Conditions look only at items asked earlier, so a
 * questionnaire can be walked front to back in one pass.
 */
export type Condition =
  | { item: string; equals: string | number }
  | { item: string; in: (string | number)[] }
  | { item: string; answered: boolean }
  | { item: string; gte: number }
  | { item: string; lte: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const itemId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, "ids are lower-case words joined by _ and .");
const i18nKey = z.string().regex(/^[a-z][a-z0-9_]*:[a-z0-9_.]+$/, "keys look like namespace:path.to.text");
const literal = z.union([z.string(), z.number()]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ item: itemId, equals: literal }),
    z.strictObject({ item: itemId, in: z.array(literal).min(1) }),
    z.strictObject({ item: itemId, answered: z.boolean() }),
    z.strictObject({ item: itemId, gte: z.number() }),
    z.strictObject({ item: itemId, lte: z.number() }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const itemBase = {
  id: itemId,
  key: i18nKey,
  helpKey: i18nKey.optional(),
  /** May be skipped; nothing is stored. */
  optional: z.boolean().default(false),
  /** Offers "don't know", stored as null. */
  dontKnow: z.boolean().default(false),
  when: conditionSchema.optional(),
  /** What other modules need to read an answer: `{ issue, template }`, `{ points }`, … */
  meta: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
};

const optionValue = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "option values are lower-case words, never bare numbers");

export const scaleItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal("scale"),
  min: z.number().int().default(0),
  max: z.number().int().default(5),
  /** One label key per value, min first; the buttons people tap. */
  anchors: z.array(i18nKey),
});

export const choiceItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal("choice"),
  options: z.array(z.strictObject({ value: optionValue, key: i18nKey })),
});

export const numberItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
});

export const textItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal("text"),
  maxLength: z.number().int().positive().default(500),
});

/** The four answers of a BR declaration element (Annex III). */
export const ADHERENCE_VALUES = ["yes", "partly", "not_yet", "na"] as const;
export type Adherence = (typeof ADHERENCE_VALUES)[number];

export const adherenceItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal("adherence"),
  /** Whether a short note may follow the answer ("partly: we pay on time but no PF yet"). */
  note: z.boolean().default(true),
  noteMaxLength: z.number().int().positive().default(300),
});

export const itemSchema = z.discriminatedUnion("type", [
  scaleItemSchema,
  choiceItemSchema,
  numberItemSchema,
  textItemSchema,
  adherenceItemSchema,
]);

export const sectionSchema = z.strictObject({
  id: itemId,
  titleKey: i18nKey,
  introKey: i18nKey.optional(),
  /** Applies to every item of the section, on top of each item's own condition. */
  when: conditionSchema.optional(),
  items: z.array(itemSchema).min(1),
});

export const definitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "questionnaire ids are lower-case words joined by _"),
  version: z.number().int().positive(),
  titleKey: i18nKey,
  sections: z.array(sectionSchema).min(1),
});

export type ScaleItem = z.infer<typeof scaleItemSchema>;
export type ChoiceItem = z.infer<typeof choiceItemSchema>;
export type NumberItem = z.infer<typeof numberItemSchema>;
export type TextItem = z.infer<typeof textItemSchema>;
export type AdherenceItem = z.infer<typeof adherenceItemSchema>;
export type Item = z.infer<typeof itemSchema>;
export type ItemType = Item["type"];
export type Section = z.infer<typeof sectionSchema>;
export type Definition = z.infer<typeof definitionSchema>;
/** What a definition's author writes: defaults may be left out. */
export type DefinitionInput = z.input<typeof definitionSchema>;
