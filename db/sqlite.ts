import { mkdirSync } from "node:fs";
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
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, sqlite, close: () => sqlite.close() };
}
