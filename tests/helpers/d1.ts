/**
 * A local D1 database for tests, from miniflare, with the committed migrations applied the way
 * wrangler applies them: the SQL files in journal order.
 */
import { readFileSync } from "node:fs";
import { Miniflare } from "miniflare";
import { openD1, type D1Binding } from "../../db/d1";
import type { Database } from "../../db/database";

const MIGRATIONS = new URL("../../db/migrations/", import.meta.url);

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The migration files' statements, in the order the journal lists them. */
export function migrationStatements(): string[] {
  const journal = JSON.parse(readFileSync(new URL("meta/_journal.json", MIGRATIONS), "utf8")) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .flatMap((entry) => readFileSync(new URL(`${entry.tag}.sql`, MIGRATIONS), "utf8").split("--> statement-breakpoint"))
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export interface TestD1 {
  /** A fresh, migrated database each call: suites stay independent while sharing one Miniflare. */
  fresh(): Promise<{ db: Database; binding: D1Binding }>;
  dispose(): Promise<void>;
}

/**
 * Starts one Miniflare for a test file. Each `fresh()` binds a new, migrated D1 database, up to
 * `databases` of them (Miniflare fixes its bindings at start).
 *
 * @example
 * const d1 = await startD1(); afterAll(() => d1.dispose());
 * const { db } = await d1.fresh();
 */
export async function startD1({ databases = 64 }: { databases?: number } = {}): Promise<TestD1> {
  const statements = migrationStatements();
  let count = 0;
  let mf: Miniflare | null = null;
  const names = Array.from({ length: databases }, (_, i) => `DB${i}`);
  mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: names });
  await mf.ready;
  return {
    async fresh() {
      const name = names[count++];
      if (!mf || name === undefined) throw new Error(`startD1 offers ${names.length} fresh databases per Miniflare`);
      const binding = (await mf.getD1Database(name)) as unknown as D1Binding;
      const raw = binding as unknown as { prepare(sql: string): unknown; batch(statements: unknown[]): Promise<unknown> };
      await raw.batch(statements.map((statement) => raw.prepare(statement)));
      return { db: openD1(binding), binding };
    },
    async dispose() {
      await mf?.dispose();
      mf = null;
    },
  };
}
