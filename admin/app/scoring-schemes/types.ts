import type { ScoringSchemeView } from "../../api/scoring-schemes/catalogue";

/** What `/api/scoring-schemes` answers: a scheme version's definition, whether it is active, built in, and when stored. */
export type ScoringSchemeRow = ScoringSchemeView;
