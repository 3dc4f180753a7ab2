import { and, eq } from "drizzle-orm";
import type { Database } from "../database";
import { slackDailyThreads } from "../schema/slack-threads";

/** Which message heads each Slack channel's report thread for a day. */
export function slackThreadRepository(db: Database) {
  return {
    async daily(channelId: string, day: string): Promise<string | null> {
      const [row] = await db
        .select({ threadTs: slackDailyThreads.threadTs })
        .from(slackDailyThreads)
        .where(and(eq(slackDailyThreads.channelId, channelId), eq(slackDailyThreads.day, day)));
      return row?.threadTs ?? null;
    },

    /**
     * Records `threadTs` as the day's thread unless one was recorded first, and returns the thread
     * that holds: the caller's when it won, the earlier one when another writer did.
     */
    async claimDaily(input: { channelId: string; day: string; threadTs: string; now: string }): Promise<string> {
      const rows = await db
        .insert(slackDailyThreads)
        .values({ channelId: input.channelId, day: input.day, threadTs: input.threadTs, createdAt: input.now })
        .onConflictDoNothing()
        .returning({ threadTs: slackDailyThreads.threadTs });
      if (rows[0]) return rows[0].threadTs;
      const [held] = await db
        .select({ threadTs: slackDailyThreads.threadTs })
        .from(slackDailyThreads)
        .where(and(eq(slackDailyThreads.channelId, input.channelId), eq(slackDailyThreads.day, input.day)));
      if (!held) throw new Error(`daily thread ${input.channelId}/${input.day} vanished`);
      return held.threadTs;
    },
  };
}

export type SlackThreadRepository = ReturnType<typeof slackThreadRepository>;
