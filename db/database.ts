/**
 * What the repositories need from a database, whichever driver is underneath. Node runs SQLite
 * through better-sqlite3, Cloudflare Workers run D1; both are drizzle SQLite databases, and the
 * differences between them are kept in this file.
 */
import type { BatchItem } from "drizzle-orm/batch";
import { is } from "drizzle-orm";
import { DrizzleD1Database } from "drizzle-orm/d1";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";

/** A drizzle SQLite database on either driver. Repositories take this and stay driver-agnostic. */
export type Database = BaseSQLiteDatabase<"sync" | "async", unknown>;

/** A built, not yet executed, query (`db.insert(...)...`, `db.update(...)...`, `db.delete(...)...`). */
export type Statement = BatchItem<"sqlite">;

/** D1 refuses queries with more bound parameters than this. */
export const MAX_BOUND_PARAMETERS = 100;

interface SyncClient {
  transaction(fn: () => void): { immediate(): void };
}

interface SyncStatement {
  run(): unknown;
}

/**
 * Runs `statements` in order as one transaction: all of them take effect or none does. D1 has no
 * interactive transactions, so this is a `batch` there; on better-sqlite3 it is an immediate
 * transaction, which takes the write lock up front so concurrent processes queue instead of failing.
 * Statements must be query builders, not `db.run(sql)`: better-sqlite3 executes those at once.
 *
 * @example
 * await atomically(db, [db.insert(a).values(x), db.update(b).set(y).where(z)]);
 */
export async function atomically(db: Database, statements: readonly Statement[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first === undefined) return;
  if (is(db, DrizzleD1Database)) {
    await db.batch([first, ...rest]);
    return;
  }
  const client = (db as unknown as { $client: SyncClient }).$client;
  client
    .transaction(() => {
      for (const statement of statements) (statement as unknown as SyncStatement).run();
    })
    .immediate();
}

/** A constraint the database refused a write for, read from either driver's error. */
export type ConstraintFailure =
  | { kind: "unique"; columns: string }
  | { kind: "foreign_key" }
  | { kind: "not_null"; columns: string }
  | { kind: "raised"; message: string };

/**
 * Reads a constraint failure out of an error thrown by either driver, or returns null for anything
 * else. better-sqlite3 throws `SqliteError` ("UNIQUE constraint failed: t.a, t.b"); D1 throws an
 * `Error` whose message wraps the same text ("D1_ERROR: UNIQUE constraint failed: t.a: SQLITE_CONSTRAINT");
 * drizzle may wrap either in a `DrizzleQueryError` with the original as `cause`.
 */
export function constraintFailure(error: unknown): ConstraintFailure | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const message = current.message;
    const unique = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/.exec(message);
    if (unique?.[1]) return { kind: "unique", columns: unique[1] };
    const notNull = /NOT NULL constraint failed: ([\w.]+)/.exec(message);
    if (notNull?.[1]) return { kind: "not_null", columns: notNull[1] };
    if (message.includes("FOREIGN KEY constraint failed")) return { kind: "foreign_key" };
    const raised = RAISED_MESSAGES.find((known) => new RegExp(`(^|\\W)${known}(\\W|$)`).test(message));
    if (raised) return { kind: "raised", message: raised };
  }
  return null;
}

/** Messages our own triggers raise (see db/migrations); matched as whole words in driver errors. */
export const RAISED_MESSAGES = ["stale_session_version"] as const;

/**
 * Splits rows so that each multi-row statement stays within D1's bound-parameter limit, given the
 * parameters each row binds and those the rest of the statement binds (`reserved`).
 */
export function chunkRows<T>(rows: readonly T[], parametersPerRow: number, reserved = 0): T[][] {
  const size = Math.max(1, Math.floor((MAX_BOUND_PARAMETERS - reserved) / parametersPerRow));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}
