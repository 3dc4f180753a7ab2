import { findItem, itemEntries } from "../questionnaire";
import type { Definition, Item } from "../questionnaire";
import type { Catalogue } from "../questionnaires/catalogue";
import { EngineError } from "./errors";
import { applicable, dropInapplicable, firstMissingRequired, nextAfter } from "./navigation";
import { completedPrompt, currentView, notice, questionPrompt, statusPrompt } from "./prompts";
import { readAnswer } from "./read-answer";
import type {
  EngineContext,
  EngineEvent,
  Input,
  PromptKind,
  PromptParams,
  SessionState,
  Step,
  StoredAnswer,
} from "./types";

/** Runs questionnaire conversations: pure functions from (state, input) to (state, prompts, events). */
export interface Engine {
  /** Opens a session on a questionnaire (its latest version unless one is named) and asks the first item. */
  start(ref: { id: string; version?: number }, ctx: EngineContext): Step;
  /** Applies one input to a session. Refused inputs leave the state as it was. */
  resume(state: SessionState, input: Input, ctx: EngineContext): Step;
}

/**
 * An engine over the questionnaires of a catalogue. A session names its questionnaire and
 * version, so sessions begun on an old version keep running on it.
 *
 * @example
 * const engine = createEngine(defaultCatalogue);
 * let step = engine.start({ id: "score_card" }, { now, sessionId: "s1" });
 * step = engine.resume(step.state, { type: "answer", value: "४" }, { now });
 */
export function createEngine(catalogue: Catalogue): Engine {
  function definitionOf(id: string, version?: number): Definition {
    const definition = version === undefined ? catalogue.latest(id) : catalogue.get(id, version);
    if (!definition) throw new EngineError(`unknown questionnaire ${id}${version === undefined ? "" : ` v${version}`}`);
    return definition;
  }

  return {
    start(ref, ctx) {
      if (!ctx.sessionId) throw new EngineError("start needs a sessionId in the context");
      const definition = definitionOf(ref.id, ref.version);
      const first = itemEntries(definition)[0];
      if (!first) throw new EngineError(`${definition.id} v${definition.version} has no items`);
      const state: SessionState = {
        format: 1,
        sessionId: ctx.sessionId,
        questionnaire: { id: definition.id, version: definition.version },
        status: "active",
        cursor: first.item.id,
        answers: {},
        trail: [],
        reopenedItem: null,
        startedAt: ctx.now,
        updatedAt: ctx.now,
        completedAt: null,
      };
      return {
        state,
        prompts: [questionPrompt(definition, state)],
        events: [{ type: "session_started", at: ctx.now, questionnaire: state.questionnaire }],
      };
    },

    resume(state, input, ctx) {
      const definition = definitionOf(state.questionnaire.id, state.questionnaire.version);
      const session = new Turn(definition, state, ctx.now);
      switch (input.type) {
        case "answer":
          return session.answer(input.value, input.itemId);
        case "dont_know":
          return session.dontKnow(input.itemId);
        case "skip":
          return session.skip(input.itemId);
        case "back":
          return session.back();
        case "restart":
          return session.restart();
        case "status":
          return session.status();
        case "reopen":
          return session.reopen(input.itemId);
      }
    },
  };
}

/** One input applied to one session. */
class Turn {
  constructor(
    private readonly definition: Definition,
    private readonly state: SessionState,
    private readonly now: string,
  ) {}

  /** A button of an older question, tapped after the conversation moved on, must not answer this one. */
  private isStale(itemId: string | undefined): boolean {
    return itemId !== undefined && itemId !== this.state.cursor;
  }

  answer(text: string, itemId: string | undefined): Step {
    if (this.isStale(itemId)) return this.refuse("stale", "engine:stale", {}, "stale");
    const item = this.openItem();
    if (!item) return this.refuseCompleted();
    const reading = readAnswer(item, text);
    if (!reading.ok) return this.refuse("invalid", reading.key, reading.params, reading.key.replace("engine:", ""));
    const stored: StoredAnswer = { value: reading.value, at: this.now };
    if (reading.note !== undefined) stored.note = reading.note;
    return this.record(item, stored);
  }

  dontKnow(itemId: string | undefined): Step {
    if (this.isStale(itemId)) return this.refuse("stale", "engine:stale", {}, "stale");
    const item = this.openItem();
    if (!item) return this.refuseCompleted();
    if (!item.dontKnow) return this.refuse("invalid", "engine:invalid.dont_know", {}, "dont_know_not_offered");
    return this.record(item, { value: null, at: this.now });
  }

  skip(itemId: string | undefined): Step {
    if (this.isStale(itemId)) return this.refuse("stale", "engine:stale", {}, "stale");
    const item = this.openItem();
    if (!item) return this.refuseCompleted();
    if (!item.optional) return this.refuse("not_skippable", "engine:not_skippable", {}, "not_skippable");
    const { [item.id]: skipped, ...rest } = this.state.answers;
    const events: EngineEvent[] = skipped
      ? [{ type: "answer_cleared", at: this.now, itemId: item.id, previous: skipped.value }]
      : [];
    return this.moveOn(item, rest, events);
  }

  back(): Step {
    if (!this.openItem()) return this.refuseCompleted();
    const previous = this.state.trail.at(-1);
    if (previous === undefined) return this.refuse("nothing_to_undo", "engine:nothing_to_undo", {}, "nothing_to_undo");
    const state: SessionState = {
      ...this.state,
      cursor: previous,
      trail: this.state.trail.slice(0, -1),
      updatedAt: this.now,
    };
    return { state, prompts: [questionPrompt(this.definition, state)], events: [] };
  }

  restart(): Step {
    const order = itemEntries(this.definition);
    const events: EngineEvent[] = order.flatMap(({ item }) => {
      const stored = this.state.answers[item.id];
      return stored ? [{ type: "answer_cleared" as const, at: this.now, itemId: item.id, previous: stored.value }] : [];
    });
    events.push({ type: "restarted", at: this.now });
    // A restart is a fresh attempt: the clock for "completed too fast" starts again too.
    const state: SessionState = {
      ...this.state,
      status: "active",
      cursor: order[0]?.item.id ?? null,
      answers: {},
      trail: [],
      reopenedItem: null,
      startedAt: this.now,
      updatedAt: this.now,
      completedAt: null,
    };
    return { state, prompts: [questionPrompt(this.definition, state)], events };
  }

  status(): Step {
    return {
      state: this.state,
      prompts: [statusPrompt(this.definition, this.state), currentView(this.definition, this.state)],
      events: [],
    };
  }

  reopen(itemId: string): Step {
    if (this.state.status !== "completed") {
      return this.refuse("invalid", "engine:invalid.reopen_active", {}, "not_completed");
    }
    const isApplicable = applicable(this.definition, this.state.answers).some((i) => i.id === itemId);
    if (!isApplicable) return this.refuse("invalid", "engine:invalid.unknown_item", {}, "unknown_item");
    const state: SessionState = {
      ...this.state,
      status: "active",
      cursor: itemId,
      trail: [],
      reopenedItem: itemId,
      updatedAt: this.now,
    };
    return {
      state,
      prompts: [notice("reopened", "engine:reopened", {}, itemId), questionPrompt(this.definition, state)],
      events: [{ type: "reopened", at: this.now, itemId }],
    };
  }

  /** The item waiting for an answer, or undefined when the questionnaire is finished. */
  private openItem(): Item | undefined {
    if (this.state.status === "completed" || this.state.cursor === null) return undefined;
    const entry = findItem(this.definition, this.state.cursor);
    if (!entry) {
      const { id, version } = this.definition;
      throw new EngineError(`session ${this.state.sessionId} waits on "${this.state.cursor}", not in ${id} v${version}`);
    }
    return entry.item;
  }

  private record(item: Item, stored: StoredAnswer): Step {
    const previous = this.state.answers[item.id];
    const event: EngineEvent = { type: "answer_set", at: this.now, itemId: item.id, value: stored.value };
    if (previous) event.previous = previous.value;
    if (stored.note !== undefined) event.note = stored.note;
    return this.moveOn(item, { ...this.state.answers, [item.id]: stored }, [event]);
  }

  /**
   * Leaves the item behind: drops answers the change made inapplicable, then asks the next item.
   * A reopened session asks only what the change made newly required, then completes again.
   */
  private moveOn(item: Item, changed: SessionState["answers"], events: EngineEvent[]): Step {
    const { answers, events: cleared } = dropInapplicable(this.definition, changed, this.now);
    events.push(...cleared);
    const stillAsked = new Set(applicable(this.definition, answers).map((i) => i.id));
    const trail = [...this.state.trail, item.id].filter((id) => stillAsked.has(id));
    const next =
      this.state.reopenedItem === null
        ? (nextAfter(this.definition, answers, item.id) ?? firstMissingRequired(this.definition, answers))
        : firstMissingRequired(this.definition, answers);
    if (next === null) {
      // completedAt keeps the first completion: changing one answer later is not a new attempt.
      const state: SessionState = {
        ...this.state,
        status: "completed",
        cursor: null,
        answers,
        trail: [],
        reopenedItem: null,
        updatedAt: this.now,
        completedAt: this.state.completedAt ?? this.now,
      };
      events.push({ type: "completed", at: this.now });
      return { state, prompts: [completedPrompt(this.definition, state)], events };
    }
    const state: SessionState = { ...this.state, cursor: next, answers, trail, updatedAt: this.now };
    return { state, prompts: [questionPrompt(this.definition, state)], events };
  }

  private refuseCompleted(): Step {
    return this.refuse("invalid", "engine:invalid.completed", {}, "completed");
  }

  /** Says why the input was refused, then shows the open question (or the summary) again. */
  private refuse(kind: PromptKind, key: string, params: PromptParams, reason: string): Step {
    return {
      state: this.state,
      prompts: [notice(kind, key, params, this.state.cursor), currentView(this.definition, this.state)],
      events: [{ type: "input_rejected", at: this.now, itemId: this.state.cursor, reason }],
    };
  }
}
