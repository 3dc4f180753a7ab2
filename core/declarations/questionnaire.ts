import type { StoredAnswer } from "../engine/types";
import { loadDefinition, type Definition, type DefinitionInput } from "../questionnaire";
import { fromAdherence, toAdherence, type DeclaredAnswers } from "./answers";
import { elementCode, elementsOf, textKeys, type PrincipleSet } from "./principle-set";
import { findPrincipleSet, nvgAnnexIII } from "./sets";

/** The chat questionnaire of a declaration's elements, one version per principle set offered. */
export const DECLARATION_QUESTIONNAIRE = "br_declaration";
/** The questionnaire that follows it: the declarant's name and role, then the affirmation. */
export const CONFIRMATION_QUESTIONNAIRE = "br_declaration_confirmation";

export const DECLARANT_ROLES = ["owner", "partner", "manager"] as const;
export type DeclarantRole = (typeof DECLARANT_ROLES)[number];

/** The item id of an element: its code in lower case (`p3.2`), short enough for button data. */
export const elementItemId = (code: string) => code.toLowerCase();

/**
 * The declaration questionnaire for a principle set: a section per principle (its title and a
 * one-line explanation), an adherence item per core element. Each item's `meta` names its set and
 * element, so a finished session says by itself what it declared.
 */
export function declarationQuestionnaire(set: PrincipleSet, questionnaireVersion: number): Definition {
  const keys = textKeys(set);
  return loadDefinition({
    id: DECLARATION_QUESTIONNAIRE,
    version: questionnaireVersion,
    titleKey: keys.title,
    sections: set.principles.map((principle) => ({
      id: `p${principle.number}`,
      titleKey: keys.principleTitle(principle.number),
      introKey: keys.principleIntro(principle.number),
      items: elementsOf(set)
        .filter((ref) => ref.principle === principle.number)
        .map((ref) => ({
          id: elementItemId(ref.code),
          type: "adherence" as const,
          key: keys.element(ref.principle, ref.element),
          noteMaxLength: 200,
          meta: { set: set.id, setVersion: set.version, principle: ref.principle, element: ref.element },
        })),
    })),
  } satisfies DefinitionInput);
}

const c = (path: string) => `declarations:confirmation.${path}`;

/** The last step before storing: who declares, in what role, and the affirmation itself. */
export const declarationConfirmation = loadDefinition({
  id: CONFIRMATION_QUESTIONNAIRE,
  version: 1,
  titleKey: c("title"),
  sections: [
    {
      id: "declarant",
      titleKey: c("sections.declarant"),
      items: [
        { id: "declarant_name", type: "text", key: c("items.declarant_name"), maxLength: 80 },
        {
          id: "declarant_role",
          type: "choice",
          key: c("items.declarant_role"),
          options: DECLARANT_ROLES.map((value) => ({ value, key: `declarations:roles.${value}` })),
        },
        {
          id: "affirmation",
          type: "choice",
          key: c("items.affirmation"),
          options: [
            { value: "confirm", key: c("options.confirm") },
            { value: "cancel", key: c("options.cancel") },
          ],
        },
      ],
    },
  ],
} satisfies DefinitionInput);

/** Every version of the declaration questionnaire, oldest first; the last is what `/declare` opens. */
export const DECLARATION_QUESTIONNAIRES: readonly Definition[] = [declarationQuestionnaire(nvgAnnexIII, 1)];

/** The principle set a version of the declaration questionnaire asks about. */
export function principleSetOf(definition: Definition): PrincipleSet {
  const meta = definition.sections[0]?.items[0]?.meta;
  const set = typeof meta?.set === "string" && typeof meta.setVersion === "number" ? findPrincipleSet(meta.set, meta.setVersion) : undefined;
  if (!set) throw new Error(`${definition.id} v${definition.version} names no known principle set`);
  return set;
}

/** A finished session's answers as a declaration's, keyed by element code. */
export function declaredAnswers(definition: Definition, answers: Readonly<Record<string, StoredAnswer>>): DeclaredAnswers {
  const declared: DeclaredAnswers = {};
  for (const section of definition.sections) {
    for (const item of section.items) {
      const { principle, element } = item.meta;
      const stored = answers[item.id];
      const answer = fromAdherence(stored?.value);
      if (typeof principle !== "number" || typeof element !== "number" || !answer) continue;
      declared[elementCode(principle, element)] = stored?.note ? { answer, note: stored.note } : { answer };
    }
  }
  return declared;
}

/** A declaration's answers as session answers, to start an amendment from them. */
export function sessionAnswers(definition: Definition, declared: DeclaredAnswers, at: string): Record<string, StoredAnswer> {
  const answers: Record<string, StoredAnswer> = {};
  for (const section of definition.sections) {
    for (const item of section.items) {
      const { principle, element } = item.meta;
      if (typeof principle !== "number" || typeof element !== "number") continue;
      const given = declared[elementCode(principle, element)];
      if (!given) continue;
      answers[item.id] = given.note ? { value: toAdherence(given.answer), at, note: given.note } : { value: toAdherence(given.answer), at };
    }
  }
  return answers;
}
