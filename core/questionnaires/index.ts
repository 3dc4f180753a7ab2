import { items } from "../questionnaire";
import type { Catalogue } from "./catalogue";
import { DECLARATION_QUESTIONNAIRES, declarationConfirmation } from "../declarations/questionnaire";
import { agencyRating } from "./agency-rating";
import { createCatalogue } from "./catalogue";
import { clusterProfile } from "./cluster-profile";
import { registration } from "./registration";
import { scoreCard } from "./score-card";

export { agencyRating, agencyRatingTotal } from "./agency-rating";
export { createCatalogue } from "./catalogue";
export type { Catalogue } from "./catalogue";
export { clusterProfile, NORTH_EAST_STATES, STATES } from "./cluster-profile";
export type { State } from "./cluster-profile";
export { LANGUAGES, registration, SIZE_CLASSES, STAKEHOLDER_TYPES } from "./registration";
export type { Language, SizeClass, StakeholderType } from "./registration";
export { scoreCard } from "./score-card";

/**
 * Items that hold personal data (marked `meta.personal` in their definitions), erased when a person
 * asks to be forgotten while their other answers stay in the scores.
 */
export function personalItemIds(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.all().flatMap((definition) => items(definition).filter((item) => item.meta.personal === "yes").map((item) => item.id)))];
}

/** The questionnaires the product ships. */
export const defaultCatalogue = createCatalogue([
  registration,
  scoreCard,
  clusterProfile,
  agencyRating,
  ...DECLARATION_QUESTIONNAIRES,
  declarationConfirmation,
]);
