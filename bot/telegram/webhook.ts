import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { timingSafeEqual } from "hono/utils/buffer";
import { z } from "zod";

const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

/** Telegram's updates are small; anything near this is not from Telegram. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

/** Only what we rely on before grammY reads the rest. */
const updateEnvelope = z.looseObject({ update_id: z.number().int().nonnegative() });

/**
 * `POST /telegram/webhook`. The answer is 200 only after the update's effects are stored, so that
 * Telegram delivers it again if anything failed; a redelivery is recognised by its update_id.
 */
export function telegramWebhookRoutes(bot: Bot, secret: string) {
  const routes = new Hono();
  routes.post(
    "/",
    async (c, next) => {
      // Checked before reading the body: an unauthenticated caller costs us nothing and gets nothing.
      const given = c.req.header(SECRET_HEADER) ?? "";
      if (!(await timingSafeEqual(given, secret))) throw new HTTPException(401, { message: "wrong secret token" });
      await next();
    },
    bodyLimit({
      maxSize: MAX_UPDATE_BYTES,
      onError: () => {
        // The rest of the upload is never read, so the connection cannot carry another request.
        const res = new Response(JSON.stringify({ error: "update too large" }), {
          status: 413,
          headers: { "content-type": "application/json", connection: "close" },
        });
        throw new HTTPException(413, { res });
      },
    }),
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
      await bot.handleUpdate(envelope.data as unknown as Update);
      return c.body(null, 200);
    },
  );
  return routes;
}
