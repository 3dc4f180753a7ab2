import { z } from "zod";
import { items } from "../../../core/questionnaire";
import type { Item } from "../../../core/questionnaire";
import { clusterProfile } from "../../../core/questionnaires";

/**
 * The zod schema of a cluster profile, built from the cluster profile questionnaire itself so that
 * the console and the chat accept exactly the same answers. Every item may be left out or null
 * ("don't know" / not entered); unknown item ids are refused.
 */
function answerSchema(item: Item): z.ZodType<number | string> {
  switch (item.type) {
    case "scale":
      return z.number().int().min(item.min).max(item.max);
    case "choice":
      return z.enum(item.options.map((option) => option.value) as [string, ...string[]]);
    case "number": {
      let schema = item.integer ? z.number().int() : z.number();
      if (item.min !== undefined) schema = schema.min(item.min);
      if (item.max !== undefined) schema = schema.max(item.max);
      return schema;
    }
    case "text":
      return z.string().trim().max(item.maxLength);
    case "adherence":
      return z.enum(["yes", "partly", "not_yet", "na"]);
  }
}

export const clusterProfileSchema = z.strictObject(
  Object.fromEntries(items(clusterProfile).map((item) => [item.id, answerSchema(item).nullable().optional()])),
);
