import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. Tokens and secrets never reach a log line: the paths below are censored, and the
 * Bot API URL (which embeds the token) is never logged by our code.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "token",
          "*.token",
          "secret",
          "*.secret",
          "password",
          "*.password",
          "headers.authorization",
          "headers.cookie",
          'headers["x-telegram-bot-api-secret-token"]',
          'headers["x-slack-signature"]',
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
