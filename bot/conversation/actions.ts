/**
 * What a person can do by tapping a button, as a short string that fits Telegram's 64-byte
 * callback_data and Slack's action values. Channels put these strings on buttons and hand them back
 * to `decodeAction` untouched.
 */
export type Action =
  | { type: "answer"; itemId: string; value: string }
  | { type: "dont_know"; itemId: string }
  | { type: "skip"; itemId: string }
  | { type: "back" }
  | { type: "language"; code: string }
  | { type: "cluster"; clusterId: string }
  | { type: "restart"; confirmed: boolean }
  | { type: "forget"; confirmed: boolean }
  | { type: "schemes_more"; offset: number; words: string };

/** Telegram's limit on a button's data. */
export const MAX_ACTION_BYTES = 64;

const SEPARATOR = "|";

export function encodeAction(action: Action): string {
  switch (action.type) {
    case "answer":
      return ["a", action.itemId, action.value].join(SEPARATOR);
    case "dont_know":
      return ["d", action.itemId].join(SEPARATOR);
    case "skip":
      return ["s", action.itemId].join(SEPARATOR);
    case "back":
      return "b";
    case "language":
      return ["l", action.code].join(SEPARATOR);
    case "cluster":
      return ["c", action.clusterId].join(SEPARATOR);
    case "restart":
      return ["r", action.confirmed ? "y" : "n"].join(SEPARATOR);
    case "forget":
      return ["f", action.confirmed ? "y" : "n"].join(SEPARATOR);
    case "schemes_more":
      return ["m", String(action.offset), action.words].join(SEPARATOR);
  }
}

/** Reads a button's data back; anything we did not write (old or forged buttons) is `undefined`. */
export function decodeAction(data: string): Action | undefined {
  const [tag, first, ...rest] = data.split(SEPARATOR);
  const second = rest.join(SEPARATOR);
  switch (tag) {
    case "a":
      return first && second ? { type: "answer", itemId: first, value: second } : undefined;
    case "d":
      return first ? { type: "dont_know", itemId: first } : undefined;
    case "s":
      return first ? { type: "skip", itemId: first } : undefined;
    case "b":
      return first === undefined ? { type: "back" } : undefined;
    case "l":
      return first ? { type: "language", code: first } : undefined;
    case "c":
      return first ? { type: "cluster", clusterId: first } : undefined;
    case "r":
      return first === "y" || first === "n" ? { type: "restart", confirmed: first === "y" } : undefined;
    case "f":
      return first === "y" || first === "n" ? { type: "forget", confirmed: first === "y" } : undefined;
    case "m": {
      const offset = Number(first);
      return Number.isSafeInteger(offset) && offset > 0 && second ? { type: "schemes_more", offset, words: second } : undefined;
    }
    default:
      return undefined;
  }
}
