import { loadDefinition } from "../questionnaire";

/** Languages a respondent can choose, in the order offered (SPEC §2.1). */
export const LANGUAGES = ["en", "hi", "or", "te", "ta", "mr", "gu", "pa", "ml", "kn", "bn", "ur"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Who a respondent speaks for (SPEC §1). */
export const STAKEHOLDER_TYPES = [
  "core_firm_owner",
  "worker",
  "supplier",
  "buyer",
  "service_provider",
  "financial_institution",
  "ngo",
  "public_institution",
  "other",
] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

export const SIZE_CLASSES = ["micro", "small", "medium", "large"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

const k = (path: string) => `questionnaires:registration.${path}`;
const ownsFirm = { item: "stakeholder_type", equals: "core_firm_owner" };

/**
 * Registration (SPEC §2.1). The cluster is not asked: the channel knows it from the invite code.
 * Enterprise questions go only to core firm owners; everyone else answers four questions.
 */
export const registration = loadDefinition({
  id: "registration",
  version: 1,
  titleKey: k("title"),
  sections: [
    {
      id: "about_you",
      titleKey: k("sections.about_you"),
      items: [
        {
          id: "language",
          type: "choice",
          key: k("items.language"),
          options: LANGUAGES.map((value) => ({ value, key: k(`options.language.${value}`) })),
        },
        {
          id: "stakeholder_type",
          type: "choice",
          key: k("items.stakeholder_type"),
          options: STAKEHOLDER_TYPES.map((value) => ({ value, key: k(`options.stakeholder_type.${value}`) })),
        },
      ],
    },
    {
      id: "enterprise",
      titleKey: k("sections.enterprise"),
      when: ownsFirm,
      items: [
        { id: "enterprise_name", type: "text", key: k("items.enterprise_name"), maxLength: 120, meta: { personal: "yes" } },
        {
          id: "size_class",
          type: "choice",
          key: k("items.size_class"),
          helpKey: k("help.size_class"),
          options: SIZE_CLASSES.map((value) => ({ value, key: k(`options.size_class.${value}`) })),
        },
        {
          id: "workforce_total",
          type: "number",
          key: k("items.workforce_total"),
          optional: true,
          integer: true,
          min: 0,
        },
        {
          id: "workforce_women",
          type: "number",
          key: k("items.workforce_women"),
          optional: true,
          integer: true,
          min: 0,
          when: { item: "workforce_total", gte: 1 },
        },
      ],
    },
    {
      id: "consent",
      titleKey: k("sections.consent"),
      items: [
        {
          id: "consent",
          type: "choice",
          key: k("items.consent"),
          helpKey: k("help.consent"),
          options: [
            { value: "yes", key: k("options.consent.yes") },
            { value: "no", key: k("options.consent.no") },
          ],
        },
      ],
    },
  ],
});
