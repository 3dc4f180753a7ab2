import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { MiddlewareHandler } from "hono/types";
import { z } from "zod";

const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

/** Telegram's updates are small; anything near this is not from Telegram. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

/**
 * Whether `given` is the secret, in time that depends on the secret's length only, never on where the
 * two differ. Plain byte arithmetic: hono's `timingSafeEqual` hashes both strings through WebCrypto on
 * every update, which costs more than the rest of the check, and this runs on Workers just the same.
 */
function isSecret(given: string, secret: Uint8Array): boolean {
  const bytes = encoder.encode(given);
  let difference = bytes.length ^ secret.length;
  for (let i = 0; i < secret.length; i++) difference |= secret[i]! ^ (bytes[i] ?? 0);
  return difference === 0;
}

/**
 * Refuses bodies over `MAX_UPDATE_BYTES`. Telegram states the length up front, and the HTTP parser
 * reads no more than that, so the header is checked alone: hono's `bodyLimit` reads `req.raw.body`,
 * which on Node builds a full web `Request` and stream per update. An upload without a length
 * (chunked) is still counted as it streams in.
 */
function updateSizeLimit(): MiddlewareHandler {
  const onError = (): never => {
    // The rest of the upload is never read, so the connection cannot carry another request.
    const res = new Response(JSON.stringify({ error: "update too large" }), {
      status: 413,
      headers: { "content-type": "application/json", connection: "close" },
    });
    throw new HTTPException(413, { res });
  };
  const streamed = bodyLimit({ maxSize: MAX_UPDATE_BYTES, onError });
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    if (Number.parseInt(length, 10) > MAX_UPDATE_BYTES) onError();
    await next();
  };
}

/** Only what we rely on before grammY reads the rest. */
const updateEnvelope = z.looseObject({ update_id: z.number().int().nonnegative() });

/**
 * `POST /telegram/webhook`. The answer is 200 only after the update's effects are stored, so that
 * Telegram delivers it again if anything failed; a redelivery is recognised by its update_id. Its
 * body may carry one Bot API call (a webhook reply), which Telegram then makes.
 */
export function telegramWebhookRoutes(bot: Bot, secret: string) {
  const routes = new Hono();
  const expected = encoder.encode(secret);
  routes.post(
    "/",
    async (c, next) => {
      // Checked before reading the body: an unauthenticated caller costs us nothing and gets nothing.
      const given = c.req.header(SECRET_HEADER) ?? "";
      if (!isSecret(given, expected)) throw new HTTPException(401, { message: "wrong secret token" });
      await next();
    },
    updateSizeLimit(),
    async (c) => {
      // Telegram always sends JSON; anything else is not Telegram talking.
      const contentType = c.req.header("content-type") ?? "";
      if (!/^application\/json\s*(;|$)/i.test(contentType)) {
        throw new HTTPException(415, { message: "updates are application/json" });
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: "body is not JSON" });
      }
      const envelope = updateEnvelope.safeParse(body);
      if (!envelope.success) throw new HTTPException(400, { message: "not a Telegram update" });
      if (!bot.isInited()) await bot.init();
      // A call the bot lets ride on this response (see `canUseWebhookReply`) comes back as its body.
      let webhookReply: string | undefined;
      await bot.handleUpdate(envelope.data as unknown as Update, {
        send: (payload) => {
          webhookReply = payload;
        },
      });
      return webhookReply === undefined ? c.body(null, 200) : c.body(webhookReply, 200, { "content-type": "application/json" });
    },
  );
  return routes;
}
