import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../logger";

type Level = "debug" | "info" | "warn" | "error";

function describe(part: unknown): string {
  if (typeof part === "string") return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

/**
 * Bolt and its Web API client log through this, so their lines land in the product's structured log
 * (with its redaction) rather than on the console.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  const write = (level: Level) => (...message: unknown[]) => {
    const [first, ...rest] = message;
    if (first instanceof Error) child[level]({ err: first }, rest.map(describe).join(" "));
    else child[level](message.map(describe).join(" "));
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // The product's LOG_LEVEL decides; Bolt's own level setting is ignored.
    setLevel: () => {},
    getLevel: () =>
      child.isLevelEnabled("debug")
        ? LogLevel.DEBUG
        : child.isLevelEnabled("info")
          ? LogLevel.INFO
          : child.isLevelEnabled("warn")
            ? LogLevel.WARN
            : LogLevel.ERROR,
    setName: () => {},
  };
}
