import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../core/engine";
import type { AnswerValue, EngineEvent, Input, Prompt, SessionState } from "../../../core/engine";
import { applicableItems, items } from "../../../core/questionnaire";
import type { Definition } from "../../../core/questionnaire";
import { defaultCatalogue, scoreCard, registration } from "../../../core/questionnaires";
import { ITEM_IDS, demo, engine } from "./fixture";

/** Text people might send: numerals in several scripts, words, and noise. */
const typed = fc.oneof(
  fc.constantFrom("0", "3", "5", "6", "-1", "2.5", "४", "(3)", "৫.", "۲", "௧", "1,000", "१२", "teen", "yes", "partly: soon"),
  fc.string({ maxLength: 30 }),
);

/**
 * What a person does next. `pick` answers the open question with one of its buttons (or a small
 * number for typed items), so conversations get deep enough to change earlier answers.
 */
type Action = { pick: number } | { typed: string } | { stale: string; value: string } | Input;

const actionFor = (itemIds: string[]): fc.Arbitrary<Action> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.nat().map((pick): Action => ({ pick })) },
    { weight: 2, arbitrary: typed.map((text): Action => ({ typed: text })) },
    { weight: 1, arbitrary: fc.record({ stale: fc.constantFrom(...itemIds), value: typed }) },
    { weight: 3, arbitrary: fc.constant<Action>({ type: "back" }) },
    { weight: 1, arbitrary: fc.constant<Action>({ type: "skip" }) },
    { weight: 1, arbitrary: fc.constant<Action>({ type: "dont_know" }) },
    { weight: 1, arbitrary: fc.constant<Action>({ type: "status" }) },
    { weight: 2, arbitrary: fc.constantFrom(...itemIds).map((itemId): Action => ({ type: "reopen", itemId })) },
    { weight: 1, arbitrary: fc.constant<Action>({ type: "restart" }) },
  );

function toInput(action: Action, prompts: Prompt[]): Input {
  if ("pick" in action) {
    const choices = prompts.find((p) => p.kind === "question")?.choices;
    const value = choices ? (choices[action.pick % choices.length]?.value ?? "") : String(action.pick % 50);
    return { type: "answer", value };
  }
  if ("typed" in action) return { type: "answer", value: action.typed };
  if ("stale" in action) return { type: "answer", value: action.value, itemId: action.stale };
  return action;
}

/** Replays answer events onto a map: what the events say the answers are. */
function replay(events: EngineEvent[], into: Map<string, AnswerValue>): void {
  for (const event of events) {
    if (event.type === "answer_set") into.set(event.itemId, event.value);
    if (event.type === "answer_cleared") into.delete(event.itemId);
  }
}

function checkInvariants(definition: Definition, state: SessionState, fromEvents: Map<string, AnswerValue>): void {
  const values = Object.fromEntries(Object.entries(state.answers).map(([id, a]) => [id, a.value]));
  const applicable = applicableItems(definition, values);
  const applicableIds = new Set(applicable.map((i) => i.id));
  expect(Object.fromEntries(fromEvents)).toEqual(values);
  for (const id of Object.keys(state.answers)) expect(applicableIds.has(id)).toBe(true);
  for (const id of state.trail) expect(applicableIds.has(id)).toBe(true);
  expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  if (state.status === "active") {
    expect(state.cursor).not.toBeNull();
    expect(applicableIds.has(state.cursor ?? "")).toBe(true);
  } else {
    expect(state.cursor).toBeNull();
    for (const item of applicable) if (!item.optional) expect(state.answers).toHaveProperty(item.id);
  }
}

describe("random conversations", () => {
  const cases: [string, Definition][] = [
    ["demo", demo],
    ["registration", registration],
    ["score_card", scoreCard],
  ];

  it.each(cases)("on %s never throw, never lose an answer, always leave a valid state", (_name, definition) => {
    const run = definition === demo ? engine : createEngine(defaultCatalogue);
    const ids = definition === demo ? ITEM_IDS : items(definition).map((i) => i.id);
    fc.assert(
      fc.property(fc.array(actionFor(ids), { minLength: 10, maxLength: 80, size: "max" }), (actions) => {
        let second = 0;
        const now = () => new Date(Date.UTC(2025, 0, 1, 0, 0, ++second)).toISOString();
        const first = run.start({ id: definition.id, version: definition.version }, { now: now(), sessionId: "p" });
        const answers = new Map<string, AnswerValue>();
        let state = first.state;
        let prompts = first.prompts;
        checkInvariants(definition, state, answers);
        for (const action of actions) {
          const step = run.resume(state, toInput(action, prompts), { now: now() });
          prompts = step.prompts;
          replay(step.events, answers);
          if (step.events.some((e) => e.type === "input_rejected")) expect(step.state).toBe(state);
          expect(step.prompts.length).toBeGreaterThan(0);
          state = step.state;
          checkInvariants(definition, state, answers);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reaches completion with every required item answered when people answer what is asked", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (picks) => {
        let second = 0;
        const now = () => new Date(Date.UTC(2025, 0, 1, 0, 0, ++second)).toISOString();
        let step = engine.start({ id: "demo" }, { now: now(), sessionId: "p" });
        for (const pick of picks) {
          if (step.state.status === "completed") break;
          const prompt = step.prompts.find((p) => p.kind === "question");
          const choices = prompt?.choices;
          const value = choices ? (choices[pick % choices.length]?.value ?? "") : String(pick % 100);
          step = engine.resume(step.state, { type: "answer", value }, { now: now() });
        }
        expect(step.state.status).toBe("completed");
        const values = Object.fromEntries(Object.entries(step.state.answers).map(([id, a]) => [id, a.value]));
        for (const item of applicableItems(demo, values)) {
          if (!item.optional) expect(step.state.answers[item.id]).toBeDefined();
        }
      }),
    );
  });
});
