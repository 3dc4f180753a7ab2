import { BotError } from "grammy";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "../logger";

/**
 * The one place errors become responses. Expected refusals (401, 413, 400…) carry their own status and
 * a short message; anything else is logged and answered 500, so that a webhook sender retries.
 */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof HTTPException) {
      if (error.res) return error.getResponse();
      return c.json({ error: error.message || "request refused" }, error.status);
    }
    // A BotError holds grammY's context, and with it the bot token: log only what went wrong.
    const logged = error instanceof BotError ? { err: error.error, update: error.ctx.update.update_id } : { err: error };
    logger.error({ ...logged, method: c.req.method, path: c.req.path }, "request failed");
    return c.json({ error: "internal error" }, 500);
  };
}
