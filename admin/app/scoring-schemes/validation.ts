import type { z } from "zod";
import { scoringSchemeSchema } from "../../../core/scoring";
import { fieldErrors } from "../../api/scoring-schemes/field-errors";
import { nextFreeVersion } from "../../api/scoring-schemes/catalogue";
import type { ScoringSchemeRow } from "./types";

/** A message react-admin translates under an input. */
interface Message {
  message: string;
  args: Record<string, unknown>;
}

const message = (key: string, args: Record<string, unknown> = {}): Message => ({ message: `console.scoring_scheme.error.${key}`, args });

/** A field's own error in the reader's language; anything core may add later stays in its English. */
function fieldMessage(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return message("required");
      return message(issue.inclusive ? "at_least" : "above", { min: Number(issue.minimum) });
    case "too_big":
      return message("at_most", { max: Number(issue.maximum) });
    case "invalid_type":
      return message(issue.expected === "int" ? "whole_number" : "required");
    default:
      return { message: issue.message, args: {} };
  }
}

/** The rules core checks across a group of fields, by the group's path. */
function groupMessage(group: string, values: Record<string, unknown>, issue: z.core.$ZodIssue): Message {
  const weights = values.weights as Record<string, number>;
  switch (group) {
    case "weights": {
      const nonEconomic = (weights.awareness ?? 0) + (weights.intensity ?? 0) + (weights.engagement ?? 0);
      if (nonEconomic <= 0) return message("weights_zero");
      return message("weights_sum", { sum: Number((nonEconomic + (weights.economic ?? 0)).toPrecision(12)) });
    }
    case "classThresholds":
      return message("thresholds_rise");
    case "mapLevels":
      return message("map_levels");
    default:
      return { message: issue.message, args: {} };
  }
}

/**
 * The create form's check: core's own schema, so the console accepts exactly what the API stores,
 * with its messages translated, plus the versions already taken (the API would answer 409).
 */
export function validateScoringScheme(catalogue: readonly ScoringSchemeRow[]) {
  return (values: Record<string, unknown>) => {
    const parsed = scoringSchemeSchema.safeParse(values);
    if (!parsed.success) {
      return fieldErrors(parsed.error.issues, (issue) => (issue.path.length === 1 && issue.code === "custom" ? groupMessage(String(issue.path[0]), values, issue) : fieldMessage(issue)));
    }
    const { name, version } = parsed.data;
    if (catalogue.some((scheme) => scheme.name === name && scheme.version === version)) {
      return { version: message("taken", { name, version, next: nextFreeVersion(catalogue, name) }) };
    }
    return {};
  };
}
