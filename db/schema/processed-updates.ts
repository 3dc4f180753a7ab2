import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
  (t) => [primaryKey({ columns: [t.source, t.updateKey] }), index("processed_updates_at_idx").on(t.processedAt)],
);
