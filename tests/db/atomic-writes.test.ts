import { asc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { atomically, compiledRows, compiledWrite, constraintFailure, type Database } from "../../db/database";
import { auditLog, processedUpdates } from "../../db/schema";
import { testDrivers } from "./drivers";

type AuditRow = Omit<typeof auditLog.$inferInsert, "id">;

const entry = (index: number, before: unknown, after: unknown): AuditRow => ({
  at: `2026-11-23T10:00:${String(index).padStart(2, "0")}.000Z`,
  actor: "system",
  action: "test.write",
  entity: "thing",
  entityId: `thing-${index}`,
  before,
  after,
});

describe.each(testDrivers())("atomic and compiled writes on $name", (driver) => {
  let db: Database;
  let appendAudit: (rows: readonly AuditRow[]) => ReturnType<ReturnType<typeof compiledRows<AuditRow>>>;
  let recordUpdate: ReturnType<typeof compiledWrite<typeof processedUpdates.$inferInsert>>;

  beforeEach(async () => {
    db = await driver.open();
    appendAudit = compiledRows(db, 7, (rows: AuditRow[]) =>
      db.insert(auditLog).values(
        rows.map((row) => ({
          at: row.at,
          actor: row.actor,
          action: row.action,
          entity: row.entity,
          entityId: row.entityId,
          before: row.before,
          after: row.after,
        })),
      ),
    );
    recordUpdate = compiledWrite(db, (v: typeof processedUpdates.$inferInsert) =>
      db.insert(processedUpdates).values({ source: v.source, updateKey: v.updateKey, processedAt: v.processedAt }),
    );
  });

  const stored = () =>
    db
      .select({
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        beforeIsNull: sql<number>`${auditLog.before} is null`,
        afterType: sql<string>`typeof(${auditLog.after})`,
      })
      .from(auditLog)
      .orderBy(asc(auditLog.id));

  it("stores what drizzle's own builder stores: JSON encoded, null as SQL null", async () => {
    const values = entry(1, null, { answers: { q1: 4, q2: "two" }, note: null });
    await atomically(db, appendAudit([values]));
    await db.insert(auditLog).values({ ...values, entityId: "by-builder" });

    const [compiled, built] = await stored();
    expect(compiled).toEqual({ entityId: "thing-1", before: null, after: values.after, beforeIsNull: 1, afterType: "text" });
    expect({ ...built, entityId: "thing-1" }).toEqual(compiled);
  });

  it("binds every row of a write bigger than D1's parameter limit, in order", async () => {
    const rows = Array.from({ length: 40 }, (_, index) => entry(index, index % 3 === 0 ? null : { index }, [index, "x"]));
    await atomically(db, appendAudit(rows));

    const read = await stored();
    expect(read.map((row) => row.entityId)).toEqual(rows.map((row) => row.entityId));
    expect(read.map((row) => row.before)).toEqual(rows.map((row) => row.before));
    expect(read.filter((row) => row.beforeIsNull === 1)).toHaveLength(14);
  });

  it("is all or nothing beside other writes: a refused compiled write leaves nothing behind", async () => {
    const key = { source: "telegram", updateKey: "42", processedAt: "2026-11-23T10:00:00.000Z" };
    await atomically(db, [recordUpdate(key)]);

    const error = await atomically(db, [...appendAudit([entry(1, null, 1), entry(2, null, 2)]), recordUpdate(key)]).catch((e: unknown) => e);
    expect(constraintFailure(error)).toEqual({ kind: "unique", columns: "processed_updates.source, processed_updates.update_key" });
    expect(await stored()).toEqual([]);
    expect(await db.select().from(processedUpdates).where(eq(processedUpdates.updateKey, "42"))).toHaveLength(1);
  });

  it("refuses a missing value instead of binding it", async () => {
    const incomplete = { source: "telegram", updateKey: "43" } as typeof processedUpdates.$inferInsert;
    await expect(async () => atomically(db, [recordUpdate(incomplete)])).rejects.toThrow(/processed_?at/i);
    expect(await db.select().from(processedUpdates)).toEqual([]);
  });

  it("keeps writes made at the same moment apart: one refused leaves the others stored", async () => {
    const key = { source: "telegram", updateKey: "44", processedAt: "2026-11-23T10:00:00.000Z" };
    await atomically(db, [recordUpdate(key)]);

    const results = await Promise.allSettled([
      atomically(db, appendAudit([entry(1, null, 1)])),
      atomically(db, [...appendAudit([entry(2, null, 2)]), recordUpdate(key)]),
      atomically(db, appendAudit([entry(3, null, 3)])),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(constraintFailure((results[1] as PromiseRejectedResult).reason)).toMatchObject({ kind: "unique" });
    expect((await stored()).map((row) => row.entityId)).toEqual(["thing-1", "thing-3"]);
  });
});
