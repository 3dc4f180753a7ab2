import { ADHERENCE_VALUES, findItem } from "../questionnaire";
import type { Definition, Item } from "../questionnaire";
import { EngineError } from "./errors";
import { applicable, dropInapplicable, firstMissingRequired } from "./navigation";
import type { EngineContext, EngineEvent, SessionState, StoredAnswer } from "./types";

/** Whether a stored answer is still a valid answer to the (possibly changed) item. */
function fits(item: Item, answer: StoredAnswer): boolean {
  const { value, note } = answer;
  if (value === null) return item.dontKnow;
  if (note !== undefined && (item.type !== "adherence" || !item.note || [...note].length > item.noteMaxLength)) {
    return false;
  }
  switch (item.type) {
    case "scale":
      return typeof value === "number" && Number.isInteger(value) && value >= item.min && value <= item.max;
    case "number":
      return (
        typeof value === "number" &&
        (!item.integer || Number.isInteger(value)) &&
        (item.min === undefined || value >= item.min) &&
        (item.max === undefined || value <= item.max)
      );
    case "choice":
      return item.options.some((o) => o.value === value);
    case "text":
      return typeof value === "string" && [...value].length <= item.maxLength;
    case "adherence":
      return ADHERENCE_VALUES.some((v) => v === value);
  }
}

/**
 * Moves a session to a newer version of its questionnaire. Answers are kept where the item still
 * exists and the answer is still valid for it (same kind of value, within range, a listed option);
 * every other answer is dropped with an `answer_cleared` event. An open session keeps its place
 * if that item still applies; a finished one stays finished unless the new version asks something
 * required it has no answer for, in which case it is reopened at that item.
 *
 * @throws EngineError for another questionnaire or an older version.
 */
export function upgradeState(
  state: SessionState,
  definition: Definition,
  ctx: EngineContext,
): { state: SessionState; events: EngineEvent[] } {
  const from = `${state.questionnaire.id} v${state.questionnaire.version}`;
  if (definition.id !== state.questionnaire.id) {
    throw new EngineError(`cannot move a ${from} session to ${definition.id}`);
  }
  if (definition.version < state.questionnaire.version) {
    throw new EngineError(`cannot move a ${from} session back to v${definition.version}`);
  }
  const at = ctx.now;
  const events: EngineEvent[] = [];
  const valid: Record<string, StoredAnswer> = {};
  for (const [itemId, stored] of Object.entries(state.answers)) {
    const entry = findItem(definition, itemId);
    if (entry && fits(entry.item, stored)) valid[itemId] = stored;
    else events.push({ type: "answer_cleared", at, itemId, previous: stored.value });
  }
  const pruned = dropInapplicable(definition, valid, at);
  events.push(...pruned.events);
  const answers = pruned.answers;
  const asked = applicable(definition, answers);
  const stillAsked = new Set(asked.map((i) => i.id));
  const base: SessionState = {
    ...state,
    questionnaire: { id: definition.id, version: definition.version },
    answers,
    trail: state.trail.filter((id) => stillAsked.has(id)),
    updatedAt: at,
  };

  const missing = firstMissingRequired(definition, answers);
  if (state.status === "completed") {
    if (missing === null) return { state: base, events };
    events.push({ type: "reopened", at, itemId: missing });
    return { state: { ...base, status: "active", cursor: missing, trail: [], reopenedItem: missing }, events };
  }

  const reopening = state.reopenedItem !== null;
  const keepsPlace = state.cursor !== null && stillAsked.has(state.cursor);
  const cursor = keepsPlace
    ? state.cursor
    : reopening
      ? missing
      : (asked.find((i) => answers[i.id] === undefined)?.id ?? null);
  if (cursor !== null) {
    // A reopened session stays in its "change one answer" mode even if the reopened item is gone.
    const reopenedItem = reopening ? (stillAsked.has(state.reopenedItem ?? "") ? state.reopenedItem : cursor) : null;
    return { state: { ...base, cursor, reopenedItem }, events };
  }
  events.push({ type: "completed", at });
  return {
    state: {
      ...base,
      status: "completed",
      cursor: null,
      trail: [],
      reopenedItem: null,
      completedAt: state.completedAt ?? at,
    },
    events,
  };
}
