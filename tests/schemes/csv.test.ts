import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { SCHEMES } from "../../core/schemes/catalogue";
import type { Database } from "../../db/database";
import { schemeRepository } from "../../db/repositories/schemes";
import { exportSchemesCsv, importSchemesCsv, SCHEME_CSV_COLUMNS } from "../../db/repositories/schemes-csv";
import { testDrivers } from "../db/drivers";

const NOW = "2025-03-01T08:00:00.000Z";

/** A CSV in the export's format, from rows of cells keyed by column. */
function csvOf(rows: Record<string, string>[]): string {
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  return [SCHEME_CSV_COLUMNS.join(","), ...rows.map((row) => SCHEME_CSV_COLUMNS.map((column) => quote(row[column] ?? "")).join(","))].join("\n");
}

const goodRow = {
  id: "district-weaver-insurance",
  name: "District Weaver Insurance",
  ministry: "District Industries Centre",
  objective: "Group insurance for weavers of the district.",
  links: "https://example.org/a\nhttps://example.org/b",
  categories: "labour",
  issues: "wages_benefits",
  topics: "insurance",
  groups: "artisans;workers",
  areas: "labour_welfare",
  status: "active",
  successor_id: "",
  status_note: "",
  source: "custom",
};

describe.each(testDrivers())("schemes CSV on $name", (driver) => {
  let db: Database;

  beforeEach(async () => {
    db = await driver.open();
  });

  it("exports every current scheme and imports the export unchanged", async () => {
    const repo = schemeRepository(db);
    const before = (await repo.list({ range: [0, 999] })).rows;
    const csv = await exportSchemesCsv(db);
    expect(parse(csv, { columns: true })).toHaveLength(SCHEMES.length);

    const result = await importSchemesCsv(db, csv, NOW);
    expect(result).toEqual({ status: "imported", created: 0, updated: SCHEMES.length });
    const after = (await repo.list({ range: [0, 999] })).rows;
    const content = (rows: typeof before) => rows.map(({ updatedAt: _u, createdAt: _c, ...scheme }) => scheme);
    expect(content(after)).toEqual(content(before));
  });

  it("neutralises formula cells on export and restores them on import", async () => {
    const repo = schemeRepository(db);
    const sneaky = { ...goodRow, name: "=HYPERLINK(\"http://evil\")", objective: "+1 for everyone", status_note: "@SUM(A1)", status: "unknown" };
    expect(await importSchemesCsv(db, csvOf([sneaky]), NOW)).toEqual({ status: "imported", created: 1, updated: 0 });
    const csv = await exportSchemesCsv(db);
    const exported = (parse(csv, { columns: true }) as Record<string, string>[]).find((row) => row.id === goodRow.id);
    expect(exported).toMatchObject({ name: "'=HYPERLINK(\"http://evil\")", objective: "'+1 for everyone", status_note: "'@SUM(A1)" });
    for (const row of parse(csv, { columns: true }) as Record<string, string>[]) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(await importSchemesCsv(db, csv, NOW)).toMatchObject({ status: "imported" });
    expect(await repo.get(goodRow.id)).toMatchObject({ name: "=HYPERLINK(\"http://evil\")", statusNote: "@SUM(A1)", links: ["https://example.org/a", "https://example.org/b"] });
  });

  it("creates new schemes, successors in the same file included", async () => {
    const successor = { ...goodRow, id: "district-weaver-insurance-2" };
    const predecessor = { ...goodRow, status: "merged", successor_id: successor.id };
    expect(await importSchemesCsv(db, csvOf([predecessor, successor]), NOW)).toEqual({ status: "imported", created: 2, updated: 0 });
    expect(await schemeRepository(db).get(goodRow.id)).toMatchObject({ successorId: successor.id, groups: ["artisans", "workers"] });
  });

  it("reports every bad row by its spreadsheet number and writes nothing", async () => {
    const rows = [
      goodRow,
      { ...goodRow, id: "bad-status", status: "paused" },
      { ...goodRow, id: "Bad Id" },
      { ...goodRow, id: "bad-successor", status: "merged", successor_id: "nowhere" },
      { ...goodRow, id: "bad-group", groups: "women;aliens" },
      { ...goodRow },
      { ...goodRow, id: "empty-name", name: "  " },
    ];
    const result = await importSchemesCsv(db, csvOf(rows), NOW);
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.errors.map((error) => error.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(result.errors.find((error) => error.row === 7)?.messages.join()).toContain("row 2");
    expect(await schemeRepository(db).get(goodRow.id)).toBeNull();
  });

  it("refuses a file with missing columns or broken quoting", async () => {
    const missing = await importSchemesCsv(db, "id,name\nx,y\n", NOW);
    expect(missing).toMatchObject({ status: "invalid", errors: [{ row: 1 }] });
    const broken = await importSchemesCsv(db, `${SCHEME_CSV_COLUMNS.join(",")}\n"unterminated,a,b\n`, NOW);
    expect(broken.status).toBe("invalid");
  });

  it("refuses successors that go round in a cycle", async () => {
    const a = { ...goodRow, id: "cycle-a", status: "merged", successor_id: "cycle-b" };
    const b = { ...goodRow, id: "cycle-b", status: "merged", successor_id: "cycle-a" };
    const result = await importSchemesCsv(db, csvOf([a, b]), NOW);
    expect(result).toMatchObject({ status: "invalid", errors: [{ row: 2 }, { row: 3 }] });
  });
});
