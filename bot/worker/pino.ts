/**
 * What `import { pino } from "pino"` means inside the Worker's bundle (wrangler.toml aliases "pino"
 * here), so that bot/logger.ts stays the one place that says what a log line may contain.
 *
 * pino's Node build writes through streams and worker threads that workerd lacks; its browser build
 * runs there but, left to its defaults, hands raw arguments to the console and skips redaction. Asking
 * it for one object per line applies the redaction paths and gives Workers Logs fields to query, and
 * the error serializer keeps an `err`'s message and stack instead of an empty `{}`.
 */
import type { Logger, LoggerOptions } from "pino";
import browserPino from "pino/browser.js";

export function pino(options: LoggerOptions = {}): Logger {
  return browserPino({
    ...options,
    serializers: { err: browserPino.stdSerializers.err, ...options.serializers },
    browser: { asObject: true, serialize: true, ...options.browser },
  });
}
