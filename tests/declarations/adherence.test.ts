import { describe, expect, it } from "vitest";
import { adherence, elementsOf, groupAdherence, newShortCode, nvgAnnexIII, SHORT_CODE_PATTERN, type DeclaredAnswers } from "../../core/declarations";

/** Every element answered `answer`, except those given. */
function answers(answer: "yes" | "partly" | "not_yet" | "not_applicable", except: DeclaredAnswers = {}): DeclaredAnswers {
  return { ...Object.fromEntries(elementsOf(nvgAnnexIII).map((ref) => [ref.code, { answer }])), ...except };
}

describe("adherence", () => {
  it("is the share of applicable elements answered yes, partly counting half, per principle", () => {
    const result = adherence(nvgAnnexIII, {
      ...answers("yes"),
      "P7.1": { answer: "yes" },
      "P7.2": { answer: "partly" },
      "P7.3": { answer: "not_applicable" },
      "P4.1": { answer: "not_yet" },
    });
    expect(result.principles[6]).toEqual({ principle: 7, yes: 1, partly: 1, notYet: 0, notApplicable: 1, applicable: 2, share: 0.75 });
    expect(result.principles[3]?.share).toBeCloseTo(4 / 5, 12);
    // 53 applicable elements: 51 yes, 1 partly, 1 not yet.
    expect(result.overall).toBeCloseTo(51.5 / 53, 12);
  });

  it("leaves out a principle where nothing applies instead of scoring it zero", () => {
    const result = adherence(nvgAnnexIII, answers("not_yet", { "P7.1": { answer: "not_applicable" }, "P7.2": { answer: "not_applicable" }, "P7.3": { answer: "not_applicable" } }));
    expect(result.principles[6]?.share).toBeNull();
    expect(result.overall).toBe(0);
    expect(adherence(nvgAnnexIII, answers("not_applicable")).overall).toBeNull();
  });

  it("weighs every enterprise alike in a cluster", () => {
    const group = groupAdherence(nvgAnnexIII, [adherence(nvgAnnexIII, answers("yes")), adherence(nvgAnnexIII, answers("partly"))]);
    expect(group.declarations).toBe(2);
    expect(group.overall).toBeCloseTo(0.75, 12);
    expect(group.principles.every((p) => p.share === 0.75 && p.declarations === 2)).toBe(true);
    expect(groupAdherence(nvgAnnexIII, []).overall).toBeNull();
  });
});

describe("short declaration ids", () => {
  it("read like BR-7K3Q9, with no characters people confuse", () => {
    for (let i = 0; i < 200; i++) expect(newShortCode()).toMatch(SHORT_CODE_PATTERN);
    expect(newShortCode(() => new Uint8Array([0, 255, 1, 29, 30, 59, 2, 3]))).toBe("BR-23Z2Z");
  });
});
