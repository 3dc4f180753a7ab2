import { z } from "zod";
import { STATES } from "../../../core/questionnaires";
import { SECTORS } from "../../../core/scoring";
import { LANGUAGES } from "../../../locales/languages";
import { booleanFilter, idsFilter } from "../list-params";
import { INVITE_CODE_PATTERN } from "./invite";
import { clusterProfileSchema } from "./profile-schema";

const languageCodes = LANGUAGES.map((language) => language.code) as [string, ...string[]];

/** `1EL` (a category and its class) or just `EL` (that class in any category). */
const classFilter = z.string().regex(/^[1-4]?(B|A|EL|EM|EH)$/, "a class such as EL, or a category and class such as 1EL");

export const clusterFilterSchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  id: idsFilter,
  state: z.enum(STATES).optional(),
  district: z.string().trim().max(80).optional(),
  sector: z.enum(SECTORS).optional(),
  mapCell: z.coerce.number().int().min(1).max(9).optional(),
  provisional: booleanFilter,
  class: classFilter.optional(),
  /** Archived clusters are hidden unless asked for. */
  archived: booleanFilter,
});

export type ClusterFilter = z.infer<typeof clusterFilterSchema>;

export const CLUSTER_SORT_FIELDS = [
  "id",
  "name",
  "state",
  "district",
  "sector",
  "createdAt",
  "consolidated",
  "awareness",
  "intensity",
  "engagement",
  "economic",
  "brSignificance",
  "mapCell",
  "priorityRank",
  "provisional",
  "classes",
  "countedRespondents",
  "excludedRespondents",
  "eligibleFor",
] as const;

export type ClusterSortField = (typeof CLUSTER_SORT_FIELDS)[number];

const editable = {
  name: z.string().trim().min(1).max(200),
  sector: z.enum(SECTORS).nullable().optional(),
  state: z.enum(STATES).nullable().optional(),
  district: z.string().trim().max(80).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  principalProducts: z.string().trim().max(300).nullable().optional(),
  defaultLocale: z.enum(languageCodes).optional(),
  profile: clusterProfileSchema.optional(),
};

export const newClusterSchema = z.object({
  ...editable,
  /** Left out, a code is made up; given, it must suit a Telegram link. */
  inviteCode: z
    .string()
    .trim()
    .regex(INVITE_CODE_PATTERN, "4 to 32 letters, digits, _ or -")
    .optional(),
});

/**
 * An edit. react-admin sends the whole record back, computed fields included; those are dropped
 * here (zod strips keys it does not know), the editable ones are validated.
 */
export const clusterPatchSchema = z.object({ ...editable, name: editable.name.optional(), archived: z.boolean().optional() });
