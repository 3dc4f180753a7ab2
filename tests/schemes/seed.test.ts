import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ACTIVITIES, SCHEMES } from "../../core/schemes/catalogue";
import { TAG_BITS, tagMask, tagSearchText } from "../../core/schemes/tags";
import { AREAS, GROUPS, TOPICS } from "../../core/schemes/types";
import { CATEGORIES, CORE_ISSUES, OPTIONAL_ISSUES } from "../../core/scoring/issues";
import { schemeRepository } from "../../db/repositories/schemes";
import { catalogueStatements } from "../../db/seed/schemes-sql";
import { openSqlite } from "../../db/sqlite";

const folder = mkdtempSync(join(tmpdir(), "samuh-schemes-seed-"));
let opened = 0;
const open = () => openSqlite(join(folder, `seed-${++opened}.sqlite`));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("tag bits", () => {
  it("give every tag of every vocabulary one bit, within exact integer range", () => {
    const vocabulary = [
      ...CATEGORIES.map((category) => `category:${category.id}`),
      ...[...CORE_ISSUES, ...OPTIONAL_ISSUES].map((issue) => `issue:${issue}`),
      ...TOPICS.map((topic) => `topic:${topic}`),
      ...GROUPS.map((group) => `group:${group}`),
      ...AREAS.map((area) => `area:${area}`),
    ];
    expect([...TAG_BITS].sort()).toEqual(vocabulary.sort());
    expect(new Set(TAG_BITS).size).toBe(TAG_BITS.length);
    expect(TAG_BITS.length).toBeLessThanOrEqual(52);
  });
});

describe("the catalogue migrations", () => {
  it("seed exactly the catalogue, with its derived search columns", async () => {
    const { db, sqlite, close } = open();
    try {
      const stored = await schemeRepository(db).list({ range: [0, 999], sort: { field: "id", order: "ASC" } });
      const content = stored.rows.map(({ createdAt: _c, updatedAt: _u, retiredAt: _r, ...scheme }) => scheme);
      expect(content).toEqual([...SCHEMES].sort((a, b) => (a.id < b.id ? -1 : 1)));
      const derived = sqlite.prepare("SELECT id, tag_mask AS mask, search_tags AS words FROM schemes").all() as { id: string; mask: number; words: string }[];
      for (const row of derived) {
        const scheme = SCHEMES.find((entry) => entry.id === row.id);
        if (!scheme) throw new Error(`unexpected scheme ${row.id}`);
        expect(row, row.id).toEqual({ id: scheme.id, mask: tagMask(scheme), words: tagSearchText(scheme) });
      }
      const activities = sqlite.prepare("SELECT id, area, description, issues, groups FROM br_activities ORDER BY position").all() as Record<string, string>[];
      expect(activities.map((row) => ({ ...row, issues: JSON.parse(row.issues ?? ""), groups: JSON.parse(row.groups ?? "") }))).toEqual(ACTIVITIES);
    } finally {
      close();
    }
  });
});

describe("the catalogue seed script", () => {
  it("restores built-in entries and leaves an admin's own entries alone", async () => {
    const { db, sqlite, close } = open();
    try {
      const repo = schemeRepository(db);
      await repo.update("pmegp", { name: "Renamed by hand" }, "2025-01-01T00:00:00.000Z");
      const [model] = SCHEMES;
      if (!model) throw new Error("catalogue is empty");
      const custom = { ...model, id: "own-entry", source: "custom" as const, successorId: null, status: "active" as const };
      expect((await repo.create(custom, "2025-01-01T00:00:00.000Z")).status).toBe("saved");

      for (const statement of catalogueStatements("2025-06-01T00:00:00.000Z")) sqlite.exec(statement);

      expect(await repo.get("pmegp")).toMatchObject({ name: "Prime Minister's Employment Generation Programme (PMEGP)", updatedAt: "2025-06-01T00:00:00.000Z" });
      expect(await repo.get("own-entry")).toMatchObject({ name: custom.name, updatedAt: "2025-01-01T00:00:00.000Z" });
      expect((await repo.list()).total).toBe(SCHEMES.length + 1);
      const indexed = sqlite.prepare("SELECT count(*) AS n FROM schemes_fts WHERE schemes_fts MATCH 'renamed'").get() as { n: number };
      expect(indexed.n).toBe(0);
    } finally {
      close();
    }
  });
});
