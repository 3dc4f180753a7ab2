import { CORE_ISSUES, OPTIONAL_ISSUES, TEMPLATES, ratingKey } from "../scoring/issues";
import type { Issue } from "../scoring/issues";
import { loadDefinition } from "../questionnaire";
import type { DefinitionInput } from "../questionnaire";

const k = (path: string) => `questionnaires:score_card.${path}`;

/** The six buttons of a template, 0 first, worded after the guide's templates (Table 2.7). */
const anchors = (template: string) => [0, 1, 2, 3, 4, 5].map((n) => k(`anchors.${template}.${n}`));

/** One section per issue: its three ratings in the order existence, intensity, efforts. */
function issueSection(issue: Issue, when?: DefinitionInput["sections"][number]["when"]) {
  return {
    id: issue,
    titleKey: k(`issues.${issue}.title`),
    introKey: k(`issues.${issue}.intro`),
    ...(when ? { when } : {}),
    items: TEMPLATES.map((template) => ({
      id: ratingKey(issue, template),
      type: "scale" as const,
      key: k(`items.${issue}.${template}`),
      anchors: anchors(template),
      dontKnow: true,
      meta: { issue, template },
    })),
  };
}

/**
 * The ESR score card (SPEC §2.2, guide §4.2.4 and Table 2.7): three 0–5 ratings for each of the
 * seven core issues, then, if the respondent agrees, the two optional issues that only feed the
 * classification. Item ids are rating keys (`wages_benefits.existence`), so a finished session is
 * a response set as it stands.
 */
export const scoreCard = loadDefinition({
  id: "score_card",
  version: 1,
  titleKey: k("title"),
  sections: [
    ...CORE_ISSUES.map((issue) => issueSection(issue)),
    {
      id: "more_issues",
      titleKey: k("sections.more_issues"),
      items: [
        {
          id: "optional_issues",
          type: "choice",
          key: k("items.optional_issues"),
          optional: true,
          options: [
            { value: "yes", key: k("options.optional_issues.yes") },
            { value: "no", key: k("options.optional_issues.no") },
          ],
        },
      ],
    },
    ...OPTIONAL_ISSUES.map((issue) => issueSection(issue, { item: "optional_issues", equals: "yes" })),
  ],
} satisfies DefinitionInput);
