export { DefinitionError } from "./errors";
export { loadDefinition } from "./load";
export { holds, comparisons } from "./conditions";
export type { AnswerValues, Comparison } from "./conditions";
export { applicableItems, findItem, itemEntries, items, translationKeys } from "./inspect";
export type { ItemEntry } from "./inspect";
export { ADHERENCE_VALUES, definitionSchema } from "./schema";
export type {
  Adherence,
  AdherenceItem,
  ChoiceItem,
  Condition,
  Definition,
  DefinitionInput,
  Item,
  ItemType,
  NumberItem,
  ScaleItem,
  Section,
  TextItem,
} from "./schema";
