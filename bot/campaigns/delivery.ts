import type { Database } from "../../db/database";
import { campaignRepository, type OpenCampaign, type QueuedMessage } from "../../db/repositories/campaigns";
import type { CampaignSkipReason } from "../../db/schema/campaigns";
import { DEFAULT_LANGUAGE, isLanguageCode } from "../../locales/languages";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import { renderForTelegram } from "../telegram/render";
import { campaignReply } from "./messages";
import { createPacer } from "./pacer";
import { isQuiet } from "./quiet-hours";
import { SEND_TIMEOUT_SECONDS, type CampaignSender, type SendOutcome } from "./telegram-sender";

export interface CampaignDeliveryOptions {
  db: Database;
  send: CampaignSender;
  i18n: I18n;
  logger: Logger;
  /** Wall-clock time for due times and quiet hours; tests move it. Pacing keeps to real time. */
  clock: () => Date;
  ratePerSecond: number;
  chatRatePerSecond: number;
  /** Names this sender's claims; unique per process. */
  runnerId?: string;
  /** How long to wait for new work when the queue has nothing due. */
  idleDelayMs?: number;
}

export interface CampaignDelivery {
  /** Settles what a previous sender left claimed, then sends until stopped. */
  start(): void;
  /** Stops claiming, waits for the messages on their way to be answered and recorded. */
  stop(): Promise<void>;
  /** Looks at the queue now instead of after the idle delay (a campaign was just created or resumed). */
  wake(): void;
  /**
   * One bounded pass, for a host that cannot keep a loop running (a Worker's cron trigger): settles
   * what dead senders left claimed, sends what is due until nothing is or `budget.ms` has passed,
   * and resolves once every message sent is answered and recorded. Returns how many were sent.
   */
  deliverFor(budget: { ms: number }): Promise<number>;
}

/** While Telegram cannot be reached at all, try again this much later. */
const UNREACHABLE_PAUSE_MS = 5_000;

/**
 * A pass settles only the claims older than this: a live sender answers each claim within the send
 * timeout, so an older one belongs to a pass that was cut off, while a younger one may belong to a
 * pass still running beside this one (a cron trigger can fire before the last pass has finished).
 */
const ABANDONED_AFTER_MS = 2 * SEND_TIMEOUT_SECONDS * 1000;

const later = (at: Date, ms: number) => new Date(at.getTime() + ms).toISOString();

/** Why a due message should not be sent, or null when it should. */
function skipReasonOf(message: QueuedMessage): CampaignSkipReason | null {
  if (message.forgotten) return "forgotten";
  if (message.optedOut) return "opted_out";
  if (message.finished) return "finished";
  if (!message.chatId) return "unreachable";
  // Reminders are for those who began and stopped; someone who never began got the invitation.
  if (message.kind === "reminder" && !message.started) return "not_started";
  return null;
}

/**
 * The durable sender: reads due messages from the queue in the database, and sends each at most
 * once, at Telegram's pace.
 *
 * At most once: a message is claimed (`pending` → `sending`, a conditional update that only one
 * sender can win) immediately before its request is written, and marked `sent` when Telegram
 * answers. A sender that dies between the two leaves the claim behind; the next sender to start
 * settles it as `unconfirmed` and never sends it again, because Telegram may have it. The window is
 * one request's round trip; the part of it in which a message is claimed but not yet written is
 * the few microtasks between the claim's commit and the request's write, so a death there is the
 * only way a message goes unsent, and it is counted (`unconfirmed`) rather than lost silently.
 */
export function createCampaignDelivery(options: CampaignDeliveryOptions): CampaignDelivery {
  const { db, send, i18n, logger, clock } = options;
  const queue = campaignRepository(db);
  const runner = options.runnerId ?? crypto.randomUUID();
  const idleDelayMs = options.idleDelayMs ?? 1_000;
  // About one second of work per read: a person who opts out is not sent a message read long before.
  const batchSize = Math.max(1, Math.ceil(options.ratePerSecond));
  // A second's worth of requests may be waiting for Telegram at once; more means Telegram is slow.
  const maxInFlight = Math.max(1, Math.ceil(options.ratePerSecond));

  let running: Promise<void> | undefined;
  let stopping = false;
  let wakeUp: (() => void) | undefined;

  function idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, idleDelayMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  }

  /** Due messages of the campaigns outside their quiet hours, oldest first. */
  async function dueBatch(): Promise<{ messages: QueuedMessage[]; open: Map<string, OpenCampaign> }> {
    const at = clock();
    const open = new Map<string, OpenCampaign>();
    for (const campaign of await queue.active()) {
      if (!isQuiet(at, campaign.timezone, { from: campaign.quietFrom, until: campaign.quietUntil })) open.set(campaign.id, campaign);
    }
    const now = at.toISOString();
    const due = await Promise.all([...open.keys()].map((id) => queue.due(id, now, batchSize)));
    const messages = due
      .flat()
      .sort((a, b) => (a.dueAt === b.dueAt ? a.id - b.id : a.dueAt < b.dueAt ? -1 : 1))
      .slice(0, batchSize);
    return { messages, open };
  }

  /**
   * One sender: its name on claims, its pace and its requests awaiting Telegram's answer. The Node
   * loop keeps one for as long as it runs; each Worker pass has its own, because workerd does not
   * let one invocation wait on promises that another made.
   * `more` says whether it may still claim: false once the loop stops or a pass's budget is spent.
   */
  function sender(name: string, more: () => boolean) {
    const pacer = createPacer({ ratePerSecond: options.ratePerSecond, chatRatePerSecond: options.chatRatePerSecond });
    const inFlight = new Set<Promise<void>>();
    let sent = 0;

    async function settle(message: QueuedMessage, outcome: SendOutcome) {
      const now = clock();
      const at = now.toISOString();
      switch (outcome.status) {
        case "sent":
          return queue.markSent(message, name, outcome.messageId, at);
        case "rate_limited":
          logger.warn({ retryAfter: outcome.retryAfterSeconds, message: message.id }, "Telegram asked campaigns to slow down; pausing");
          pacer.pause(outcome.retryAfterSeconds * 1000);
          return queue.release(message.id, name, message.dueAt, at);
        case "not_sent":
          logger.warn({ err: outcome.error, message: message.id }, "Telegram unreachable; campaign messages wait");
          pacer.pause(UNREACHABLE_PAUSE_MS);
          return queue.release(message.id, name, message.dueAt, at);
        case "rejected":
          logger.info({ error: outcome.error, message: message.id }, "Telegram refused a campaign message");
          return queue.markFailed(message.id, name, outcome.error, at);
        case "unknown":
          logger.warn({ err: outcome.error, message: message.id }, "campaign message outcome unknown; it will not be repeated");
          return queue.markUnconfirmed(message.id, name, outcome.error, at);
      }
    }

    /** Sends one due message, or settles or postpones it; resolves once its request is on its way. */
    async function deliver(message: QueuedMessage, campaign: OpenCampaign): Promise<"sent" | "passed" | "quiet"> {
      const skip = skipReasonOf(message);
      if (skip) {
        await queue.skip(message, skip, clock().toISOString());
        return "passed";
      }
      const chatId = message.chatId!;
      const wait = pacer.chatWait(chatId);
      if (wait > 0) {
        const now = clock();
        await queue.postpone(message.id, later(now, wait), now.toISOString());
        return "passed";
      }
      const language = isLanguageCode(message.language) ? message.language : DEFAULT_LANGUAGE;
      const rendered = renderForTelegram(campaignReply(message), i18n.forLanguage(language));
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      const ticket = await pacer.slot();
      // The slot may have waited out a 429 pause into the evening.
      const at = clock();
      const quiet = isQuiet(at, campaign.timezone, { from: campaign.quietFrom, until: campaign.quietUntil });
      if (!more() || quiet || !(await queue.claim(message.id, name, at.toISOString()))) {
        ticket.answered();
        return quiet ? "quiet" : "passed";
      }
      // Nothing may come between the claim and the send: that gap is the only way to lose a message.
      const request = send(chatId, rendered)
        .then((outcome) => {
          ticket.answered();
          return settle(message, outcome);
        })
        .catch((error: unknown) => logger.error({ err: error, message: message.id }, "could not record a campaign message's outcome"))
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
      pacer.sentTo(chatId);
      sent++;
      return "sent";
    }

    return {
      /** Marks other senders' claims made up to `claimedBefore` unconfirmed: they may have reached Telegram. */
      async settleAbandoned(claimedBefore: Date) {
        const abandoned = await queue.abandonClaims(name, claimedBefore.toISOString(), clock().toISOString());
        if (abandoned > 0) logger.warn({ abandoned }, "campaign messages a stopped sender left unanswered are marked unconfirmed, not sent again");
      },
      /** Sends one batch of due messages; false when nothing was due. */
      async sendBatch(): Promise<boolean> {
        const { messages, open } = await dueBatch();
        for (const message of messages) {
          if (!more()) break;
          const campaign = open.get(message.campaignId);
          if (!campaign || (await deliver(message, campaign)) === "quiet") break;
        }
        return messages.length > 0;
      },
      /** Waits for every request on its way to be answered and recorded; returns how many were sent. */
      async drain(): Promise<number> {
        await Promise.allSettled([...inFlight]);
        return sent;
      },
    };
  }

  async function run() {
    const loop = sender(runner, () => !stopping);
    await loop.settleAbandoned(clock());
    while (!stopping) {
      try {
        if (!(await loop.sendBatch())) await idle();
      } catch (error) {
        logger.error({ err: error }, "campaign delivery failed; trying again shortly");
        await idle();
      }
    }
    await loop.drain();
  }

  return {
    start() {
      if (running) return;
      stopping = false;
      running = run();
    },
    async stop() {
      stopping = true;
      wakeUp?.();
      await running;
      running = undefined;
    },
    wake() {
      wakeUp?.();
    },
    async deliverFor(budget) {
      const deadline = performance.now() + budget.ms;
      const pass = sender(crypto.randomUUID(), () => performance.now() < deadline);
      try {
        await pass.settleAbandoned(new Date(clock().getTime() - ABANDONED_AFTER_MS));
        // Ends when nothing is due: what a chat's pace or a quiet hour holds back waits for the next pass.
        while (performance.now() < deadline && (await pass.sendBatch()));
      } catch (error) {
        logger.error({ err: error }, "campaign delivery pass failed; the next pass resumes from the queue");
      }
      return pass.drain();
    },
  };
}
