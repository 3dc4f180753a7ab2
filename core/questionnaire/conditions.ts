import type { AnswerValue } from "../engine/types";
import type { Condition } from "./schema";

/** Answers by item id. A missing id is unanswered; null is "don't know". */
export type AnswerValues = Readonly<Record<string, AnswerValue | undefined>>;

/**
 * Whether a condition holds for the given answers. "Don't know" (null) counts as answered but
 * equals nothing and compares with nothing, so it never opens a follow-up question.
 *
 * @example holds({ item: "stakeholder_type", equals: "core_firm_owner" }, { stakeholder_type: "worker" }) // false
 */
export function holds(condition: Condition, answers: AnswerValues): boolean {
  if ("all" in condition) return condition.all.every((c) => holds(c, answers));
  if ("any" in condition) return condition.any.some((c) => holds(c, answers));
  if ("not" in condition) return !holds(condition.not, answers);
  const value = answers[condition.item];
  if ("answered" in condition) return (value !== undefined) === condition.answered;
  if (value === undefined || value === null) return false;
  if ("equals" in condition) return value === condition.equals;
  if ("in" in condition) return condition.in.includes(value);
  if (typeof value !== "number") return false;
  if ("gte" in condition) return value >= condition.gte;
  return value <= condition.lte;
}

/** One comparison inside a condition, with the item it reads. */
export type Comparison = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;

/** Every comparison a condition makes, depth first. */
export function comparisons(condition: Condition): Comparison[] {
  if ("all" in condition) return condition.all.flatMap(comparisons);
  if ("any" in condition) return condition.any.flatMap(comparisons);
  if ("not" in condition) return comparisons(condition.not);
  return [condition];
}
