import { loadDefinition } from "../../../core/questionnaire";
import type { DefinitionInput } from "../../../core/questionnaire";
import { createCatalogue } from "../../../core/questionnaires";
import { createEngine } from "../../../core/engine";
import type { EngineContext, Input, SessionState, Step } from "../../../core/engine";

const anchors = [0, 1, 2, 3, 4, 5].map((n) => `questionnaires:demo.anchors.${n}`);

const choice = (id: string, values: string[]) => ({
  id,
  type: "choice" as const,
  key: `questionnaires:demo.items.${id}`,
  options: values.map((value) => ({ value, key: `questionnaires:demo.options.${value}` })),
});

export const roleItem = choice("role", ["owner", "worker"]);
export const firmItem = {
  id: "firm",
  type: "text" as const,
  key: "questionnaires:demo.items.firm",
  maxLength: 20,
  when: { item: "role", equals: "owner" },
};
export const ratingItem = { id: "rating", type: "scale" as const, key: "questionnaires:demo.items.rating", anchors, dontKnow: true };
export const countItem = {
  id: "count",
  type: "number" as const,
  key: "questionnaires:demo.items.count",
  integer: true,
  min: 0,
  max: 1000,
  optional: true,
};
export const followUpSection = {
  id: "follow_up",
  titleKey: "questionnaires:demo.sections.follow_up",
  introKey: "questionnaires:demo.intros.follow_up",
  when: { item: "rating", gte: 3 },
  items: [
    { id: "detail", type: "text" as const, key: "questionnaires:demo.items.detail", optional: true },
    { id: "declare", type: "adherence" as const, key: "questionnaires:demo.items.declare", noteMaxLength: 30 },
  ],
};
export const finalItem = choice("final", ["yes", "no"]);
export const whoSection = {
  id: "who",
  titleKey: "questionnaires:demo.sections.who",
  items: [roleItem, firmItem, ratingItem, countItem],
};
export const endSection = { id: "end", titleKey: "questionnaires:demo.sections.end", items: [finalItem] };

/** A small questionnaire with every item type, a section condition and an item condition. */
export const demoInput = {
  id: "demo",
  version: 1,
  titleKey: "questionnaires:demo.title",
  sections: [whoSection, followUpSection, endSection],
} satisfies DefinitionInput;

export const demo = loadDefinition(demoInput);
export const catalogue = createCatalogue([demo]);
export const engine = createEngine(catalogue);
export const ITEM_IDS = ["role", "firm", "rating", "count", "detail", "declare", "final"];

let tick = 0;
/** A context one second after the previous one, so each step has its own time. */
export function ctx(): EngineContext {
  tick += 1;
  return { now: new Date(Date.UTC(2025, 0, 1, 0, 0, tick)).toISOString(), sessionId: "session-1" };
}

export function start(): Step {
  return engine.start({ id: "demo" }, ctx());
}

/** Applies inputs one after another and returns every step. */
export function run(state: SessionState, inputs: Input[]): Step[] {
  const steps: Step[] = [];
  let current = state;
  for (const input of inputs) {
    const step = engine.resume(current, input, ctx());
    steps.push(step);
    current = step.state;
  }
  return steps;
}

export const answer = (value: string, itemId?: string): Input =>
  itemId === undefined ? { type: "answer", value } : { type: "answer", value, itemId };

/** The last step of a run. */
export function last(steps: Step[]): Step {
  const step = steps.at(-1);
  if (!step) throw new Error("no steps");
  return step;
}
