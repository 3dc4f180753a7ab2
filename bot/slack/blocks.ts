import type { types } from "@slack/bolt";
import { renderText, type Reply } from "../conversation/reply";
import type { Translate } from "../i18n";

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

/** Slack's limits: a section's text, a button's label, a message's fallback text. */
const MAX_SECTION_TEXT = 3000;
const MAX_BUTTON_TEXT = 75;
const MAX_FALLBACK_TEXT = 3000;

/** A message as chat.postMessage takes it: Block Kit, and plain text for notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** Makes text safe inside mrkdwn: Slack reads `&`, `<` and `>` as markup. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Translates a text of the `slack` namespace, whose translations carry mrkdwn (`*bold*`, `<@user>`),
 * escaping the parameters, which may hold anyone's words (a cluster's name, a search).
 */
export function mrkdwnText(translate: Translate, key: string, params: Record<string, string | number> = {}): string {
  const escaped = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, typeof value === "string" ? escapeMrkdwn(value) : value]),
  );
  return translate(key, escaped) as string;
}

export function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: clip(text, MAX_SECTION_TEXT) } };
}

export function context(text: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: clip(text, MAX_SECTION_TEXT) }] };
}

export function button(label: string, actionId: string, value: string, style?: "primary" | "danger"): ButtonElement {
  return {
    type: "button",
    text: { type: "plain_text", text: clip(label, MAX_BUTTON_TEXT), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(elements: ButtonElement[], blockId?: string): Block {
  return { type: "actions", elements, ...(blockId ? { block_id: blockId } : {}) };
}

/** A message of mrkdwn paragraphs, with optional blocks after them. */
export function message(paragraphs: string[], more: Block[] = []): SlackMessage {
  const text = paragraphs.join("\n\n");
  return { text: clip(text, MAX_FALLBACK_TEXT), blocks: [...paragraphs.map(section), ...more] };
}

/**
 * A journey reply in Block Kit: its lines as one section (split where Slack's length limit needs
 * it), each row of buttons as an actions block. A button's `action_id` is `<prefix>:<row>.<column>`
 * (unique in the message, as Slack asks) and its value the encoded action, which the channel hands
 * back to `decodeAction` untouched.
 */
export function renderReply(reply: Reply, translate: Translate, actionPrefix: string): SlackMessage {
  const tr = (key: string, params?: Record<string, unknown>) => translate(key, params ?? {}) as string;
  const lines = reply.lines.map((line) => escapeMrkdwn(renderText(line, tr)));
  const blocks: Block[] = [];
  let current = "";
  for (const line of lines) {
    const joined = current === "" ? line : `${current}\n\n${line}`;
    if (joined.length > MAX_SECTION_TEXT && current !== "") {
      blocks.push(section(current));
      current = line;
    } else {
      current = joined;
    }
  }
  if (current !== "") blocks.push(section(current));
  (reply.buttons ?? []).forEach((row, rowIndex) => {
    blocks.push(
      actions(row.map((choice, column) => button(renderText(choice.label, tr), `${actionPrefix}:${rowIndex}.${column}`, choice.action))),
    );
  });
  return { text: clip(lines.join("\n\n"), MAX_FALLBACK_TEXT), blocks };
}
