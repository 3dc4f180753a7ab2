/**
 * ra-data-simple-rest's list contract: `?sort=["field","ASC"]&range=[0,24]&filter={...}` in, rows
 * out with `Content-Range: <resource> 0-24/319`, a header the browser may only read when it is
 * exposed.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { SortOrder } from "../../db/repositories/listing";
import { jsonParam, validate } from "./validation";

/** The most rows one page may hold; react-admin asks for 10 to 100. */
const MAX_PAGE = 1000;

export interface ListParams<TFilter, TField extends string> {
  sort: { field: TField; order: SortOrder };
  /** Inclusive, as react-admin sends it. */
  range: [number, number];
  filter: TFilter;
}

const rangeSchema = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([from, to]) => to >= from, "the end of the range comes before its start")
  .refine(([from, to]) => to - from < MAX_PAGE, `at most ${MAX_PAGE} rows per page`);

/**
 * Reads and validates a list request. Sorting by a field the resource does not offer is refused
 * rather than silently ignored, so a typo in a client shows up at once.
 *
 * @example listParams(c, clusterFilterSchema, ["name", "consolidated"], { field: "name", order: "ASC" })
 */
export function listParams<S extends z.ZodType, TField extends string>(
  c: Context,
  filterSchema: S,
  sortable: readonly [TField, ...TField[]],
  defaultSort: { field: TField; order: SortOrder },
): ListParams<z.output<S>, TField> {
  const sortSchema = z.tuple([z.enum(sortable), z.enum(["ASC", "DESC"])]);
  const sort = c.req.query("sort") === undefined ? undefined : validate(sortSchema, jsonParam(c, "sort"), "sort");
  const range = c.req.query("range") === undefined ? ([0, 24] as [number, number]) : validate(rangeSchema, jsonParam(c, "range"), "range");
  const filter = validate(filterSchema, jsonParam(c, "filter") ?? {}, "filter");
  return { sort: sort ? { field: sort[0], order: sort[1] } : defaultSort, range, filter };
}

/** Answers a list request with its rows and the headers react-admin pages with. */
export function listResponse(c: Context, resource: string, range: [number, number], rows: readonly unknown[], total: number) {
  const [from] = range;
  const span = rows.length === 0 ? "*" : `${from}-${from + rows.length - 1}`;
  c.header("Content-Range", `${resource} ${span}/${total}`);
  c.header("Access-Control-Expose-Headers", "Content-Range");
  return c.json(rows);
}

/**
 * react-admin's `getMany` sends `filter={"id":[…]}`; every resource accepts it. A single id is
 * accepted too, as `getManyReference` may send one.
 */
export const idsFilter = z
  .union([z.string().min(1), z.array(z.string().min(1)).max(MAX_PAGE)])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .optional();

/** Booleans arrive as JSON booleans from react-admin, and as strings from hand-written URLs. */
export const booleanFilter = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
  .optional();
