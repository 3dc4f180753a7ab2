import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { clusters, createRepositories } from "../../db";
import { openSqlite } from "../../db/sqlite";
import { startD1 } from "../helpers/d1";
import { at } from "./fixtures";

/** Every table the drizzle schema declares: the migrations must create all of them. */
const schemaTables = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => is(value, SQLiteTable))
  .map((table) => getTableName(table))
  .sort();

const folder = mkdtempSync(join(tmpdir(), "samuh-migrations-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("migrations on a SQLite file", () => {
  it("create every table of the schema in an empty file, in a folder that did not exist", () => {
    const handle = openSqlite(join(folder, "nested", "deeper", "samuh.sqlite"));
    try {
      const tables = handle.sqlite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
        .all() as { name: string }[];
      expect(schemaTables).toEqual(expect.arrayContaining(["sessions", "answers", "response_sets", "processed_updates"]));
      // Search indexes add tables of their own, so the schema's tables are a subset.
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(schemaTables));
      const triggers = handle.sqlite.prepare("select name from sqlite_master where type = 'trigger'").all() as { name: string }[];
      expect(triggers.map((t) => t.name)).toContain("sessions_version_guard");
    } finally {
      handle.close();
    }
  });

  it("sets WAL, the busy timeout, foreign keys and NORMAL synchronous", () => {
    const handle = openSqlite(join(folder, "pragmas.sqlite"));
    try {
      expect(handle.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(handle.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
      expect(handle.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
      // NORMAL is 1 (OFF 0, FULL 2).
      expect(handle.sqlite.pragma("synchronous", { simple: true })).toBe(1);
    } finally {
      handle.close();
    }
  });

  it("reopens an existing file without applying anything twice and keeps its data", async () => {
    const path = join(folder, "reopen.sqlite");
    const first = openSqlite(path);
    await createRepositories(first.db).clusters.create({ id: "c1", name: "Samalkha", inviteCode: "SAM", now: at(0) });
    first.close();
    const second = openSqlite(path);
    try {
      expect(await second.db.select().from(clusters)).toHaveLength(1);
    } finally {
      second.close();
    }
  });

  it("opens an in-memory database", () => {
    const handle = openSqlite(":memory:");
    expect(handle.sqlite.prepare("select count(*) as n from clusters").get()).toEqual({ n: 0 });
    handle.close();
  });
});

describe("migrations on D1", () => {
  it("create every table of the schema in an empty database, applied as wrangler would", async () => {
    const d1 = await startD1({ databases: 1 });
    try {
      const { binding } = await d1.fresh();
      const raw = binding as unknown as { prepare(sql: string): { all(): Promise<{ results: { name: string }[] }> } };
      const { results } = await raw
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not like 'd1_%'")
        .all();
      expect(results.map((t) => t.name)).toEqual(expect.arrayContaining(schemaTables));
      const triggers = await raw.prepare("select name from sqlite_master where type = 'trigger'").all();
      expect(triggers.results.map((t) => t.name)).toContain("sessions_version_guard");
    } finally {
      await d1.dispose();
    }
  });
});
