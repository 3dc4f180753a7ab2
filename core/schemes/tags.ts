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
 * The bit of every tag in a scheme's `tag_mask`, by position in this list. Ranking tests a tag with
 * `(tag_mask & bit) <> 0`, an integer operation per row, several times cheaper than testing strings.
 * Stored masks depend on these positions: new tags are appended, never inserted or reordered (a test
 * holds the list to the vocabularies, and at most 52 tags fit a JavaScript integer exactly).
 */
export const TAG_BITS: readonly TagKey[] = [
  "category:labour",
  "category:environment_energy",
  "category:community_health",
  "category:social",
  "issue:wages_benefits",
  "issue:collective_bargaining",
  "issue:hours_of_work",
  "issue:working_conditions_child_labour",
  "issue:air_pollution",
  "issue:water_pollution",
  "issue:noise_pollution",
  "issue:community_health",
  "issue:generic_social_issues",
  "topic:credit",
  "topic:insurance",
  "topic:pension",
  "topic:housing",
  "topic:skills",
  "topic:education",
  "topic:childcare",
  "topic:waste",
  "group:women",
  "group:children",
  "group:sc_st_obc",
  "group:disabled",
  "group:elderly",
  "group:youth",
  "group:minorities",
  "group:north_east",
  "group:artisans",
  "group:msmes",
  "group:workers",
  "area:socio_economic",
  "area:labour_welfare",
  "area:health_care",
  "area:education",
  "area:women_children",
  "area:environment",
  "area:energy",
  "area:generic_social",
  "area:weaker_sections",
];

const BIT_OF = new Map(TAG_BITS.map((tag, position) => [tag, 2 ** position]));

/** The mask bit of one tag. */
export function tagBit(tag: TagKey): number {
  const bit = BIT_OF.get(tag);
  if (bit === undefined) throw new Error(`tag without a mask bit: ${tag}`);
  return bit;
}

/** A mask with the bits of all `tags` set (0 for none). */
export function maskOf(tags: Iterable<TagKey>): number {
  let mask = 0;
  for (const tag of new Set(tags)) mask += tagBit(tag);
  return mask;
}

/** The `tag_mask` stored for a scheme. */
export function tagMask(tags: SchemeTags): number {
  return maskOf(tagKeysOf(tags));
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
