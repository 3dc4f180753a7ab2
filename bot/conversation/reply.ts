/**
 * A piece of text to translate: an i18n key with its parameters, or literal text such as a name.
 * A parameter may itself be a Text ("0 = {{minLabel}}" where the label is another key).
 */
export type Text = { key: string; params?: TextParams } | { literal: string } | { join: Text[]; separator: string };
export type TextParams = Record<string, string | number | Text>;

export interface Button {
  label: Text;
  /** An encoded `Action` (see actions.ts). */
  action: string;
}

/**
 * One message to a person, channel-agnostic: lines of text joined by the channel, and rows of
 * buttons. Telegram renders it as a message with an inline keyboard, Slack as Block Kit.
 */
export interface Reply {
  lines: Text[];
  buttons?: Button[][];
}

export const text = (key: string, params?: TextParams): Text => (params ? { key, params } : { key });
export const literal = (value: string): Text => ({ literal: value });

/** Resolves a Text with a translate function, nested parameters first. */
export function renderText(value: Text, translate: (key: string, params?: Record<string, unknown>) => string): string {
  if ("literal" in value) return value.literal;
  if ("join" in value) return value.join.map((part) => renderText(part, translate)).join(value.separator);
  if (!value.params) return translate(value.key);
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value.params)) {
    params[name] = typeof param === "object" ? renderText(param, translate) : param;
  }
  return translate(value.key, params);
}

/**
 * Joins replies into as few messages as reads well: text without buttons travels with the message
 * after it (an "invalid" notice and the question it repeats, a summary and its score), because each
 * message is a ping on a cheap phone.
 */
export function combineReplies(replies: readonly Reply[]): Reply[] {
  const combined: Reply[] = [];
  let pending: Text[] = [];
  for (const reply of replies) {
    if (reply.buttons && reply.buttons.length > 0) {
      combined.push({ lines: [...pending, ...reply.lines], buttons: reply.buttons });
      pending = [];
    } else {
      pending.push(...reply.lines);
    }
  }
  if (pending.length > 0) combined.push({ lines: pending });
  return combined;
}
