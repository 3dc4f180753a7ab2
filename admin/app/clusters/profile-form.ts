import { items } from "../../../core/questionnaire";
import type { Item } from "../../../core/questionnaire";
import { clusterProfile } from "../../../core/questionnaires";
import type { ClusterRecord } from "./types";

/** Profile answers the cluster record itself holds; the form edits them there, the API copies them in. */
const ON_THE_CLUSTER = new Set(["state", "district", "latitude", "longitude", "principal_products"]);

/** Sections of the profile questionnaire with the items the form asks, in the questionnaire's order. */
export const profileSections = clusterProfile.sections
  .map((section) => ({ ...section, items: section.items.filter((item) => !ON_THE_CLUSTER.has(item.id)) }))
  .filter((section) => section.items.length > 0);

/**
 * Form field name of a profile item. Item ids contain dots (`economic.turnover`), which the form
 * library reads as nesting, so they are flattened.
 */
export function fieldOf(item: Item): string {
  return `profile__${item.id.replace(/\./g, "__")}`;
}

const BASIC_FIELDS = ["name", "sector", "state", "district", "latitude", "longitude", "principalProducts", "defaultLocale"] as const;

export type ClusterFormValues = { id?: string } & Record<string, string | number | boolean | null | undefined>;

/** The record as the form holds it. */
export function toFormValues(record: ClusterRecord): ClusterFormValues & { id: string } {
  const values: ClusterFormValues & { id: string } = { id: record.id, archived: record.archived };
  for (const field of BASIC_FIELDS) values[field] = record[field];
  for (const item of items(clusterProfile)) {
    const answer = record.profile[item.id];
    if (answer !== undefined && answer !== null) values[fieldOf(item)] = answer;
  }
  return values;
}

function cleaned(value: unknown): string | number | boolean | null {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return value;
  return null;
}

/** What the API takes back: the editable fields and the profile answers, empty ones left out. */
export function fromFormValues(values: ClusterFormValues) {
  const body: Record<string, unknown> = {};
  for (const field of BASIC_FIELDS) body[field] = cleaned(values[field]);
  if (body.defaultLocale === null) delete body.defaultLocale;
  if (typeof values.inviteCode === "string" && values.inviteCode.trim() !== "") body.inviteCode = values.inviteCode.trim();
  if (typeof values.archived === "boolean") body.archived = values.archived;
  const profile: Record<string, string | number> = {};
  for (const item of items(clusterProfile)) {
    const value = cleaned(values[fieldOf(item)]);
    if (typeof value === "string" || typeof value === "number") profile[item.id] = value;
  }
  body.profile = profile;
  return body;
}
