import type { CategoryId, Issue } from "../scoring/issues";
import type { Area, Group, SchemeTags, Topic } from "./types";

/**
 * One tag as the database and the ranking see it: vocabulary and id, e.g. `issue:air_pollution`.
 * The vocabularies share some ids (`community_health` is a category and an issue), hence the prefix.
 */
export type TagKey =
  | `category:${CategoryId}`
  | `issue:${Issue}`
  | `topic:${Topic}`
  | `group:${Group}`
  | `area:${Area}`;

/** Every tag of a scheme, in a fixed order. */
export function tagKeysOf(tags: SchemeTags): TagKey[] {
  return [
    ...tags.categories.map((id) => `category:${id}` as const),
    ...tags.issues.map((id) => `issue:${id}` as const),
    ...tags.topics.map((id) => `topic:${id}` as const),
    ...tags.groups.map((id) => `group:${id}` as const),
    ...tags.areas.map((id) => `area:${id}` as const),
  ];
}

/**
 * The tags as one space-delimited string with a space at each end, stored beside the JSON columns so
 * that SQL can test a tag with `instr(tag_keys, ' issue:air_pollution ')`: far cheaper per row than
 * `json_each`, and the same on SQLite and D1.
 */
export function tagKeyText(tags: SchemeTags): string {
  return ` ${tagKeysOf(tags).join(" ")} `;
}

/** The needle that finds `tag` in a `tagKeyText` string. */
export function tagNeedle(tag: TagKey): string {
  return ` ${tag} `;
}

/** Words that ids alone do not carry, so that plain-language queries reach the tag through full text. */
const EXTRA_WORDS: Partial<Record<TagKey, string>> = {
  "group:sc_st_obc": "scheduled castes scheduled tribes other backward classes",
  "group:msmes": "msme small enterprises",
  "group:disabled": "disability",
  "group:elderly": "older persons senior citizens",
  "issue:generic_social_issues": "alcoholism addiction",
  "area:generic_social": "alcoholism addiction",
  "topic:credit": "loan",
  "topic:skills": "training",
  "topic:childcare": "creche",
};

/**
 * English words for the full-text index's `tags` column: each tag's id split into words, plus a few
 * everyday words for it. Repeats are dropped so that a scheme with many tags is not favoured by bm25.
 */
export function tagSearchText(tags: SchemeTags): string {
  const words = new Set<string>();
  for (const tag of tagKeysOf(tags)) {
    const id = tag.slice(tag.indexOf(":") + 1);
    for (const word of `${id.replaceAll("_", " ")} ${EXTRA_WORDS[tag] ?? ""}`.split(" ")) if (word) words.add(word);
  }
  return [...words].join(" ");
}
