import type { Choice, Prompt } from "../../core/engine/types";
import { encodeAction } from "./actions";
import { combineReplies, literal, text, type Button, type Reply, type Text } from "./reply";

const isNumericScale = (choices: readonly Choice[]) =>
  choices.length > 2 && choices.every((choice) => /^\d+$/.test(choice.value));

/**
 * Turns an engine prompt into a reply with buttons. A 0–5 scale becomes one compact row of digits
 * with a legend for its ends (six long labels do not fit a cheap phone's screen); other choices get a
 * button each.
 */
export function presentPrompt(prompt: Prompt): Reply {
  const lines: Text[] = [];
  if (prompt.section) {
    lines.push(text(prompt.section.titleKey));
    if (prompt.section.introKey) lines.push(text(prompt.section.introKey));
  }
  if (prompt.progress) lines.push(text("bot:progress", prompt.progress));
  lines.push(text(prompt.key, prompt.params));
  if (prompt.helpKey) lines.push(text(prompt.helpKey));
  if (prompt.previousAnswer !== undefined) lines.push(previousAnswer(prompt));
  if (prompt.kind !== "question" || !prompt.itemId) return { lines };

  const itemId = prompt.itemId;
  const buttons: Button[][] = [];
  const choices = prompt.choices ?? [];
  if (isNumericScale(choices)) {
    const first = choices[0]!;
    const last = choices[choices.length - 1]!;
    lines.push(
      text("bot:scale_legend", {
        min: first.value,
        max: last.value,
        minLabel: text(first.key, first.params),
        maxLabel: text(last.key, last.params),
      }),
    );
    buttons.push(choices.map((choice) => answerButton(itemId, choice, { literal: choice.value })));
  } else {
    for (const choice of choices) buttons.push([answerButton(itemId, choice, text(choice.key, choice.params))]);
  }
  if (prompt.allowDontKnow) {
    buttons.push([{ label: text("bot:buttons.dont_know"), action: encodeAction({ type: "dont_know", itemId }) }]);
  }
  const navigation: Button[] = [];
  if (prompt.allowBack) navigation.push({ label: text("bot:buttons.back"), action: encodeAction({ type: "back" }) });
  if (prompt.allowSkip) {
    navigation.push({ label: text("bot:buttons.skip"), action: encodeAction({ type: "skip", itemId }) });
  }
  if (navigation.length > 0) buttons.push(navigation);
  return { lines, buttons };
}

/** Going back shows what was answered before, so a person can keep it or change it. */
function previousAnswer(prompt: Prompt): Text {
  const value = prompt.previousAnswer;
  if (value === null || value === undefined) return text("bot:previous_answer", { answer: text("bot:buttons.dont_know") });
  const choice = prompt.choices?.find((candidate) => candidate.value === String(value));
  const answer = choice && !/^\d+$/.test(choice.value) ? text(choice.key, choice.params) : literal(String(value));
  return text("bot:previous_answer", { answer });
}

function answerButton(itemId: string, choice: Choice, label: Text): Button {
  return { label, action: encodeAction({ type: "answer", itemId, value: choice.value }) };
}

/** The replies for an engine step's prompts, combined into as few messages as read well. */
export function presentPrompts(prompts: readonly Prompt[]): Reply[] {
  return combineReplies(prompts.map(presentPrompt));
}
