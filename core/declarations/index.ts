export { adherence, groupAdherence } from "./adherence";
export type { Adherence, GroupAdherence, PrincipleAdherence } from "./adherence";
export { ELEMENT_ANSWERS, fromAdherence, isElementAnswer, toAdherence } from "./answers";
export type { DeclaredAnswers, DeclaredElement, ElementAnswer } from "./answers";
export { CANONICAL_FORMAT, canonicalDeclaration, canonicalJson, normaliseText } from "./canonical";
export type { DeclarationContent } from "./canonical";
export { contentHash, sha256Hex, verifyContentHash } from "./hash";
export { checkPrincipleSet, elementCode, elementsOf, textKeys } from "./principle-set";
export type { ElementRef, Principle, PrincipleSet } from "./principle-set";
export {
  CONFIRMATION_QUESTIONNAIRE,
  DECLARANT_ROLES,
  DECLARATION_QUESTIONNAIRE,
  DECLARATION_QUESTIONNAIRES,
  declarationConfirmation,
  declarationQuestionnaire,
  declaredAnswers,
  elementItemId,
  principleSetOf,
  sessionAnswers,
} from "./questionnaire";
export type { DeclarantRole } from "./questionnaire";
export { newShortCode, SHORT_CODE_PATTERN } from "./short-code";
export { findPrincipleSet, nvgAnnexIII, PRINCIPLE_SETS } from "./sets";
