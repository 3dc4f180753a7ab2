import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Webhook deliveries already handled, so a retried delivery is recognised and changes nothing.
 * `source` names the sender (`telegram`, `slack`), `update_key` its delivery id.
 */
export const processedUpdates = sqliteTable(
  "processed_updates",
  {
    source: text("source").notNull(),
    updateKey: text("update_key").notNull(),
    processedAt: text("processed_at").notNull(),
  },
  // No index on processed_at: every update writes this table, and pruning walks the oldest rows by
  // rowid, which grows with processed_at, instead of keeping a second index up to date per update.
  (t) => [primaryKey({ columns: [t.source, t.updateKey] })],
);
