import { z } from "zod";
import { parseQuietHours } from "./campaigns/quiet-hours";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().default("127.0.0.1"),
    DATABASE_URL: z.string().default("./data/samuh.sqlite"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    TELEGRAM_BOT_TOKEN: optionalText,
    TELEGRAM_WEBHOOK_SECRET: optionalText,
    /** Where Telegram's Bot API lives; tests and benchmarks point it at a local stand-in. */
    TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
    /** Campaign messages a second overall and to one chat: Telegram's limits for a bot's broadcasts. */
    TELEGRAM_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
    TELEGRAM_CHAT_RATE_PER_SECOND: z.coerce.number().positive().max(100).default(1),
    /** When campaigns keep quiet in each cluster's local time, unless a campaign sets its own hours. */
    CAMPAIGN_QUIET_HOURS: z
      .string()
      .default("21:00-08:00")
      .transform((value, ctx) => {
        const hours = parseQuietHours(value);
        if (!hours) ctx.addIssue({ code: "custom", message: "must be two local times of day, e.g. 21:00-08:00 (equal times: no quiet hours)" });
        return hours ?? { from: "00:00", until: "00:00" };
      }),
    PUBLIC_URL: optionalText.pipe(z.string().url().optional()),
    /** Whether the Node server builds (when stale) and serves the console at /admin. */
    SERVE_CONSOLE: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
    /** The first console admin, created on a start that finds none. */
    ADMIN_EMAIL: optionalText,
    ADMIN_PASSWORD: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText,
  })
  .superRefine((env, ctx) => {
    // A public webhook without a secret would let anyone post updates as Telegram.
    if (env.TELEGRAM_BOT_TOKEN && env.PUBLIC_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["TELEGRAM_WEBHOOK_SECRET"],
        message: "is required when PUBLIC_URL is set (webhook mode); use 1-256 characters of A-Z, a-z, 0-9, _ and -",
      });
    }
    if (env.TELEGRAM_WEBHOOK_SECRET && !/^[A-Za-z0-9_-]{1,256}$/.test(env.TELEGRAM_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["TELEGRAM_WEBHOOK_SECRET"],
        message: "may only contain A-Z, a-z, 0-9, _ and - (Telegram's rule), at most 256 characters",
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Telegram runs by webhook when the server has a public URL, by long polling otherwise. */
export type TelegramMode =
  | { kind: "off" }
  | { kind: "polling"; token: string; apiRoot: string }
  | { kind: "webhook"; token: string; apiRoot: string; secret: string; url: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads and validates the configuration, naming every bad variable at once.
 * @example loadConfig(process.env).PORT // 8787
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export function telegramMode(config: Config): TelegramMode {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return { kind: "off" };
  const apiRoot = config.TELEGRAM_API_ROOT;
  if (config.PUBLIC_URL && config.TELEGRAM_WEBHOOK_SECRET) {
    const url = new URL("/telegram/webhook", config.PUBLIC_URL).toString();
    return { kind: "webhook", token, apiRoot, secret: config.TELEGRAM_WEBHOOK_SECRET, url };
  }
  return { kind: "polling", token, apiRoot };
}
