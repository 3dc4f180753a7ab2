import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The parent message of each Slack channel's daily report thread: completed response sets of a day
 * are replies under one message rather than a message each. `day` is the date in the cluster's
 * time zone (YYYY-MM-DD); `thread_ts` is Slack's timestamp of the parent message.
 */
export const slackDailyThreads = sqliteTable(
  "slack_daily_threads",
  {
    channelId: text("channel_id").notNull(),
    day: text("day").notNull(),
    threadTs: text("thread_ts").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.day] })],
);

export type SlackDailyThread = typeof slackDailyThreads.$inferSelect;
