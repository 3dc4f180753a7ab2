/**
 * A questionnaire definition that cannot be used. The message names the definition and, where
 * there is one, the item: `score_card v1, item "air_pollution.intensity": anchors must cover 0..5`.
 */
export class DefinitionError extends Error {
  override readonly name = "DefinitionError";

  constructor(
    readonly definition: string,
    readonly itemId: string | null,
    readonly problem: string,
  ) {
    super(`${definition}${itemId === null ? "" : `, item "${itemId}"`}: ${problem}`);
  }
}
