/**
 * The two drivers every repository suite runs on: better-sqlite3 on a real file in a temp folder,
 * and D1 from Miniflare (one instance per test file, a fresh database per `open`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import type { Database } from "../../db/database";
import { openSqlite, type SqliteHandle } from "../../db/sqlite";
import { startD1, type TestD1 } from "../helpers/d1";

export interface Driver {
  name: "better-sqlite3" | "d1";
  /** A new, migrated, empty database. */
  open(): Promise<Database>;
}

/** Call at the top of a test file; cleans up after the file. */
export function testDrivers(): Driver[] {
  const folder = mkdtempSync(join(tmpdir(), "samuh-db-"));
  const handles: SqliteHandle[] = [];
  let d1: Promise<TestD1> | null = null;
  afterAll(async () => {
    for (const handle of handles) handle.close();
    rmSync(folder, { recursive: true, force: true });
    if (d1) await (await d1).dispose();
  });
  return [
    {
      name: "better-sqlite3",
      async open() {
        const handle = openSqlite(join(folder, `db-${handles.length}`, "samuh.sqlite"));
        handles.push(handle);
        return handle.db;
      },
    },
    {
      name: "d1",
      async open() {
        d1 ??= startD1();
        return (await (await d1).fresh()).db;
      },
    },
  ];
}
