import { defineSchemes } from "./define";

/**
 * Schemes the guide's Section I §10 names as examples of social-sector support for clusters that Annex I
 * does not list. Its other two examples, Industrial Pollution Abatement and Adult Education and Skill
 * Development, are Annex I entries.
 */
export const SECTION_I_SCHEMES = defineSchemes("section_i", [
  {
    id: "nrhm-rural-health",
    name: "Special Health Scheme for Rural Areas (National Rural Health Mission)",
    ministry: "Ministry of Health and Family Welfare",
    objective:
      "Extends health services to rural and dense urban-slum populations, and helps voluntary organisations open or improve hospitals and dispensaries in rural areas.",
    categories: ["community_health"],
    issues: ["community_health"],
    groups: ["workers"],
    areas: ["health_care"],
    status: "merged",
    successorId: "national-health-mission",
    statusNote: "A sub-mission of the National Health Mission since 2013.",
  },
]);
