import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface BotApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export const TEST_BOT = {
  id: 7000001,
  is_bot: true as const,
  first_name: "Samuh",
  username: "samuh_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw === "") return {};
  return JSON.parse(raw) as Record<string, unknown>;
}

/**
 * A local stand-in for Telegram's Bot API: records every call the bot makes at the HTTP boundary and
 * answers the way Telegram does, so tests see exactly what a user would receive.
 */
export async function startFakeBotApi() {
  const calls: BotApiCall[] = [];
  /** Methods that answer with an error, and which. */
  const failing = new Map<string, number>();
  let messageId = 1;
  const server = createServer(async (request, response) => {
    const match = /^\/bot[^/]+\/(\w+)$/.exec(request.url ?? "");
    const payload = await readBody(request);
    const method = match?.[1] ?? "unknown";
    calls.push({ method, payload });
    const failure = failing.get(method);
    if (failure !== undefined) {
      response.writeHead(failure, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: false, error_code: failure, description: failure === 400 ? "Bad Request: chat not found" : "Internal Server Error" }));
      return;
    }
    let result: unknown = true;
    if (method === "getMe") result = TEST_BOT;
    if (method === "sendMessage") {
      result = {
        message_id: messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(payload.chat_id), type: "private" },
        text: payload.text,
      };
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ ok: true, result }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** Messages sent to one chat, in order. */
    messagesTo(chatId: number) {
      return calls
        .filter((call) => call.method === "sendMessage" && Number(call.payload.chat_id) === chatId)
        .map((call) => call.payload as { text: string; reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] } });
    },
    /** Makes a method fail with `status` until `recover` is called. */
    fail(method: string, status = 400) {
      failing.set(method, status);
    },
    recover(method: string) {
      failing.delete(method);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeBotApi = Awaited<ReturnType<typeof startFakeBotApi>>;
