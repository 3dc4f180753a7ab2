import { and, count, eq, gte, lte, type SQL } from "drizzle-orm";
import type { Database } from "../database";
import { auditLog, type AuditEntry } from "../schema";
import { type ListQuery, type ListResult, orderFor, pageFor } from "./listing";

export interface AuditInput {
  at: string;
  /** `user:<id>`, `telegram:<id>`, `slack:<id>` or `system`. */
  actor: string;
  /** What was done, e.g. `response_set.exclude`. */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  /** ISO times bounding `at`, both inclusive. */
  since?: string;
  until?: string;
}

const sortable = { id: auditLog.id, at: auditLog.at, actor: auditLog.actor, action: auditLog.action, entity: auditLog.entity };

/** The audit trail: who changed what. Entries are only ever added. */
export function auditRepository(db: Database) {
  /** The insert for one entry, to run inside `atomically` with the change it records. */
  function statement(entry: AuditInput) {
    return db.insert(auditLog).values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
  }

  return {
    statement,

    /** Records one entry on its own. */
    async record(entry: AuditInput): Promise<void> {
      await statement(entry);
    },

    /** Entries for the console, newest first unless sorted otherwise. */
    async list(query: ListQuery<AuditFilter> = {}): Promise<ListResult<AuditEntry>> {
      const f = query.filter ?? {};
      const conditions: (SQL | undefined)[] = [
        f.actor === undefined ? undefined : eq(auditLog.actor, f.actor),
        f.action === undefined ? undefined : eq(auditLog.action, f.action),
        f.entity === undefined ? undefined : eq(auditLog.entity, f.entity),
        f.entityId === undefined ? undefined : eq(auditLog.entityId, f.entityId),
        f.since === undefined ? undefined : gte(auditLog.at, f.since),
        f.until === undefined ? undefined : lte(auditLog.at, f.until),
      ];
      const where = and(...conditions);
      const { limit, offset } = pageFor(query.range);
      const rows = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(...orderFor(query.sort, sortable, { field: "id", order: "DESC" }, auditLog.id))
        .limit(limit)
        .offset(offset);
      const [counted] = await db.select({ total: count() }).from(auditLog).where(where);
      return { rows, total: counted?.total ?? 0 };
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
