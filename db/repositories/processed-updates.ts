import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../database";
import { processedUpdates } from "../schema";

/**
 * Webhook deliveries already handled. Steps that write answers record their delivery inside
 * `sessions.saveStep`; these are for updates that change nothing else in the database.
 */
export function processedUpdateRepository(db: Database) {
  return {
    async wasProcessed(source: string, key: string): Promise<boolean> {
      const [row] = await db
        .select({ key: processedUpdates.updateKey })
        .from(processedUpdates)
        .where(and(eq(processedUpdates.source, source), eq(processedUpdates.updateKey, key)));
      return row !== undefined;
    },

    /** Records a delivery; false when it was recorded before, i.e. this one is a retry. */
    async markProcessed(source: string, key: string, now: string): Promise<boolean> {
      const rows = await db
        .insert(processedUpdates)
        .values({ source, updateKey: key, processedAt: now })
        .onConflictDoNothing()
        .returning({ key: processedUpdates.updateKey });
      return rows.length > 0;
    },

    /**
     * Forgets deliveries recorded before `olderThan` (senders stop retrying long before) among the
     * `limit` oldest, and returns how many. Rows are appended in time order, so the oldest by rowid
     * are the oldest by time and no index on the time is kept up to date on every update. Bounded,
     * so that a first pass over months of updates stays a short write that D1 accepts and that does
     * not hold SQLite's lock for long.
     */
    async prune(olderThan: string, limit: number): Promise<number> {
      const oldest = db.select({ rowid: sql`rowid` }).from(processedUpdates).orderBy(sql`rowid`).limit(limit);
      const rows = await db
        .delete(processedUpdates)
        .where(and(inArray(sql`rowid`, oldest), lt(processedUpdates.processedAt, olderThan)))
        .returning({ key: processedUpdates.updateKey });
      return rows.length;
    },
  };
}

export type ProcessedUpdateRepository = ReturnType<typeof processedUpdateRepository>;
