import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../core/engine";
import type { AnswerValue, EngineEvent, Input, SessionState } from "../../../core/engine";
import { applicableItems } from "../../../core/questionnaire";
import type { Definition } from "../../../core/questionnaire";
import { defaultCatalogue, scoreCard, registration } from "../../../core/questionnaires";
import { ITEM_IDS, demo, engine } from "./fixture";

/** Text people might send: valid values, numerals in several scripts, and noise. */
const typed = fc.oneof(
  fc.constantFrom("owner", "worker", "yes", "no", "partly", "not yet", "na", "Kiran Foundry", "micro", "hi"),
  fc.constantFrom("0", "3", "5", "6", "-1", "2.5", "४", "(3)", "৫.", "۲", "௧", "1,000", "१२", "teen"),
  fc.string({ maxLength: 30 }),
);

const inputFor = (itemIds: string[]): fc.Arbitrary<Input> =>
  fc.oneof(
    { weight: 6, arbitrary: typed.map((value): Input => ({ type: "answer", value })) },
    { weight: 1, arbitrary: fc.record({ value: typed, itemId: fc.constantFrom(...itemIds) }).map((a): Input => ({ type: "answer", ...a })) },
    { weight: 1, arbitrary: fc.constant<Input>({ type: "back" }) },
    { weight: 1, arbitrary: fc.constant<Input>({ type: "skip" }) },
    { weight: 1, arbitrary: fc.constant<Input>({ type: "dont_know" }) },
    { weight: 1, arbitrary: fc.constant<Input>({ type: "status" }) },
    { weight: 1, arbitrary: fc.constantFrom(...itemIds).map((itemId): Input => ({ type: "reopen", itemId })) },
    { weight: 1, arbitrary: fc.constant<Input>({ type: "restart" }) },
  );

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
    const ids = definition === demo ? ITEM_IDS : applicableItems(definition, {}).map((i) => i.id);
    fc.assert(
      fc.property(fc.array(inputFor(ids), { maxLength: 60 }), (inputs) => {
        let second = 0;
        const now = () => new Date(Date.UTC(2025, 0, 1, 0, 0, ++second)).toISOString();
        const first = run.start({ id: definition.id, version: definition.version }, { now: now(), sessionId: "p" });
        const answers = new Map<string, AnswerValue>();
        let state = first.state;
        checkInvariants(definition, state, answers);
        for (const input of inputs) {
          const step = run.resume(state, input, { now: now() });
          replay(step.events, answers);
          if (step.events.some((e) => e.type === "input_rejected")) expect(step.state).toBe(state);
          expect(step.prompts.length).toBeGreaterThan(0);
          state = step.state;
          checkInvariants(definition, state, answers);
        }
      }),
      { numRuns: 150 },
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
