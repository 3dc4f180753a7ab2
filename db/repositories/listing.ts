/**
 * The shape of a react-admin list request (filter, sort, inclusive range) and its SQL translation,
 * shared by every repository that backs a console list.
 */
import { asc, desc, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

export type SortOrder = "ASC" | "DESC";

export interface ListQuery<TFilter> {
  filter?: TFilter;
  sort?: { field: string; order: SortOrder };
  /** Inclusive positions of the first and last row, as react-admin sends them: `[0, 24]`. */
  range?: [number, number];
}

export interface ListResult<T> {
  rows: T[];
  total: number;
}

/** Rows returned when a list request names no range, so an unbounded request cannot dump a table. */
export const DEFAULT_PAGE_SIZE = 25;
/** The most rows one list request may return. */
export const MAX_PAGE_SIZE = 1000;

/**
 * ORDER BY terms for a requested sort, limited to the columns a list allows; an unknown field falls
 * back to the default. The tie-breaker makes paging stable when many rows share a sort value.
 */
export function orderFor(
  sort: ListQuery<unknown>["sort"],
  sortable: Record<string, SQLiteColumn | SQL>,
  fallback: { field: string; order: SortOrder },
  tieBreaker: SQLiteColumn,
): SQL[] {
  const requested = sort && Object.hasOwn(sortable, sort.field) ? sort : fallback;
  const column = sortable[requested.field] ?? tieBreaker;
  const direction = requested.order === "DESC" ? desc : asc;
  return [direction(column), direction(tieBreaker)];
}

/** LIMIT and OFFSET for an inclusive react-admin range. */
export function pageFor(range: ListQuery<unknown>["range"]): { limit: number; offset: number } {
  if (!range) return { limit: DEFAULT_PAGE_SIZE, offset: 0 };
  const offset = Math.max(0, Math.floor(range[0]));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(0, Math.floor(range[1]) - offset + 1));
  return { limit, offset };
}

/** `column` contains `text`, case-insensitively for ASCII, with LIKE's wildcards taken literally. */
export function containsText(column: SQLiteColumn, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} LIKE ${`%${escaped}%`} ESCAPE '\\'`;
}
