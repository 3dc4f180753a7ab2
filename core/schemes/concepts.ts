import type { TagKey } from "./tags";

/**
 * What people ask for, independent of the language they ask in. The keyword tables map words in each
 * language to these concepts; a concept maps to the tags it means. `match` lists alternatives, each a
 * set of tags that must all be present: "child labour" needs the combined working-conditions issue AND
 * children, so that a plain working-conditions scheme does not pass for a child-labour one.
 */
export const CONCEPTS = {
  child_labour: [["issue:working_conditions_child_labour", "group:children"]],
  women: [["group:women"]],
  health: [["issue:community_health"], ["area:health_care"]],
  energy: [["area:energy"]],
  pollution: [["issue:air_pollution"], ["issue:water_pollution"], ["issue:noise_pollution"]],
  water: [["issue:water_pollution"]],
  air: [["issue:air_pollution"]],
  noise: [["issue:noise_pollution"]],
  wages: [["issue:wages_benefits"]],
  working_hours: [["issue:hours_of_work"]],
  safety: [["issue:working_conditions_child_labour", "group:workers"]],
  insurance: [["topic:insurance"]],
  credit: [["topic:credit"]],
  skills: [["topic:skills"]],
  artisans: [["group:artisans"]],
  workers: [["group:workers"]],
  children: [["group:children"]],
  education: [["topic:education"], ["area:education"]],
  housing: [["topic:housing"]],
  pension: [["topic:pension"]],
  disability: [["group:disabled"]],
  elderly: [["group:elderly"]],
  youth: [["group:youth"]],
  union: [["issue:collective_bargaining"]],
  waste: [["topic:waste"]],
  childcare: [["topic:childcare"]],
  addiction: [["issue:generic_social_issues"]],
  msmes: [["group:msmes"]],
  caste: [["group:sc_st_obc"]],
  minorities: [["group:minorities"]],
  north_east: [["group:north_east"]],
} as const satisfies Record<string, readonly (readonly TagKey[])[]>;

export type ConceptId = keyof typeof CONCEPTS;

export const CONCEPT_IDS = Object.keys(CONCEPTS) as ConceptId[];

/**
 * The concepts every language's table must cover (the rest are covered where the words are common);
 * a test holds the tables to it.
 */
export const CORE_CONCEPTS = [
  "child_labour",
  "women",
  "health",
  "energy",
  "pollution",
  "water",
  "air",
  "noise",
  "wages",
  "working_hours",
  "safety",
  "insurance",
  "credit",
  "skills",
  "artisans",
  "workers",
  "children",
  "education",
  "housing",
  "pension",
  "disability",
] as const satisfies readonly ConceptId[];
