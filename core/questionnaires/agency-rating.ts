import { applicableItems, loadDefinition } from "../questionnaire";
import type { AnswerValues, Definition, DefinitionInput } from "../questionnaire";

const k = (path: string) => `questionnaires:agency_rating.${path}`;

interface Criterion {
  id: string;
  points: number;
  /** The criterion this one adds to ("+2: four or more such professionals"); asked only after a yes. */
  after?: string;
}

/**
 * Table 2.10, row by row. Each yes earns the row's points; the three groups add up to 25, 45 and 30.
 * The table's "not having any reserves: 0" row is left out: it can earn nothing, and the two
 * financial rows that follow it already tell the difference.
 */
const GROUPS: readonly { id: string; criteria: readonly Criterion[] }[] = [
  {
    id: "institutional_strengths",
    criteria: [
      { id: "staff.three_graduates", points: 1 },
      { id: "staff.four_or_more", points: 2, after: "staff.three_graduates" },
      { id: "staff.technical_or_management", points: 2, after: "staff.three_graduates" },
      { id: "msme_experience.consultancy", points: 5 },
      { id: "msme_experience.training", points: 5 },
      { id: "finance.self_sustaining", points: 3 },
      { id: "finance.surplus", points: 2 },
      { id: "mandate.msme_development", points: 2 },
      { id: "mandate.not_for_profit", points: 3 },
    ],
  },
  {
    id: "cluster_competencies",
    criteria: [
      { id: "cd_projects.one_project", points: 5 },
      { id: "cd_projects.three_years", points: 5, after: "cd_projects.one_project" },
      { id: "cd_projects.executives", points: 5 },
      { id: "bds.paid_three_years", points: 5 },
      { id: "bds.core_activity", points: 5 },
      { id: "bds.specialists", points: 5 },
      { id: "see.one_year", points: 2 },
      { id: "see.three_years", points: 3, after: "see.one_year" },
      { id: "see.cluster_social_issues", points: 5 },
      { id: "see.specialists", points: 5 },
    ],
  },
  {
    id: "implementation_capabilities",
    criteria: [
      { id: "support.joint_project", points: 2 },
      { id: "support.sustained_collaboration", points: 3, after: "support.joint_project" },
      { id: "support.public_private_partnership", points: 5 },
      { id: "networking.officials_on_board", points: 2 },
      { id: "networking.joint_projects", points: 3 },
      { id: "location.hq_in_state", points: 5 },
      { id: "location.district_office", points: 5 },
      { id: "location.nearby_office", points: 5 },
    ],
  },
];

/**
 * The implementing agency rating (SPEC §2.5, guide Table 2.10): a yes/no checklist worth 100
 * points, answered by an admin or CDA about an agency. Each item carries its `points` and `group`.
 */
export const agencyRating = loadDefinition({
  id: "agency_rating",
  version: 1,
  titleKey: k("title"),
  sections: GROUPS.map((group) => ({
    id: group.id,
    titleKey: k(`sections.${group.id}`),
    items: group.criteria.map((criterion) => ({
      id: criterion.id,
      type: "choice" as const,
      key: k(`items.${criterion.id}`),
      options: ["yes", "no"].map((value) => ({ value, key: k(`options.${value}`) })),
      meta: { points: criterion.points, group: group.id },
      ...(criterion.after ? { when: { item: criterion.after, equals: "yes" } } : {}),
    })),
  })),
} satisfies DefinitionInput);

/**
 * An agency's score out of 100: the points of every applicable item answered yes. The guide
 * gives no bands for this total; agencies are compared by the number itself.
 *
 * @example agencyRatingTotal(agencyRating, { "staff.three_graduates": "yes", "staff.four_or_more": "yes" }) // 3
 */
export function agencyRatingTotal(definition: Definition, answers: AnswerValues): number {
  return applicableItems(definition, answers)
    .filter((item) => answers[item.id] === "yes")
    .reduce((total, item) => total + (typeof item.meta.points === "number" ? item.meta.points : 0), 0);
}
