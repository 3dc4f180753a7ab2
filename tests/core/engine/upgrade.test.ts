import { describe, expect, it } from "vitest";
import { EngineError, createEngine, upgradeState } from "../../../core/engine";
import type { SessionState } from "../../../core/engine";
import { loadDefinition } from "../../../core/questionnaire";
import { createCatalogue } from "../../../core/questionnaires";
import {
  answer,
  countItem,
  ctx,
  demo,
  demoInput,
  endSection,
  finalItem,
  followUpSection,
  last,
  ratingItem,
  roleItem,
  run,
  start,
  whoSection,
} from "./fixture";

/** Version 2 of the demo: "firm" removed, the rating now 1–5, "final" gains a third option, "phone" added. */
const v2 = loadDefinition({
  ...demoInput,
  version: 2,
  sections: [
    { ...whoSection, items: [roleItem, { ...ratingItem, min: 1, anchors: ratingItem.anchors.slice(1) }, countItem] },
    followUpSection,
    {
      ...endSection,
      items: [
        { ...finalItem, options: [...finalItem.options, { value: "later", key: "questionnaires:demo.options.later" }] },
        { id: "phone", type: "text", key: "questionnaires:demo.items.phone" },
      ],
    },
  ],
});

function completedWith(rating: string): SessionState {
  return last(
    run(start().state, [answer("owner"), answer("Kiran"), answer(rating), answer("3"), { type: "skip" }, answer("yes"), answer("no")]),
  ).state;
}

describe("upgradeState", () => {
  it("keeps answers that still fit and drops the rest with events", () => {
    const state = completedWith("0");
    const context = ctx();
    const { state: moved, events } = upgradeState(state, v2, context);
    expect(moved.questionnaire).toEqual({ id: "demo", version: 2 });
    expect(Object.keys(moved.answers).sort()).toEqual(["count", "final", "role"]);
    expect(events.filter((e) => e.type === "answer_cleared")).toEqual([
      { type: "answer_cleared", at: context.now, itemId: "firm", previous: "Kiran" },
      { type: "answer_cleared", at: context.now, itemId: "rating", previous: 0 },
    ]);
    expect(moved).toMatchObject({ status: "active", cursor: "rating" });
    expect(moved.answers.role).toEqual(state.answers.role);
  });

  it("reopens a finished session at the first required item it now lacks", () => {
    const { state: moved, events } = upgradeState(completedWith("4"), v2, ctx());
    expect(moved).toMatchObject({ status: "active", cursor: "phone", reopenedItem: "phone" });
    expect(events.map((e) => e.type)).toEqual(["answer_cleared", "reopened"]);
    const engine = createEngine(createCatalogue([demo, v2]));
    const done = engine.resume(moved, answer("98100 00000"), ctx());
    expect(done.state.status).toBe("completed");
    expect(done.state.answers.rating?.value).toBe(4);
  });

  it("keeps an open session at its item, or moves it to the first unanswered one", () => {
    const atCount = last(run(start().state, [answer("worker"), answer("2")])).state;
    expect(upgradeState(atCount, v2, ctx()).state.cursor).toBe("count");
    const atFirm = last(run(start().state, [answer("owner")])).state;
    const moved = upgradeState(atFirm, v2, ctx()).state;
    expect(moved).toMatchObject({ status: "active", cursor: "rating", trail: ["role"] });
  });

  it("completes an open session when nothing is left to ask", () => {
    const withoutFinal = loadDefinition({ ...demoInput, version: 3, sections: [whoSection] });
    const atFinal = last(run(start().state, [answer("worker"), answer("1"), answer("5")])).state;
    expect(atFinal.cursor).toBe("final");
    const { state, events } = upgradeState(atFinal, withoutFinal, ctx());
    expect(state).toMatchObject({ status: "completed", cursor: null });
    expect(events.at(-1)?.type).toBe("completed");
  });

  it("keeps don't know only where the new item still offers it", () => {
    const state = last(run(start().state, [answer("worker"), { type: "dont_know" }])).state;
    const noDontKnow = loadDefinition({
      ...demoInput,
      version: 4,
      sections: [
        { ...whoSection, items: [roleItem, { ...ratingItem, dontKnow: false }, countItem] },
        followUpSection,
        endSection,
      ],
    });
    expect(upgradeState(state, v2, ctx()).state.answers.rating?.value).toBeNull();
    expect(upgradeState(state, noDontKnow, ctx()).state.answers).not.toHaveProperty("rating");
  });

  it("refuses another questionnaire or an older version", () => {
    const state = upgradeState(start().state, v2, ctx()).state;
    expect(() => upgradeState(state, demo, ctx())).toThrow(EngineError);
    expect(() => upgradeState(state, { ...v2, id: "other" }, ctx())).toThrow("cannot move a demo v2 session to other");
  });
});
