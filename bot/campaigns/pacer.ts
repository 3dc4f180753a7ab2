/**
 * Telegram's pace for one sender: about 30 messages a second overall and one a second per chat.
 * Sends are spaced evenly on a fixed schedule rather than in bursts, because Telegram counts over
 * sliding windows: a burst that averages out over a second can still be refused.
 */

export interface PacerOptions {
  /** Messages a second overall, e.g. 30. */
  ratePerSecond: number;
  /** Messages a second to one chat, e.g. 1. */
  chatRatePerSecond: number;
  /**
   * The share of the rate left unused, so that timer jitter never puts one message too many in a
   * window: 0.03 at 30/s leaves about 30 ms a second of slack.
   */
  headroom?: number;
  /** Monotonic milliseconds; a test may drive it. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Pacer {
  /** Resolves when the next message may go; call it once per message, just before sending. */
  slot(): Promise<void>;
  /** Holds every send for `ms` (Telegram's `retry_after`); slots already waiting wait longer. */
  pause(ms: number): void;
  /** Milliseconds until `chatId` may get another message; 0 when it may now. */
  chatWait(chatId: string): number;
  /** Records a message to `chatId`, for the per-chat pace. */
  sentTo(chatId: string): void;
}

const DEFAULT_HEADROOM = 0.03;
/** How late a slot may be taken and still count as on schedule, rather than starting a new one. */
const MAX_CATCH_UP_MS = 5;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacer(options: PacerOptions): Pacer {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const headroom = options.headroom ?? DEFAULT_HEADROOM;
  const interval = 1000 / (options.ratePerSecond * (1 - headroom));
  const chatInterval = 1000 / (options.chatRatePerSecond * (1 - headroom));
  /** When the next slot is due on the schedule. */
  let next = -Infinity;
  let pausedUntil = -Infinity;
  const lastToChat = new Map<string, number>();

  /** Chats not messaged within their interval need no entry; the map stays about one second's sends. */
  function forgetQuietChats(at: number) {
    for (const [chatId, sentAt] of lastToChat) {
      if (at - sentAt < chatInterval) break;
      lastToChat.delete(chatId);
    }
  }

  return {
    async slot() {
      for (;;) {
        const at = now();
        // Slots are handed out in order: each waiter takes the schedule's next one before sleeping.
        let start = Math.max(next, pausedUntil);
        if (start < at - MAX_CATCH_UP_MS) start = at;
        next = start + interval;
        if (start > at) await sleep(start - at);
        // A pause that began while this slot waited moves it behind the pause.
        if (pausedUntil <= start) return;
        next = -Infinity;
      }
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    chatWait(chatId) {
      const sentAt = lastToChat.get(chatId);
      return sentAt === undefined ? 0 : Math.max(0, sentAt + chatInterval - now());
    },
    sentTo(chatId) {
      const at = now();
      lastToChat.delete(chatId);
      lastToChat.set(chatId, at);
      forgetQuietChats(at);
    },
  };
}
