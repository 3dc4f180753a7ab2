import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";

/**
 * The API's one error path. Refusals carry their status and a message react-admin shows as it is
 * (`{ message }` is what its fetch helper reads); anything unexpected is logged and answered 500
 * without details.
 */
export function apiErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof HTTPException) {
      const retryAfter = error.res?.headers.get("Retry-After");
      if (retryAfter) c.header("Retry-After", retryAfter);
      return c.json({ message: error.message || "Request refused." }, error.status);
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, "console API request failed");
    return c.json({ message: "Something went wrong on the server; it has been logged." }, 500);
  };
}
