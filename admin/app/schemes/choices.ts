import { AREAS, GROUPS, SOURCES, STATUSES, TOPICS } from "../../../core/schemes/types";
import { CATEGORIES, CORE_ISSUES, OPTIONAL_ISSUES } from "../../../core/scoring/issues";

/** Vocabulary labels come from the `schemes` namespace, worded as the bots word them. */
const choices = (ids: readonly string[], group: string) => ids.map((id) => ({ id, name: `schemes:${group}.${id}` }));

export const statusChoices = choices(STATUSES, "status");
export const sourceChoices = choices(SOURCES, "sources");
export const groupChoices = choices(GROUPS, "groups");
export const areaChoices = choices(AREAS, "areas");
export const topicChoices = choices(TOPICS, "topics");
export const issueChoices = choices([...CORE_ISSUES, ...OPTIONAL_ISSUES], "issues");
export const categoryChoices = choices(
  CATEGORIES.map((category) => category.id),
  "categories",
);

/** Every tag list of a scheme, with its choices, in the order the form and the page show them. */
export const TAG_FIELDS = [
  { source: "categories", choices: categoryChoices },
  { source: "issues", choices: issueChoices },
  { source: "topics", choices: topicChoices },
  { source: "groups", choices: groupChoices },
  { source: "areas", choices: areaChoices },
] as const;
