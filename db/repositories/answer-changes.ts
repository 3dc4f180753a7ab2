/**
 * What a step's engine events do to the stored answers. Only the net effect is written, so a step
 * that sets and then clears an item writes one delete, and a restart wipes what came before it.
 */
import type { AnswerValue, EngineEvent } from "../../core/engine/types";
import type { AnswerEventType } from "../schema";

export interface AnswerWrite {
  itemId: string;
  value: AnswerValue;
  note: string | null;
  at: string;
}

export interface AnswerChanges {
  /** A restart happened: every answer stored before this step goes. */
  clearAll: boolean;
  upserts: AnswerWrite[];
  deletes: string[];
}

export interface HistoryRow {
  type: AnswerEventType;
  itemId: string | null;
  value: AnswerValue;
  previous: AnswerValue;
  note: string | null;
  at: string;
}

/** The net change to the current answers, in event order. */
export function answerChanges(events: readonly EngineEvent[]): AnswerChanges {
  let clearAll = false;
  const latest = new Map<string, AnswerWrite | null>();
  for (const event of events) {
    if (event.type === "restarted") {
      clearAll = true;
      latest.clear();
    } else if (event.type === "answer_set") {
      latest.set(event.itemId, { itemId: event.itemId, value: event.value, note: event.note ?? null, at: event.at });
    } else if (event.type === "answer_cleared") {
      latest.set(event.itemId, null);
    }
  }
  const upserts: AnswerWrite[] = [];
  const deletes: string[] = [];
  for (const [itemId, write] of latest) {
    if (write) upserts.push(write);
    else if (!clearAll) deletes.push(itemId);
  }
  return { clearAll, upserts, deletes };
}

/**
 * The events worth keeping in the answer history. Rejected inputs change nothing and are left out;
 * the channel's logs have them.
 */
export function historyRows(events: readonly EngineEvent[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const event of events) {
    const base = { at: event.at, itemId: null, value: null, previous: null, note: null };
    switch (event.type) {
      case "answer_set":
        rows.push({ ...base, type: event.type, itemId: event.itemId, value: event.value, previous: event.previous ?? null, note: event.note ?? null });
        break;
      case "answer_cleared":
        rows.push({ ...base, type: event.type, itemId: event.itemId, previous: event.previous });
        break;
      case "reopened":
        rows.push({ ...base, type: event.type, itemId: event.itemId });
        break;
      case "session_started":
      case "completed":
      case "restarted":
        rows.push({ ...base, type: event.type });
        break;
      case "input_rejected":
        break;
    }
  }
  return rows;
}
