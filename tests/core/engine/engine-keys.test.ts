import { describe, expect, it } from "vitest";
import { createEngine } from "../../../core/engine";
import type { Input, Prompt } from "../../../core/engine";
import { defaultCatalogue } from "../../../core/questionnaires";
import { LANGUAGES, lookup } from "../questionnaire/locale-lookup";
import { answer, run, start } from "./fixture";

/** Every engine key in the prompts, including button labels. */
function engineKeys(prompts: Prompt[]): string[] {
  return prompts
    .flatMap((p) => [p.key, ...(p.choices ?? []).map((c) => c.key)])
    .filter((key) => key.startsWith("engine:"));
}

const toDeclare: Input[] = [answer("worker"), answer("3"), { type: "skip" }, { type: "skip" }];
const finished: Input[] = [answer("worker"), answer("1"), { type: "skip" }, answer("no")];

/** One conversation per thing the engine can say, each ending on the input that makes it say it. */
const SCENARIOS: Record<string, Input[]> = {
  "engine:invalid.scale": [answer("worker"), answer("9")],
  "engine:invalid.number": [answer("worker"), answer("1"), answer("lots")],
  "engine:invalid.integer": [answer("worker"), answer("1"), answer("2.5")],
  "engine:invalid.number_range": [answer("worker"), answer("1"), answer("5000")],
  "engine:invalid.choice": [answer("maybe")],
  "engine:invalid.text_empty": [answer("owner"), answer(" ")],
  "engine:invalid.text_too_long": [answer("owner"), answer("x".repeat(40))],
  "engine:invalid.adherence": [...toDeclare, answer("perhaps")],
  "engine:invalid.note_too_long": [...toDeclare, answer(`yes ${"n".repeat(40)}`)],
  "engine:invalid.dont_know": [{ type: "dont_know" }],
  "engine:invalid.completed": [...finished, answer("yes")],
  "engine:invalid.reopen_active": [{ type: "reopen", itemId: "role" }],
  "engine:invalid.unknown_item": [...finished, { type: "reopen", itemId: "nope" }],
  "engine:stale": [answer("worker"), answer("owner", "role")],
  "engine:not_skippable": [{ type: "skip" }],
  "engine:nothing_to_undo": [{ type: "back" }],
  "engine:status": [{ type: "status" }],
  "engine:completed": finished,
  "engine:reopened": [...finished, { type: "reopen", itemId: "final" }],
  "engine:adherence.yes": toDeclare,
};

describe("engine texts", () => {
  it.each(Object.entries(SCENARIOS))("%s is said when expected and exists in every language", (key, inputs) => {
    const steps = run(start().state, inputs);
    const said = engineKeys(steps.at(-1)?.prompts ?? []);
    expect(said).toContain(key);
    for (const lang of LANGUAGES) {
      expect(said.filter((k) => !lookup(lang, k)), lang).toEqual([]);
    }
  });

  it("says a number is too low where only a minimum is set, in every language", () => {
    const shipped = createEngine(defaultCatalogue);
    let step = shipped.start({ id: "registration" }, { now: "2025-01-01T00:00:00.000Z", sessionId: "k" });
    for (const value of ["hi", "core_firm_owner", "Kiran", "micro", "-3"]) {
      step = shipped.resume(step.state, answer(value), { now: "2025-01-01T00:00:01.000Z" });
    }
    expect(step.prompts[0]).toMatchObject({ key: "engine:invalid.number_min", params: { min: 0 } });
    for (const lang of LANGUAGES) {
      for (const key of ["engine:invalid.number_min", "engine:invalid.number_max"]) expect(lookup(lang, key)).toBeTruthy();
    }
  });

  it("includes the labels channels put on the control buttons", () => {
    for (const lang of LANGUAGES) {
      for (const key of ["engine:choices.dont_know", "engine:choices.skip", "engine:choices.back", "engine:progress"]) {
        expect(lookup(lang, key), `${lang} ${key}`).toBeTruthy();
      }
    }
  });
});
