import type { Action } from "./actions";

/** Who is talking, as the channel knows them. */
export interface Actor {
  channel: "telegram" | "slack";
  /** The person's id on the channel (Telegram user id, Slack user id). */
  externalId: string;
  /** Where replies go (Telegram chat id, Slack channel or DM id). */
  chatId: string;
  username?: string;
  /** The language the person's app is set to, as a hint before they choose one. */
  languageHint?: string;
  /**
   * Who types the answers when not the person themselves, e.g. a CDA's Slack user id in an
   * interview; stored on the sessions this conversation starts.
   */
  collectedBy?: string;
}

/** `stop` opts out of campaign messages (invitations, reminders); `/start` opts back in. */
export type Command = "back" | "skip" | "status" | "restart" | "language" | "help" | "privacy" | "declare" | "stop" | "forget";

/** What happened in the chat, after the channel has read its own update format. */
export type Trigger =
  | { type: "start"; payload?: string }
  /** A campaign's button: carry on from wherever the person stopped, or begin. */
  | { type: "resume" }
  | { type: "text"; text: string }
  | { type: "action"; action: Action }
  | { type: "unknown_action" }
  | { type: "command"; command: Command }
  /** `/schemes <words>`: look up support schemes. */
  | { type: "schemes"; words: string }
  | { type: "unsupported" }
  | { type: "edited" };

export interface Conversation {
  actor: Actor;
  /** Identifies the delivery, so a redelivered update is processed once. */
  updateKey: { source: string; key: string };
  trigger: Trigger;
}
