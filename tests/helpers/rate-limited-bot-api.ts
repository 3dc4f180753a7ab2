import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { TEST_BOT } from "./fake-bot-api";

export interface RateLimitedBotApiOptions {
  /** Messages accepted in any one-second window, across all chats (Telegram: about 30). */
  ratePerSecond?: number;
  /** Messages accepted per chat in any one-second window (Telegram: about 1). */
  chatRatePerSecond?: number;
  /** Chats whose user blocked the bot: sendMessage answers 403. */
  blockedChats?: ReadonlySet<number>;
  /**
   * Told of every accepted message before it is answered, with how many were accepted so far; a
   * crash test kills the server from here, with the request on its way and the answer not.
   */
  onAccepted?: (count: number, chatId: number) => void;
}

export interface AcceptedMessage {
  chatId: number;
  text: string;
  replyMarkup?: { inline_keyboard: { text: string; callback_data: string }[][] };
  /** performance.now() when accepted. */
  at: number;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>);
}

/**
 * A local stand-in for Telegram's Bot API that enforces Telegram's broadcast limits the strict way,
 * over sliding one-second windows: a sendMessage over the overall rate, or a second one to a chat
 * within its interval, is refused with 429 and `retry_after` (whole seconds, as Telegram sends it).
 * Refused messages are not delivered; accepted ones are recorded in order.
 */
export async function startRateLimitedBotApi(options: RateLimitedBotApiOptions = {}) {
  const rate = options.ratePerSecond ?? 30;
  const chatInterval = 1000 / (options.chatRatePerSecond ?? 1);
  const accepted: AcceptedMessage[] = [];
  /** Times of the accepted messages still inside the current window, oldest first. */
  const window: number[] = [];
  const lastToChat = new Map<number, number>();
  let refused = 0;
  let messageId = 1;

  /** Milliseconds until a message to `chatId` would be accepted; 0 when it is now. */
  function waitFor(chatId: number, now: number): number {
    while (window.length > 0 && now - window[0]! >= 1000) window.shift();
    const overall = window.length < rate ? 0 : window[window.length - rate]! + 1000 - now;
    const last = lastToChat.get(chatId);
    const perChat = last === undefined ? 0 : Math.max(0, last + chatInterval - now);
    return Math.max(overall, perChat);
  }

  const server = createServer(async (request, response) => {
    // Stamped on arrival, before the body is read, as Telegram would count it.
    const arrived = performance.now();
    const method = /^\/bot[^/]+\/(\w+)$/.exec(request.url ?? "")?.[1] ?? "unknown";
    const payload = await readBody(request);
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (method === "getMe") return answer(200, { ok: true, result: TEST_BOT });
    if (method !== "sendMessage") return answer(200, { ok: true, result: true });

    const chatId = Number(payload.chat_id);
    if (options.blockedChats?.has(chatId)) {
      return answer(403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    }
    const now = arrived;
    const wait = waitFor(chatId, now);
    if (wait > 0) {
      refused++;
      const retryAfter = Math.max(1, Math.ceil(wait / 1000));
      return answer(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    window.push(now);
    lastToChat.set(chatId, now);
    const message: AcceptedMessage = { chatId, text: String(payload.text), at: now };
    if (payload.reply_markup) message.replyMarkup = payload.reply_markup as AcceptedMessage["replyMarkup"];
    accepted.push(message);
    options.onAccepted?.(accepted.length, chatId);
    answer(200, {
      ok: true,
      result: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, text: message.text },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    /** sendMessage calls answered 429. */
    get refused() {
      return refused;
    },
    messagesTo(chatId: number) {
      return accepted.filter((message) => message.chatId === chatId);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RateLimitedBotApi = Awaited<ReturnType<typeof startRateLimitedBotApi>>;
