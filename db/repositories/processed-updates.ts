import { and, eq, lt } from "drizzle-orm";
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

    /** Forgets deliveries recorded before `olderThan` (senders stop retrying long before); returns how many. */
    async prune(olderThan: string): Promise<number> {
      const rows = await db
        .delete(processedUpdates)
        .where(lt(processedUpdates.processedAt, olderThan))
        .returning({ key: processedUpdates.updateKey });
      return rows.length;
    },
  };
}

export type ProcessedUpdateRepository = ReturnType<typeof processedUpdateRepository>;

/** Forgets webhook deliveries recorded before `olderThan`; returns how many. */
export function pruneProcessedUpdates(db: Database, olderThan: string): Promise<number> {
  return processedUpdateRepository(db).prune(olderThan);
}
