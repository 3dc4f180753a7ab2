import { describe, expect, it } from "vitest";
import { EngineError, createEngine } from "../../../core/engine";
import type { Prompt, SessionState, Step } from "../../../core/engine";
import { createCatalogue } from "../../../core/questionnaires";
import { answer, ctx, demo, engine, last, run, start } from "./fixture";

const question = (step: Step): Prompt => {
  const prompt = step.prompts.find((p) => p.kind === "question");
  if (!prompt) throw new Error(`no question in ${JSON.stringify(step.prompts)}`);
  return prompt;
};
const cursorAfter = (steps: Step[]) => last(steps).state.cursor;

/** A completed demo session: owner "Kiran Foundry", rating 4, count 12, detail skipped, declare partly, final yes. */
function completed(): SessionState {
  const steps = run(start().state, [
    answer("owner"),
    answer("Kiran Foundry"),
    answer("4"),
    answer("12"),
    { type: "skip" },
    answer("partly"),
    answer("yes"),
  ]);
  return last(steps).state;
}

describe("start", () => {
  it("asks the first item and records the start", () => {
    const step = start();
    expect(step.events).toEqual([
      { type: "session_started", at: step.state.startedAt, questionnaire: { id: "demo", version: 1 } },
    ]);
    expect(step.prompts).toHaveLength(1);
    const prompt = question(step);
    expect(prompt.itemId).toBe("role");
    expect(prompt.choices?.map((c) => c.value)).toEqual(["owner", "worker"]);
    expect(prompt.allowBack).toBe(false);
    expect(prompt.section).toEqual({ id: "who", titleKey: "questionnaires:demo.sections.who" });
    expect(step.state).toMatchObject({ status: "active", cursor: "role", answers: {}, trail: [], completedAt: null });
  });

  it("uses a named version and refuses unknown questionnaires", () => {
    expect(engine.start({ id: "demo", version: 1 }, ctx()).state.questionnaire).toEqual({ id: "demo", version: 1 });
    expect(() => engine.start({ id: "demo", version: 2 }, ctx())).toThrow(EngineError);
    expect(() => engine.start({ id: "nope" }, ctx())).toThrow("unknown questionnaire nope");
  });

  it("needs a session id", () => {
    expect(() => engine.start({ id: "demo" }, { now: "2025-01-01T00:00:00.000Z" })).toThrow(EngineError);
  });
});

describe("answers", () => {
  it("stores a typed option number as the option's value", () => {
    const step = last(run(start().state, [answer("2")]));
    expect(step.state.answers.role?.value).toBe("worker");
    expect(step.events).toEqual([{ type: "answer_set", at: step.state.updatedAt, itemId: "role", value: "worker" }]);
  });

  it("skips items whose condition fails and counts only applicable items in progress", () => {
    const worker = last(run(start().state, [answer("worker")]));
    expect(worker.state.cursor).toBe("rating");
    expect(question(worker).progress).toEqual({ current: 2, total: 4 });
    const owner = last(run(start().state, [answer("owner")]));
    expect(owner.state.cursor).toBe("firm");
    expect(question(owner).progress).toEqual({ current: 2, total: 5 });
  });

  it.each([
    ["४", 4],
    ["  ৩ ", 3],
    ["(5)", 5],
    ["0.", 0],
    ["۲", 2],
  ])("reads the rating %j as %d", (text, value) => {
    const steps = run(start().state, [answer("worker"), answer(text)]);
    expect(last(steps).state.answers.rating?.value).toBe(value);
  });

  it.each(["6", "-1", "2.5", "x", "", "3 or 4"])("refuses the rating %j and asks again", (text) => {
    const before = last(run(start().state, [answer("worker")]));
    const step = engine.resume(before.state, answer(text), ctx());
    expect(step.state).toBe(before.state);
    expect(step.prompts.map((p) => p.kind)).toEqual(["invalid", "question"]);
    expect(step.prompts[0]).toMatchObject({ key: "engine:invalid.scale", params: { min: 0, max: 5 }, itemId: "rating" });
    expect(question(step).itemId).toBe("rating");
    expect(step.events).toEqual([
      { type: "input_rejected", at: expect.any(String), itemId: "rating", reason: "invalid.scale" },
    ]);
  });

  it.each(["3", "0", "maybe", "owners", ""])("refuses the choice %j", (text) => {
    const step = engine.resume(start().state, answer(text), ctx());
    expect(step.prompts[0]).toMatchObject({ kind: "invalid", key: "engine:invalid.choice", params: { count: 2 } });
    expect(step.state.answers).toEqual({});
  });

  it("refuses numbers out of range, fractions where whole numbers are asked, and empty text", () => {
    const atCount = last(run(start().state, [answer("worker"), answer("1")])).state;
    expect(engine.resume(atCount, answer("1001"), ctx()).prompts[0]).toMatchObject({
      key: "engine:invalid.number_range",
      params: { min: 0, max: 1000 },
    });
    expect(engine.resume(atCount, answer("2.5"), ctx()).prompts[0]?.key).toBe("engine:invalid.integer");
    expect(engine.resume(atCount, answer("many"), ctx()).prompts[0]?.key).toBe("engine:invalid.number");
    expect(last(run(atCount, [answer("१,०००")])).state.answers.count?.value).toBe(1000);

    const atFirm = last(run(start().state, [answer("owner")])).state;
    expect(engine.resume(atFirm, answer("   "), ctx()).prompts[0]?.key).toBe("engine:invalid.text_empty");
    expect(engine.resume(atFirm, answer("x".repeat(21)), ctx()).prompts[0]).toMatchObject({
      key: "engine:invalid.text_too_long",
      params: { max: 20 },
    });
    expect(last(run(atFirm, [answer("  Kiran Foundry  ")])).state.answers.firm?.value).toBe("Kiran Foundry");
  });

  it("reads adherence answers with an optional note", () => {
    const atDeclare = last(run(start().state, [answer("worker"), answer("3"), { type: "skip" }, { type: "skip" }])).state;
    expect(atDeclare.cursor).toBe("declare");
    const cases: [string, string, string | undefined][] = [
      ["yes", "yes", undefined],
      ["Not yet.", "not_yet", undefined],
      ["n/a", "na", undefined],
      ["2", "partly", undefined],
      ["partly: PF for some", "partly", "PF for some"],
      ["३ - next year", "not_yet", "next year"],
    ];
    for (const [text, value, note] of cases) {
      const step = engine.resume(atDeclare, answer(text), ctx());
      expect(step.state.answers.declare?.value).toBe(value);
      expect(step.state.answers.declare?.note).toBe(note);
      const set = step.events.find((e) => e.type === "answer_set");
      expect(set && "note" in set ? set.note : undefined).toBe(note);
    }
    for (const text of ["yesterday", "5", "maybe", ""]) {
      expect(engine.resume(atDeclare, answer(text), ctx()).prompts[0]?.key).toBe("engine:invalid.adherence");
    }
    expect(engine.resume(atDeclare, answer(`yes ${"n".repeat(31)}`), ctx()).prompts[0]).toMatchObject({
      key: "engine:invalid.note_too_long",
      params: { max: 30 },
    });
  });

  it("offers adherence buttons with the engine's labels", () => {
    const step = last(run(start().state, [answer("worker"), answer("3"), { type: "skip" }, { type: "skip" }]));
    expect(question(step).choices).toEqual([
      { value: "yes", key: "engine:adherence.yes" },
      { value: "partly", key: "engine:adherence.partly" },
      { value: "not_yet", key: "engine:adherence.not_yet" },
      { value: "na", key: "engine:adherence.na" },
    ]);
  });

  it("marks the first question of a section with the section's heading", () => {
    const step = last(run(start().state, [answer("worker"), answer("3"), { type: "skip" }]));
    expect(question(step).section).toEqual({
      id: "follow_up",
      titleKey: "questionnaires:demo.sections.follow_up",
      introKey: "questionnaires:demo.intros.follow_up",
    });
    expect(question(last(run(step.state, [{ type: "skip" }]))).section).toBeUndefined();
  });
});

describe("stale buttons", () => {
  it("refuses an answer meant for another item and changes nothing", () => {
    const before = last(run(start().state, [answer("worker")]));
    const step = engine.resume(before.state, answer("owner", "role"), ctx());
    expect(step.state).toBe(before.state);
    expect(step.prompts.map((p) => p.kind)).toEqual(["stale", "question"]);
    expect(step.prompts[0]?.key).toBe("engine:stale");
    expect(step.events).toMatchObject([{ type: "input_rejected", reason: "stale", itemId: "rating" }]);
  });

  it("refuses don't know and skip meant for another item", () => {
    const before = last(run(start().state, [answer("worker")]));
    for (const input of [{ type: "dont_know", itemId: "role" }, { type: "skip", itemId: "role" }] as const) {
      const step = engine.resume(before.state, input, ctx());
      expect(step.state).toBe(before.state);
      expect(step.prompts[0]?.kind).toBe("stale");
    }
  });

  it("accepts an answer that names the current item", () => {
    const step = last(run(start().state, [answer("worker", "role")]));
    expect(step.state.answers.role?.value).toBe("worker");
  });
});

describe("don't know and skip", () => {
  it("stores don't know as null where offered", () => {
    const step = last(run(start().state, [answer("worker"), { type: "dont_know" }]));
    expect(step.state.answers.rating?.value).toBeNull();
    expect(step.events[0]).toMatchObject({ type: "answer_set", itemId: "rating", value: null });
  });

  it("refuses don't know where it is not offered", () => {
    const first = start();
    const step = engine.resume(first.state, { type: "dont_know" }, ctx());
    expect(step.state).toBe(first.state);
    expect(step.prompts[0]).toMatchObject({ kind: "invalid", key: "engine:invalid.dont_know" });
    expect(question(first).allowDontKnow).toBe(false);
  });

  it("refuses skip on a required item", () => {
    const first = start();
    const step = engine.resume(first.state, { type: "skip" }, ctx());
    expect(step.state).toBe(first.state);
    expect(step.prompts.map((p) => p.kind)).toEqual(["not_skippable", "question"]);
    expect(step.events).toMatchObject([{ type: "input_rejected", reason: "not_skippable" }]);
  });

  it("skips an optional item without storing anything, and clears an answer given before", () => {
    const skipped = last(run(start().state, [answer("worker"), answer("1"), { type: "skip" }]));
    expect(skipped.state.answers.count).toBeUndefined();
    expect(skipped.events).toEqual([]);
    expect(skipped.state.cursor).toBe("final");

    const changed = run(start().state, [answer("worker"), answer("1"), answer("7"), { type: "back" }, { type: "skip" }]);
    expect(last(changed).state.answers.count).toBeUndefined();
    expect(last(changed).events).toMatchObject([{ type: "answer_cleared", itemId: "count", previous: 7 }]);
  });
});

describe("back", () => {
  it("at the first item says there is nothing to undo", () => {
    const first = start();
    const step = engine.resume(first.state, { type: "back" }, ctx());
    expect(step.state).toBe(first.state);
    expect(step.prompts.map((p) => p.kind)).toEqual(["nothing_to_undo", "question"]);
  });

  it("returns to the previous item keeping its answer until changed", () => {
    const steps = run(start().state, [answer("owner"), answer("Kiran"), { type: "back" }]);
    const step = last(steps);
    expect(step.state.cursor).toBe("firm");
    expect(step.state.answers.firm?.value).toBe("Kiran");
    expect(question(step).previousAnswer).toBe("Kiran");
    expect(step.events).toEqual([]);
    expect(cursorAfter(run(step.state, [{ type: "back" }]))).toBe("role");
  });

  it("then a changed answer records the previous value and walks on", () => {
    const steps = run(start().state, [answer("owner"), answer("Kiran"), { type: "back" }, answer("Kiran Foundry")]);
    const step = last(steps);
    expect(step.events).toEqual([
      { type: "answer_set", at: step.state.updatedAt, itemId: "firm", value: "Kiran Foundry", previous: "Kiran" },
    ]);
    expect(step.state.cursor).toBe("rating");
    expect(step.state.trail).toEqual(["role", "firm"]);
  });
});

describe("conditions", () => {
  it("clears answers of items that no longer apply", () => {
    const steps = run(start().state, [
      answer("owner"),
      answer("Kiran"),
      answer("4"),
      { type: "skip" },
      answer("some detail"),
      { type: "back" },
      { type: "back" },
      { type: "back" },
      answer("1"),
    ]);
    const step = last(steps);
    expect(step.state.answers.detail).toBeUndefined();
    expect(step.events).toEqual([
      { type: "answer_set", at: step.state.updatedAt, itemId: "rating", value: 1, previous: 4 },
      { type: "answer_cleared", at: step.state.updatedAt, itemId: "detail", previous: "some detail" },
    ]);
    expect(step.state.cursor).toBe("count");
  });

  it("clears a dependent answer when the answer it depends on changes", () => {
    const steps = run(start().state, [answer("owner"), answer("Kiran"), { type: "back" }, { type: "back" }, answer("worker")]);
    const step = last(steps);
    expect(step.state.answers).not.toHaveProperty("firm");
    expect(step.events.map((e) => e.type)).toEqual(["answer_set", "answer_cleared"]);
    expect(step.state.cursor).toBe("rating");
  });
});

describe("status", () => {
  it("reports progress and asks the question again, changing nothing", () => {
    const before = last(run(start().state, [answer("worker"), answer("2")]));
    const step = engine.resume(before.state, { type: "status" }, ctx());
    expect(step.state).toBe(before.state);
    expect(step.events).toEqual([]);
    expect(step.prompts[0]).toEqual({ kind: "status", key: "engine:status", params: { answered: 2, total: 4 } });
    expect(question(step).itemId).toBe("count");
  });
});

describe("completion", () => {
  it("completes with a summary of answers and don't knows", () => {
    const steps = run(start().state, [answer("worker"), { type: "dont_know" }, answer("3"), answer("no")]);
    const step = last(steps);
    expect(step.state).toMatchObject({ status: "completed", cursor: null, trail: [], completedAt: step.state.updatedAt });
    expect(step.prompts).toEqual([
      { kind: "completed", key: "engine:completed", params: { answered: 4, dontKnow: 1, total: 4 } },
    ]);
    expect(step.events.at(-1)).toEqual({ type: "completed", at: step.state.updatedAt });
  });

  it("refuses answers after completion, and reads old buttons as stale", () => {
    const state = completed();
    const step = engine.resume(state, answer("no"), ctx());
    expect(step.state).toBe(state);
    expect(step.prompts.map((p) => p.kind)).toEqual(["invalid", "completed"]);
    expect(engine.resume(state, answer("no", "final"), ctx()).prompts[0]?.kind).toBe("stale");
    expect(engine.resume(state, { type: "back" }, ctx()).state).toBe(state);
  });
});

describe("reopen", () => {
  it("asks one item, then completes again with nothing else asked", () => {
    const state = completed();
    const opened = engine.resume(state, { type: "reopen", itemId: "count" }, ctx());
    expect(opened.prompts.map((p) => p.kind)).toEqual(["reopened", "question"]);
    expect(opened.events).toMatchObject([{ type: "reopened", itemId: "count" }]);
    expect(opened.state).toMatchObject({ status: "active", cursor: "count", reopenedItem: "count" });
    expect(question(opened).previousAnswer).toBe(12);

    const done = engine.resume(opened.state, answer("15"), ctx());
    expect(done.events).toEqual([
      { type: "answer_set", at: done.state.updatedAt, itemId: "count", value: 15, previous: 12 },
      { type: "completed", at: done.state.updatedAt },
    ]);
    expect(done.state).toMatchObject({ status: "completed", reopenedItem: null, completedAt: state.completedAt });
    expect({ ...done.state.answers, count: undefined }).toEqual({ ...state.answers, count: undefined });
  });

  it("asks what a changed answer makes newly required before completing", () => {
    const opened = engine.resume(completed(), { type: "reopen", itemId: "role" }, ctx());
    const worker = engine.resume(opened.state, answer("worker"), ctx());
    expect(worker.state.status).toBe("completed");
    expect(worker.events.map((e) => e.type)).toEqual(["answer_set", "answer_cleared", "completed"]);

    const lowered = engine.resume(worker.state, { type: "reopen", itemId: "rating" }, ctx());
    const raised = last(run(lowered.state, [answer("1")]));
    expect(raised.state.answers).not.toHaveProperty("declare");
    const again = last(run(raised.state, [{ type: "reopen", itemId: "rating" }, answer("5")]));
    expect(again.state).toMatchObject({ status: "active", cursor: "declare" });
    const back = last(run(again.state, [{ type: "back" }]));
    expect(back.state.cursor).toBe("rating");
    expect(last(run(again.state, [answer("yes")])).state.status).toBe("completed");
  });

  it("refuses to reopen an open session or an item that does not apply", () => {
    const first = start();
    expect(engine.resume(first.state, { type: "reopen", itemId: "role" }, ctx()).prompts[0]?.key).toBe(
      "engine:invalid.reopen_active",
    );
    const state = completed();
    for (const itemId of ["nope", "detail_x"]) {
      const step = engine.resume(state, { type: "reopen", itemId }, ctx());
      expect(step.state).toBe(state);
      expect(step.prompts[0]?.key).toBe("engine:invalid.unknown_item");
    }
    const worker = last(run(start().state, [answer("worker"), answer("0"), { type: "skip" }, answer("no")])).state;
    expect(engine.resume(worker, { type: "reopen", itemId: "firm" }, ctx()).prompts[0]?.key).toBe(
      "engine:invalid.unknown_item",
    );
  });
});

describe("restart", () => {
  it("clears every answer with events, then asks the first item", () => {
    const state = completed();
    const step = engine.resume(state, { type: "restart" }, ctx());
    const cleared = step.events.filter((e) => e.type === "answer_cleared");
    expect(cleared.map((e) => e.itemId)).toEqual(["role", "firm", "rating", "count", "declare", "final"]);
    expect(step.events.at(-1)).toEqual({ type: "restarted", at: step.state.updatedAt });
    expect(step.state).toMatchObject({
      status: "active",
      cursor: "role",
      answers: {},
      trail: [],
      completedAt: null,
      startedAt: step.state.updatedAt,
    });
    expect(question(step).itemId).toBe("role");
  });
});

describe("state", () => {
  it("survives a JSON round trip and resumes the same way", () => {
    const steps = run(start().state, [answer("owner"), answer("Kiran"), answer("4")]);
    const state = last(steps).state;
    const copy = JSON.parse(JSON.stringify(state)) as SessionState;
    expect(copy).toStrictEqual(state);
    const context = ctx();
    expect(engine.resume(copy, answer("7"), context)).toStrictEqual(engine.resume(state, answer("7"), context));
  });

  it("keeps running on the version it began on when a newer one is added", () => {
    const newer = { ...demo, version: 2, sections: demo.sections.slice(0, 1) };
    const both = createEngine(createCatalogue([demo, newer]));
    expect(both.start({ id: "demo" }, ctx()).state.questionnaire.version).toBe(2);
    const old = last(run(start().state, [answer("worker"), answer("4")])).state;
    expect(both.resume(old, answer("3"), ctx()).state.cursor).toBe("detail");
  });

  it("rejects a state whose cursor its definition does not have", () => {
    const state = { ...start().state, cursor: "gone" };
    expect(() => engine.resume(state, answer("1"), ctx())).toThrow(EngineError);
  });
});
