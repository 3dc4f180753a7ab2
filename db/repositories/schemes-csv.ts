import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { asc, eq, isNull } from "drizzle-orm";
import { schemeSchema } from "../../core/schemes/schema";
import type { Scheme } from "../../core/schemes/types";
import { atomically, type Database, type Statement } from "../database";
import { schemes } from "../schema";
import { schemeColumns } from "./schemes";
import { successorsFirst } from "../../core/schemes/order";
import { neutralise, restore } from "../../core/text/spreadsheet-cells";

/** The CSV columns, in order. List cells hold ids separated by ";", links one per line. */
export const SCHEME_CSV_COLUMNS = [
  "id",
  "name",
  "ministry",
  "objective",
  "links",
  "categories",
  "issues",
  "topics",
  "groups",
  "areas",
  "status",
  "successor_id",
  "status_note",
  "source",
] as const;

/** An import larger than this is refused as a whole: the catalogue holds dozens of schemes, not thousands. */
export const MAX_IMPORT_ROWS = 2000;

function csvRow(scheme: Scheme): string[] {
  return [
    scheme.id,
    scheme.name,
    scheme.ministry,
    scheme.objective,
    scheme.links.join("\n"),
    scheme.categories.join(";"),
    scheme.issues.join(";"),
    scheme.topics.join(";"),
    scheme.groups.join(";"),
    scheme.areas.join(";"),
    scheme.status,
    scheme.successorId ?? "",
    scheme.statusNote ?? "",
    scheme.source,
  ].map(neutralise);
}

/** Every current (not retired) scheme as CSV with a header row, ordered by id. */
export async function exportSchemesCsv(db: Database): Promise<string> {
  const rows = await db.select().from(schemes).where(isNull(schemes.retiredAt)).orderBy(asc(schemes.id));
  return stringify([[...SCHEME_CSV_COLUMNS], ...rows.map(csvRow)]);
}

export interface CsvRowError {
  /** The spreadsheet row: the header is row 1, the first scheme row 2. */
  row: number;
  messages: string[];
}

export type SchemeImportResult =
  | { status: "imported"; created: number; updated: number }
  | { status: "invalid"; errors: CsvRowError[] };

const list = (cell: string, separator: string) =>
  cell
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

function schemeFromCells(cells: Record<string, string>): unknown {
  const cell = (column: (typeof SCHEME_CSV_COLUMNS)[number]) => restore(cells[column] ?? "");
  return {
    id: cell("id").trim(),
    name: cell("name"),
    ministry: cell("ministry"),
    objective: cell("objective"),
    links: list(cell("links"), "\n"),
    categories: list(cell("categories"), ";"),
    issues: list(cell("issues"), ";"),
    topics: list(cell("topics"), ";"),
    groups: list(cell("groups"), ";"),
    areas: list(cell("areas"), ";"),
    status: cell("status").trim(),
    successorId: cell("successor_id").trim() || null,
    statusNote: cell("status_note").trim() || null,
    source: cell("source").trim(),
  };
}

function parseCsv(csv: string): { records: Record<string, string>[] } | { error: CsvRowError } {
  try {
    const records = parse(csv, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
    return { records };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { error: { row: typeof line === "number" ? line : 1, messages: [error instanceof Error ? error.message : String(error)] } };
  }
}

/**
 * Creates or updates schemes from CSV in the export's format. Every row is validated first; if any
 * is bad, nothing is written and the bad rows are reported by number. Successors may point to
 * schemes in the file or already stored, but not round in a cycle.
 */
export async function importSchemesCsv(db: Database, csv: string, now: string): Promise<SchemeImportResult> {
  const parsed = parseCsv(csv);
  if ("error" in parsed) return { status: "invalid", errors: [parsed.error] };
  const { records } = parsed;
  const header = Object.keys(records[0] ?? {});
  const missing = SCHEME_CSV_COLUMNS.filter((column) => records.length > 0 && !header.includes(column));
  if (missing.length > 0) return { status: "invalid", errors: [{ row: 1, messages: [`missing columns: ${missing.join(", ")}`] }] };
  if (records.length > MAX_IMPORT_ROWS) {
    return { status: "invalid", errors: [{ row: 1, messages: [`at most ${MAX_IMPORT_ROWS} rows can be imported at once`] }] };
  }

  const stored = await db.select({ id: schemes.id, successorId: schemes.successorId }).from(schemes);
  const successorOf = new Map(stored.map((row) => [row.id, row.successorId]));
  const existing = new Set(successorOf.keys());
  const errors: CsvRowError[] = [];
  const valid: { row: number; scheme: Scheme }[] = [];
  const rowOf = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const result = schemeSchema.safeParse(schemeFromCells(record));
    if (!result.success) {
      errors.push({ row, messages: result.error.issues.map((issue) => `${issue.path.join(".") || "row"}: ${issue.message}`) });
      return;
    }
    const earlier = rowOf.get(result.data.id);
    if (earlier !== undefined) {
      errors.push({ row, messages: [`id: ${result.data.id} is also on row ${earlier}`] });
      return;
    }
    rowOf.set(result.data.id, row);
    valid.push({ row, scheme: result.data });
  });
  for (const { scheme } of valid) successorOf.set(scheme.id, scheme.successorId);
  for (const { row, scheme } of valid) {
    const problem = successorProblem(scheme, successorOf);
    if (problem) errors.push({ row, messages: [problem] });
  }
  if (errors.length > 0) return { status: "invalid", errors: errors.sort((a, b) => a.row - b.row) };

  const statements: Statement[] = successorsFirst(valid.map((entry) => entry.scheme)).map((scheme) =>
    existing.has(scheme.id)
      ? db.update(schemes).set({ ...schemeColumns(scheme), updatedAt: now }).where(eq(schemes.id, scheme.id))
      : db.insert(schemes).values({ ...schemeColumns(scheme), createdAt: now, updatedAt: now }),
  );
  await atomically(db, statements);
  const updated = valid.filter((entry) => existing.has(entry.scheme.id)).length;
  return { status: "imported", created: valid.length - updated, updated };
}

function successorProblem(scheme: Scheme, successorOf: ReadonlyMap<string, string | null>): string | null {
  const seen = new Set([scheme.id]);
  for (let next = scheme.successorId; next !== null; next = successorOf.get(next) ?? null) {
    if (!successorOf.has(next)) return `successor_id: no scheme ${next}`;
    if (seen.has(next)) return `successor_id: the successors of ${scheme.id} lead back to ${next}`;
    seen.add(next);
  }
  return null;
}

