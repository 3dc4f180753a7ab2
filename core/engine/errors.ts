/**
 * A call the engine cannot serve: an unknown questionnaire, a state that does not fit its
 * definition, an upgrade to another questionnaire. These are programming or data errors, never
 * something a respondent typed; what people type is always answered with a prompt.
 */
export class EngineError extends Error {
  override readonly name = "EngineError";
}
