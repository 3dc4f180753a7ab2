/**
 * What a declarant says about one core element. The chat offers the engine's adherence answers
 * (`na` for "not applicable"); declarations store the longer `not_applicable`, which reads on its own
 * in the canonical JSON and the CSV export.
 */
export const ELEMENT_ANSWERS = ["yes", "partly", "not_yet", "not_applicable"] as const;
export type ElementAnswer = (typeof ELEMENT_ANSWERS)[number];

export interface DeclaredElement {
  answer: ElementAnswer;
  /** A few words of the declarant's own ("partly: PF for half the workers"). */
  note?: string;
}

/** A declaration's answers, keyed by element code (`P3.2`). */
export type DeclaredAnswers = Record<string, DeclaredElement>;

export function isElementAnswer(value: unknown): value is ElementAnswer {
  return typeof value === "string" && (ELEMENT_ANSWERS as readonly string[]).includes(value);
}

/** The element answer for an engine adherence value, or undefined for anything else. */
export function fromAdherence(value: unknown): ElementAnswer | undefined {
  if (value === "na") return "not_applicable";
  return value !== "not_applicable" && isElementAnswer(value) ? value : undefined;
}

/** The engine's adherence value for an element answer. */
export function toAdherence(answer: ElementAnswer): "yes" | "partly" | "not_yet" | "na" {
  return answer === "not_applicable" ? "na" : answer;
}
