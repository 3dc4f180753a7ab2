import { z } from "zod";
import { CATEGORIES, CORE_ISSUES, OPTIONAL_ISSUES } from "../scoring/issues";
import type { Activity, Scheme } from "./types";
import { AREAS, GROUPS, SOURCES, STATUSES, TOPICS } from "./types";

/** Slugs: lower-case letters and digits in words joined by hyphens. */
export const schemeIdSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lower-case words joined by hyphens");

const ISSUE_IDS = [...CORE_ISSUES, ...OPTIONAL_ISSUES] as const;
const CATEGORY_IDS = CATEGORIES.map((category) => category.id) as [
  (typeof CATEGORIES)[number]["id"],
  ...(typeof CATEGORIES)[number]["id"][],
];

/** A list of vocabulary ids without repeats. */
function idSet<T extends string>(values: readonly [T, ...T[]]) {
  return z
    .array(z.enum(values))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, "an id is listed twice");
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** Validates one scheme record, from the catalogue, the console or a CSV row. */
export const schemeSchema = z.strictObject({
  id: schemeIdSchema,
  name: text(300),
  ministry: text(300),
  objective: text(2000),
  links: z.array(text(500)).max(10),
  categories: idSet(CATEGORY_IDS),
  issues: idSet(ISSUE_IDS),
  topics: idSet(TOPICS),
  groups: idSet(GROUPS),
  areas: idSet(AREAS),
  status: z.enum(STATUSES),
  successorId: schemeIdSchema.nullable(),
  statusNote: text(500).nullable(),
  source: z.enum(SOURCES),
}) satisfies z.ZodType<Scheme>;

export const activitySchema = z.strictObject({
  id: schemeIdSchema,
  area: z.enum(AREAS),
  description: text(300),
  issues: idSet(ISSUE_IDS),
  groups: idSet(GROUPS),
}) satisfies z.ZodType<Activity>;

/**
 * A whole catalogue: every record valid, ids unique, and every successor an existing other scheme
 * without a cycle (a cycle would send a reader of "continues as …" round in circles).
 */
export const catalogueSchema = z.array(schemeSchema).superRefine((schemes, context) => {
  const byId = new Map<string, Scheme>();
  schemes.forEach((scheme, index) => {
    if (byId.has(scheme.id)) context.addIssue({ code: "custom", message: `duplicate id ${scheme.id}`, path: [index, "id"] });
    byId.set(scheme.id, scheme);
  });
  schemes.forEach((scheme, index) => {
    const seen = new Set([scheme.id]);
    for (let next = scheme.successorId; next !== null; next = byId.get(next)?.successorId ?? null) {
      if (!byId.has(next)) {
        context.addIssue({ code: "custom", message: `unknown successor ${next}`, path: [index, "successorId"] });
        return;
      }
      if (seen.has(next)) {
        context.addIssue({ code: "custom", message: `successor cycle through ${next}`, path: [index, "successorId"] });
        return;
      }
      seen.add(next);
    }
  });
});
