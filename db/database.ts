/**
 * What the repositories need from a database, whichever driver is underneath. Node runs SQLite
 * through better-sqlite3, Cloudflare Workers run D1; both are drizzle SQLite databases, and the
 * differences between them are kept in this file.
 */
import type { BatchItem } from "drizzle-orm/batch";
import { is, Param, Placeholder, sql } from "drizzle-orm";
import { DrizzleD1Database } from "drizzle-orm/d1";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";

/** A drizzle SQLite database on either driver. Repositories take this and stay driver-agnostic. */
export type Database = BaseSQLiteDatabase<"sync" | "async", unknown>;

/** A built, not yet executed, query (`db.insert(...)...`, `db.update(...)...`, `db.delete(...)...`). */
export type Statement = BatchItem<"sqlite">;

/** D1 refuses queries with more bound parameters than this. */
export const MAX_BOUND_PARAMETERS = 100;

/** A write bound by `compiledWrite` or `compiledRows`: SQL compiled once, values of this call. */
class BoundWrite {
  constructor(readonly run: () => void) {}
}

/** Anything `atomically` runs: a query builder, or a bound compiled write. */
export type Write = Statement | BoundWrite;

interface SyncClient {
  transaction(fn: () => void): { (): void; immediate(): void };
  readonly inTransaction: boolean;
  prepare(source: string): { run(...parameters: unknown[]): unknown };
}

interface SyncStatement {
  run(): unknown;
}

/**
 * Runs `statements` in order as one transaction: all of them take effect or none does. D1 has no
 * interactive transactions, so this is a `batch` there. On better-sqlite3 the writes that arrive in
 * the same turn of the event loop share one immediate transaction (group commit), each in a savepoint
 * of its own: a commit costs a write of every page it touched, and concurrent webhook updates touch
 * many of the same pages. One write refused (a duplicate, a stale version) leaves the others alone;
 * a failure of the transaction itself fails them all. Nothing resolves before the commit. The write
 * lock is taken up front, so concurrent processes queue instead of failing.
 * Statements must be query builders, not `db.run(sql)`: better-sqlite3 executes those at once.
 *
 * @example
 * await atomically(db, [db.insert(a).values(x), db.update(b).set(y).where(z)]);
 */
export async function atomically(db: Database, statements: readonly Write[]): Promise<void> {
  if (statements.length === 0) return;
  if (is(db, DrizzleD1Database)) {
    const [first, ...rest] = statements.map((statement) => {
      // compiledWrite never binds on D1: it hands back builders there.
      if (statement instanceof BoundWrite) throw new Error("a compiled write reached D1");
      return statement;
    });
    await db.batch([first!, ...rest]);
    return;
  }
  const client = (db as unknown as { $client: SyncClient }).$client;
  return new Promise<void>((resolve, reject) => {
    let pending = groups.get(client);
    if (!pending) {
      groups.set(client, (pending = []));
      // After this turn's I/O callbacks: every update being handled now adds its write first.
      setImmediate(() => commitGroup(client));
    }
    pending.push({ statements, resolve, reject });
  });
}

interface GroupedWrite {
  statements: readonly Write[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Writes waiting for their connection's next group commit. */
const groups = new WeakMap<SyncClient, GroupedWrite[]>();

function commitGroup(client: SyncClient): void {
  const writes = groups.get(client) ?? [];
  groups.delete(client);
  const refusals = new Map<GroupedWrite, unknown>();
  try {
    client
      .transaction(() => {
        for (const write of writes) {
          try {
            // A transaction inside a transaction is a savepoint: a refused write is rolled back alone.
            client.transaction(() => {
              for (const statement of write.statements) (statement as unknown as SyncStatement).run();
            })();
          } catch (error) {
            // Some failures (a full disk, I/O) end the whole transaction: then nothing is kept.
            if (!client.inTransaction) throw error;
            refusals.set(write, error);
          }
        }
      })
      .immediate();
  } catch (error) {
    for (const write of writes) write.reject(error);
    return;
  }
  for (const write of writes) {
    if (refusals.has(write)) write.reject(refusals.get(write));
    else write.resolve();
  }
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

/** A built statement whose SQL text and parameters drizzle can render without running it. */
type RenderableStatement = Statement & { toSQL(): { sql: string; params: unknown[] } };

/**
 * A write whose SQL is built once and only bound per call, for writes made on every webhook update.
 * drizzle renders a query's SQL anew on every run, which costs more than SQLite takes to execute the
 * small writes of an answer. `build` names where each value goes and must not compute with them: on
 * better-sqlite3 it runs once, with placeholders. On D1 it runs per call with the real values, and
 * the statement is an ordinary builder, batched as usual.
 *
 * @example
 * const touch = compiledWrite(db, (v: { id: string; now: string }) => db.update(t).set({ at: v.now }).where(eq(t.id, v.id)));
 * await atomically(db, [touch({ id, now })]);
 */
export function compiledWrite<Values extends object>(db: Database, build: (values: Values) => RenderableStatement): (values: Values) => Write {
  if (is(db, DrizzleD1Database)) return build;
  const { sql: source, params } = build(placeholders<Values>()).toSQL();
  const client = (db as unknown as { $client: SyncClient }).$client;
  const statement = client.prepare(source);
  const binders = params.map(binderOf);
  return (values) => {
    const bound = binders.map((bind) => bind(values as Record<string, unknown>));
    return new BoundWrite(() => statement.run(...bound));
  };
}

/**
 * A multi-row insert as `compiledWrite`s: on better-sqlite3 one compiled single-row statement bound
 * per row (inside a transaction that costs less than rendering one multi-row statement); on D1
 * multi-row builders, chunked under its bound-parameter limit, so that a batch stays a few statements.
 */
export function compiledRows<Row extends object>(
  db: Database,
  parametersPerRow: number,
  build: (rows: Row[]) => RenderableStatement,
): (rows: readonly Row[]) => Write[] {
  if (is(db, DrizzleD1Database)) return (rows) => chunkRows(rows, parametersPerRow).map(build);
  const one = compiledWrite(db, (row: Row) => build([row]));
  return (rows) => rows.map(one);
}

/** Stands in for every value while a compiled write is built: `values.x` is the placeholder `x`. */
function placeholders<Values extends object>(): Values {
  return new Proxy({} as Values, { get: (_, name) => sql.placeholder(String(name)) });
}

/**
 * How one rendered parameter gets its value: a constant stays, a placeholder takes the named value,
 * through its column's encoder (JSON columns stringify). Null stays SQL null, as drizzle binds it.
 */
function binderOf(parameter: unknown): (values: Record<string, unknown>) => unknown {
  const valueOf = (name: string, values: Record<string, unknown>) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for "${name}": pass null for none`);
    return value;
  };
  if (is(parameter, Param) && is(parameter.value, Placeholder)) {
    const { name } = parameter.value;
    const { encoder } = parameter;
    return (values) => {
      const value = valueOf(name, values);
      return value === null ? null : encoder.mapToDriverValue(value);
    };
  }
  if (is(parameter, Placeholder)) {
    const { name } = parameter;
    return (values) => valueOf(name, values);
  }
  return () => parameter;
}
