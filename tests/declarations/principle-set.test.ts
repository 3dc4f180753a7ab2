import { describe, expect, it } from "vitest";
import {
  checkPrincipleSet,
  declarationConfirmation,
  declarationQuestionnaire,
  DECLARATION_QUESTIONNAIRES,
  declaredAnswers,
  elementsOf,
  nvgAnnexIII,
  principleSetOf,
  sessionAnswers,
  textKeys,
} from "../../core/declarations";
import { translationKeys } from "../../core/questionnaire";
import { lookup } from "../core/questionnaire/locale-lookup";

describe("the Annex III principle set", () => {
  it("has the guide's eight principles with their printed core elements, and the 2011 ninth", () => {
    expect(nvgAnnexIII.principles.map((p) => p.elements)).toEqual([7, 6, 9, 5, 6, 5, 3, 7, 6]);
    expect(elementsOf(nvgAnnexIII)).toHaveLength(54);
    expect(elementsOf(nvgAnnexIII)[15]).toEqual({ principle: 3, element: 3, code: "P3.3" });
    expect(nvgAnnexIII.principles[8]?.source).toMatch(/2011/);
  });

  it("gives every element a plain statement in English and Hindi that cites its code", () => {
    for (const ref of elementsOf(nvgAnnexIII)) {
      const key = textKeys(nvgAnnexIII).element(ref.principle, ref.element);
      expect(lookup("en", key), key).toMatch(new RegExp(`^${ref.code.replace(".", "\\.")} · `));
      expect(lookup("hi", key), key).toMatch(new RegExp(`^${ref.code.replace(".", "\\.")} · .*[\\u0900-\\u097F]`));
    }
  });

  it("keeps each version's texts apart, so a later version cannot reword an earlier declaration", () => {
    expect(textKeys(nvgAnnexIII).element(3, 2)).toBe("declarations:sets.nvg_2011_annex_iii.v1.p3.e2");
    expect(textKeys({ id: "ngrbc-2019", version: 1 }).element(3, 2)).toBe("declarations:sets.ngrbc_2019.v1.p3.e2");
  });

  it("refuses sets with gaps or empty principles", () => {
    expect(() => checkPrincipleSet({ id: "x", version: 1, principles: [{ number: 2, elements: 1, source: "" }] })).toThrow(/principle 1/);
    expect(() => checkPrincipleSet({ id: "x", version: 1, principles: [{ number: 1, elements: 0, source: "" }] })).toThrow(/at least one/);
  });
});

describe("the declaration questionnaire", () => {
  const definition = declarationQuestionnaire(nvgAnnexIII, 1);

  it("asks each element as an adherence item, principle by principle, each principle with its explanation", () => {
    expect(definition.sections.map((s) => s.id)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"]);
    expect(definition.sections.every((s) => s.introKey !== undefined)).toBe(true);
    const items = definition.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.id).slice(0, 3)).toEqual(["p1.1", "p1.2", "p1.3"]);
    expect(items.every((i) => i.type === "adherence")).toBe(true);
    expect(principleSetOf(definition)).toBe(nvgAnnexIII);
    expect(DECLARATION_QUESTIONNAIRES.at(-1)?.version).toBe(1);
  });

  it("has all its texts, and the confirmation's, in both languages", () => {
    for (const key of [...translationKeys(definition), ...translationKeys(declarationConfirmation)]) {
      expect(lookup("en", key), key).toBeTruthy();
      expect(lookup("hi", key), key).toBeTruthy();
    }
  });

  it("turns session answers into element answers and back, notes included", () => {
    const at = "2026-03-02T09:00:00.000Z";
    const declared = declaredAnswers(definition, {
      "p1.1": { value: "yes", at },
      "p3.9": { value: "partly", at, note: "PF for half" },
      "p7.2": { value: "na", at },
    });
    expect(declared).toEqual({ "P1.1": { answer: "yes" }, "P3.9": { answer: "partly", note: "PF for half" }, "P7.2": { answer: "not_applicable" } });
    expect(sessionAnswers(definition, declared, at)).toEqual({
      "p1.1": { value: "yes", at },
      "p3.9": { value: "partly", at, note: "PF for half" },
      "p7.2": { value: "na", at },
    });
  });
});
