import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Who did what to which record, with the record before and after. Rows are never changed. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    /** `user:<id>`, `telegram:<id>`, `slack:<id>` or `system`. */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: text("before", { mode: "json" }).$type<unknown>(),
    after: text("after", { mode: "json" }).$type<unknown>(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_at_idx").on(t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
