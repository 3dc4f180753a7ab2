import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Database } from "./database";

const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

export interface SqliteHandle {
  db: Database;
  /** The raw connection, for pragmas and backups. */
  sqlite: BetterSqlite3.Database;
  close(): void;
}

/**
 * Opens (creating it if needed) the SQLite database at `path` and brings its schema up to date.
 * WAL lets readers run beside the single writer; the busy timeout makes a second process wait for
 * the write lock instead of failing.
 *
 * @example
 * const { db, close } = openSqlite("./data/samuh.sqlite");
 */
export function openSqlite(path: string): SqliteHandle {
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  // A server's working set (sessions, recent answers, indexes) outgrows SQLite's 2 MiB default cache.
  sqlite.pragma("cache_size = -65536");
  // Every webhook update rewrites the same hot pages (session, response set, index leaves); checkpointing
  // every 10,000 pages instead of 1,000 copies each of them to the database file ten times less often.
  sqlite.pragma("wal_autocheckpoint = 10000");
  sqlite.pragma("journal_size_limit = 67108864");
  reusePreparedStatements(sqlite);
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, sqlite, close: () => sqlite.close() };
}

/**
 * Copies the database at `sourcePath` to `destinationPath` with SQLite's online backup, page by
 * page: the copy is consistent (what the log holds is included) even while the server keeps writing,
 * which copying the file with `cp` is not. The copy is checked before it is called a backup.
 *
 * @example await backupSqlite("./data/samuh.sqlite", "./data/backups/samuh-2026-11-23.sqlite")
 */
export async function backupSqlite(sourcePath: string, destinationPath: string): Promise<{ bytes: number }> {
  mkdirSync(dirname(destinationPath), { recursive: true });
  const source = new BetterSqlite3(sourcePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(destinationPath);
  } finally {
    source.close();
  }
  const copy = new BetterSqlite3(destinationPath);
  try {
    // One self-contained file, to copy off the machine as it is; the server turns WAL back on when it opens a restored copy.
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the backup at ${destinationPath} failed SQLite's integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { bytes: statSync(destinationPath).size };
}

/** Distinct statements kept compiled; the product issues a few dozen shapes of query. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle compiles every query anew, and compiling is the largest single cost of a webhook update on
 * SQLite. The same SQL text always compiles to the same statement, so each one is kept and reused.
 * A reused statement may have been left in raw (array) mode by drizzle, so the mode is reset first.
 */
function reusePreparedStatements(sqlite: BetterSqlite3.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, BetterSqlite3.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}
