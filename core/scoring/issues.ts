/**
 * The seven issues of the ESR score card (SPEC §2), in the guide's order, plus the two optional
 * issues that only feed the classification (SPEC §4). The order matters: it breaks ties in the
 * priority for action.
 */
export const CORE_ISSUES = [
  "wages_benefits",
  "collective_bargaining",
  "hours_of_work",
  "working_conditions_child_labour",
  "air_pollution",
  "water_pollution",
  "noise_pollution",
] as const;

export const OPTIONAL_ISSUES = ["community_health", "generic_social_issues"] as const;

export type CoreIssue = (typeof CORE_ISSUES)[number];
export type OptionalIssue = (typeof OPTIONAL_ISSUES)[number];
export type Issue = CoreIssue | OptionalIssue;

/** Categories of Table 1.4, numbered as the guide prints them ("1EL", "2A", …). */
export const CATEGORIES = [
  { id: "labour", number: 1, issues: ["wages_benefits", "collective_bargaining", "hours_of_work", "working_conditions_child_labour"] },
  { id: "environment_energy", number: 2, issues: ["air_pollution", "water_pollution", "noise_pollution"] },
  { id: "community_health", number: 3, issues: ["community_health"] },
  { id: "social", number: 4, issues: ["generic_social_issues"] },
] as const satisfies readonly { id: string; number: number; issues: readonly Issue[] }[];

export type CategoryId = (typeof CATEGORIES)[number]["id"];

/** The three rating templates of Table 2.7. */
export const TEMPLATES = ["existence", "intensity", "efforts"] as const;
export type Template = (typeof TEMPLATES)[number];

/**
 * A rating is addressed as `issue.template`; the score card's item ids use the same form, so a
 * finished score card session is a response set without any mapping table.
 */
export type RatingKey = `${Issue}.${Template}`;

export function ratingKey(issue: Issue, template: Template): RatingKey {
  return `${issue}.${template}`;
}

/** The five economic ratings of Table 2.8, answered in the cluster profile. */
export const ECONOMIC_PARAMETERS = [
  "value_chain_importance",
  "raw_materials",
  "turnover",
  "exports",
  "employment",
] as const;
export type EconomicParameter = (typeof ECONOMIC_PARAMETERS)[number];

/** Every issue the score card can ask about: the seven core issues, then the optional ones. */
export const ISSUES: readonly Issue[] = [...CORE_ISSUES, ...OPTIONAL_ISSUES];

/** The 21 ratings of the core score card (7 issues × 3 templates), issue by issue. */
export const CORE_RATING_KEYS: readonly RatingKey[] = CORE_ISSUES.flatMap((issue) =>
  TEMPLATES.map((template) => ratingKey(issue, template)),
);

/** Every rating key, core and optional. */
export const RATING_KEYS: readonly RatingKey[] = ISSUES.flatMap((issue) =>
  TEMPLATES.map((template) => ratingKey(issue, template)),
);

const ratingKeySet: ReadonlySet<string> = new Set(RATING_KEYS);

/** Whether an item id names a rating, e.g. `air_pollution.intensity`. */
export function isRatingKey(key: string): key is RatingKey {
  return ratingKeySet.has(key);
}

/**
 * A usable rating: a finite number on the guide's 0–5 scale. Anything else (a corrupt value, a
 * stray string) is treated like "don't know" so that one bad value cannot poison a cluster's means.
 */
export function isRating(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 5;
}
