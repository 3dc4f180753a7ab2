/**
 * The conversation engine's contract. Channels (Telegram, Slack, the console's simulator) turn
 * what a person did into an `Input`, call the engine, store the `events` and render the `prompts`.
 * The engine never sends anything and never reads a clock: time and ids come in the `EngineContext`.
 */

/** A stored answer. `null` means "don't know": kept, but left out of every mean. */
export type AnswerValue = number | string | null;

export interface StoredAnswer {
  value: AnswerValue;
  /** ISO time the answer was given. */
  at: string;
  /** A few words the person added, where the item allows it (BR declaration elements). */
  note?: string;
}

export interface QuestionnaireRef {
  id: string;
  version: number;
}

export interface SessionState {
  /** Version of this state shape, so stored states can be migrated if it ever changes. */
  format: 1;
  sessionId: string;
  questionnaire: QuestionnaireRef;
  status: "active" | "completed";
  /** The item waiting for an answer; null when completed. */
  cursor: string | null;
  answers: Record<string, StoredAnswer>;
  /** Items shown and left behind, in order: what "back" walks through. */
  trail: string[];
  /** Set while a completed questionnaire is reopened to change one answer. */
  reopenedItem: string | null;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/**
 * What a person did. `answer.value` is the raw text or button value; the engine reads it leniently.
 * `answer.itemId`, when a channel knows which question a button belonged to, lets the engine refuse a
 * tap on an old keyboard instead of applying it to the current question.
 */
export type Input =
  | { type: "answer"; value: string; itemId?: string }
  | { type: "back" }
  | { type: "skip"; itemId?: string }
  | { type: "dont_know"; itemId?: string }
  | { type: "restart" }
  | { type: "status" }
  | { type: "reopen"; itemId: string };

export interface EngineContext {
  /** ISO-8601 time of this input. */
  now: string;
  /** Id for a new session; only `start` uses it. */
  sessionId?: string;
}

export type PromptParams = Record<string, string | number>;

export interface Choice {
  /** What comes back as `Input.answer.value` when the choice is tapped. */
  value: string;
  /** i18n key of the label. */
  key: string;
  params?: PromptParams;
}

export type PromptKind =
  | "question" // ask an item
  | "invalid" // the input could not be read; nothing changed
  | "stale" // a tap on an old question's button; nothing changed
  | "not_skippable" // skip on a required item
  | "nothing_to_undo" // back at the first item
  | "status" // progress report
  | "completed" // the questionnaire is finished
  | "reopened"; // a finished questionnaire was reopened for one item

/** A channel-agnostic message: an i18n key with parameters, and the buttons to offer. */
export interface Prompt {
  kind: PromptKind;
  key: string;
  params: PromptParams;
  itemId?: string;
  choices?: Choice[];
  /** "7 of 21": position of the current item among the items that apply. */
  progress?: { current: number; total: number };
  allowDontKnow?: boolean;
  allowSkip?: boolean;
  allowBack?: boolean;
  /** i18n key of a longer explanation the channel may offer. */
  helpKey?: string;
  /** Set on the first question of a section, so the channel can show its heading and intro. */
  section?: { id: string; titleKey: string; introKey?: string };
  /** The answer already stored for this item (after "back" or on reopen); null is "don't know". */
  previousAnswer?: AnswerValue;
}

export type EngineEvent =
  | { type: "session_started"; at: string; questionnaire: QuestionnaireRef }
  | { type: "answer_set"; at: string; itemId: string; value: AnswerValue; previous?: AnswerValue; note?: string }
  | { type: "answer_cleared"; at: string; itemId: string; previous: AnswerValue }
  | { type: "completed"; at: string }
  | { type: "reopened"; at: string; itemId: string }
  | { type: "restarted"; at: string }
  | { type: "input_rejected"; at: string; itemId: string | null; reason: string };

/** One engine call's result: the new state, what to say, and what changed. */
export interface Step {
  state: SessionState;
  prompts: Prompt[];
  events: EngineEvent[];
}
