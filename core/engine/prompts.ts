import { ADHERENCE_VALUES, findItem } from "../questionnaire";
import type { Definition, Item } from "../questionnaire";
import { EngineError } from "./errors";
import { applicable, progressOf } from "./navigation";
import type { Answers } from "./navigation";
import type { Choice, Prompt, PromptKind, PromptParams, SessionState } from "./types";

/** The buttons an item offers. Number and text items are typed, so they offer none. */
function choicesFor(item: Item): Choice[] | undefined {
  switch (item.type) {
    case "scale":
      return item.anchors.map((key, i) => ({ value: String(item.min + i), key }));
    case "choice":
      return item.options.map((o) => ({ value: o.value, key: o.key }));
    case "adherence":
      return ADHERENCE_VALUES.map((value) => ({ value, key: `engine:adherence.${value}` }));
    case "number":
    case "text":
      return undefined;
  }
}

/** Limits a channel may show next to the question ("0 to 5", "up to 120 letters"). */
function paramsFor(item: Item): PromptParams {
  switch (item.type) {
    case "scale":
      return { min: item.min, max: item.max };
    case "number": {
      const params: PromptParams = {};
      if (item.min !== undefined) params.min = item.min;
      if (item.max !== undefined) params.max = item.max;
      return params;
    }
    case "text":
      return { max: item.maxLength };
    case "adherence":
      return item.note ? { max: item.noteMaxLength } : {};
    case "choice":
      return {};
  }
}

/** Whether the item opens its section, given the items that apply. */
function opensSection(definition: Definition, answers: Answers, item: Item): boolean {
  const items = applicable(definition, answers);
  const before = items[items.findIndex((i) => i.id === item.id) - 1];
  return !before || findItem(definition, before.id)?.section !== findItem(definition, item.id)?.section;
}

/** The question for the state's cursor. */
export function questionPrompt(definition: Definition, state: SessionState): Prompt {
  const entry = state.cursor === null ? undefined : findItem(definition, state.cursor);
  if (!entry) throw new EngineError(`no question to ask in ${definition.id} v${definition.version}`);
  const { item, section } = entry;
  const prompt: Prompt = {
    kind: "question",
    key: item.key,
    params: paramsFor(item),
    itemId: item.id,
    progress: progressOf(definition, state.answers, item.id),
    allowDontKnow: item.dontKnow,
    allowSkip: item.optional,
    allowBack: state.trail.length > 0,
  };
  const choices = choicesFor(item);
  if (choices) prompt.choices = choices;
  if (item.helpKey) prompt.helpKey = item.helpKey;
  if (opensSection(definition, state.answers, item)) {
    prompt.section = { id: section.id, titleKey: section.titleKey };
    if (section.introKey) prompt.section.introKey = section.introKey;
  }
  const stored = state.answers[item.id];
  if (stored) prompt.previousAnswer = stored.value;
  return prompt;
}

/** How many applicable items have an answer, how many of those are "don't know", out of how many. */
export function tally(definition: Definition, answers: Answers) {
  const items = applicable(definition, answers);
  const given = items.filter((i) => answers[i.id] !== undefined);
  return {
    answered: given.length,
    dontKnow: given.filter((i) => answers[i.id]?.value === null).length,
    total: items.length,
  };
}

export function completedPrompt(definition: Definition, state: SessionState): Prompt {
  return { kind: "completed", key: "engine:completed", params: tally(definition, state.answers) };
}

export function statusPrompt(definition: Definition, state: SessionState): Prompt {
  const { answered, total } = tally(definition, state.answers);
  return { kind: "status", key: "engine:status", params: { answered, total } };
}

/** What the person is looking at: the open question, or the summary of a finished questionnaire. */
export function currentView(definition: Definition, state: SessionState): Prompt {
  return state.status === "completed" ? completedPrompt(definition, state) : questionPrompt(definition, state);
}

/** A one-line notice (invalid, stale, …) about the item at the cursor. */
export function notice(kind: PromptKind, key: string, params: PromptParams, itemId: string | null): Prompt {
  return itemId === null ? { kind, key, params } : { kind, key, params, itemId };
}
