/**
 * Telegram's pace for one sender: about 30 messages a second overall and one a second per chat.
 * Telegram counts arrivals over sliding windows, so the pacer does too: at most `rate` messages in
 * any window slightly longer than a second. Within that, sends follow an even schedule, so they
 * trickle rather than burst.
 *
 * A message counts from when it left, unless its answer came late: a request held up on its way out
 * (a new connection, a pause of the event loop) reached Telegram later than it was sent, and counting
 * it from then keeps it out of the window of the `rate` messages after it. The delay is read from
 * the answer: its time less the fastest round trip seen.
 */

export interface PacerOptions {
  /** Messages a second overall, e.g. 30. */
  ratePerSecond: number;
  /** Messages a second to one chat, e.g. 1. */
  chatRatePerSecond: number;
  /**
   * The share of the rate left unused, as slack for jitter in the way back: 0.03 makes the window
   * about 1031 ms.
   */
  headroom?: number;
  /** Monotonic milliseconds; a test may drive it. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** One message's place in the window. */
export interface Ticket {
  /** Telegram answered the message (whatever the answer). */
  answered(): void;
}

export interface Pacer {
  /** Resolves when the next message may go, and counts it as gone; call it just before sending. */
  slot(): Promise<Ticket>;
  /** Holds every send for `ms` (Telegram's `retry_after`), including a slot being waited for. */
  pause(ms: number): void;
  /** Milliseconds until `chatId` may get another message; 0 when it may now. */
  chatWait(chatId: string): number;
  /** Records a message to `chatId`, for the per-chat pace. */
  sentTo(chatId: string): void;
}

const DEFAULT_HEADROOM = 0.03;
/** After a stall, sends catch up at most this many times faster than the even schedule... */
const CATCH_UP_FACTOR = 4;
/** ...for at most this much lost time; a longer stall (an idle queue, a pause) is not made up. */
const MAX_CATCH_UP_MS = 300;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacer(options: PacerOptions): Pacer {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const headroom = options.headroom ?? DEFAULT_HEADROOM;
  const rate = Math.max(1, Math.floor(options.ratePerSecond));
  const window = 1000 / (1 - headroom);
  const slack = window - 1000;
  const interval = window / options.ratePerSecond;
  const chatInterval = 1000 / (options.chatRatePerSecond * (1 - headroom));
  /** The last `rate` messages, oldest first: when each left and, once known, when it was answered. */
  const sent: { at: number; answeredAt?: number }[] = [];
  let fastestRoundTrip = Infinity;
  /** The even schedule's next time; behind the clock after a short stall, which is then caught up. */
  let scheduled = -Infinity;
  let pausedUntil = -Infinity;
  const lastToChat = new Map<string, number>();

  /**
   * When a message may have reached Telegram, for counting it. An answer later than the fastest
   * round trip by more than the window's slack moves the message later by the excess; one still
   * unanswered is taken to be arriving now.
   */
  function arrival(message: { at: number; answeredAt?: number }, at: number): number {
    if (!Number.isFinite(fastestRoundTrip)) return message.at;
    return Math.max(message.at, (message.answeredAt ?? at) - fastestRoundTrip - slack);
  }

  /** The earliest time the next message may leave, given what has left and any pause. */
  function earliest(at: number): number {
    scheduled = Math.max(scheduled, at - MAX_CATCH_UP_MS, pausedUntil);
    const last = sent.at(-1)?.at ?? -Infinity;
    const oldest = sent.length >= rate ? sent[sent.length - rate] : undefined;
    const windowFull = oldest ? arrival(oldest, at) + window : -Infinity;
    return Math.max(scheduled, last + interval / CATCH_UP_FACTOR, windowFull, pausedUntil);
  }

  /** Chats messaged longer ago than their interval need no entry; the map holds about a second's sends. */
  function forgetQuietChats(at: number) {
    for (const [chatId, sentAt] of lastToChat) {
      if (at - sentAt < chatInterval) break;
      lastToChat.delete(chatId);
    }
  }

  return {
    async slot() {
      for (let at = now(), start = earliest(at); ; at = now(), start = earliest(at)) {
        if (start <= at) {
          const message: { at: number; answeredAt?: number } = { at };
          sent.push(message);
          if (sent.length > rate) sent.shift();
          scheduled += interval;
          return {
            answered() {
              message.answeredAt = now();
              fastestRoundTrip = Math.min(fastestRoundTrip, message.answeredAt - message.at);
            },
          };
        }
        await sleep(start - at);
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
