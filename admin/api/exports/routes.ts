import { Hono, type Context } from "hono";
import { scoringSchemeRepository } from "../../../db/repositories/scoring-schemes";
import type { ApiEnv, Guard } from "../../auth/guard";
import type { ConsoleRole } from "../../auth/roles";
import { listClusters } from "../clusters/list";
import { CLUSTER_SORT_FIELDS, clusterFilterSchema } from "../clusters/schemas";
import type { ApiDeps } from "../deps";
import { listParams } from "../list-params";
import { jsonParam, validate } from "../validation";
import { clustersCsv, csvStream } from "./csv";
import { personalDataRequested } from "./personal";
import { exportedResponseSets, responseSetColumns, responseSetExportFilter, responseSetNotes } from "./response-sets";

/** Exports hold every matching row, not a page. */
const EVERYTHING: [number, number] = [0, Number.MAX_SAFE_INTEGER];

const CSV_TYPE = "text/csv; charset=utf-8";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * `/exports/clusters.csv` and `/exports/clusters.xlsx`: the clusters list, with the list's own filter
 * and sort parameters, as a file to download. `/exports/response-sets.csv` and `.xlsx`: one row per
 * score card with every rating, streamed from the database page by page; with the list's filters
 * (cluster, excluded, status), pseudonymous unless an admin adds `personal=true`.
 */
export function exportRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock } = deps;

  async function clusters(c: Context) {
    const params = listParams(c, clusterFilterSchema, CLUSTER_SORT_FIELDS, { field: "name", order: "ASC" });
    return (await listClusters(db, { ...params, range: EVERYTHING })).rows;
  }

  function attachment(what: string, extension: string): string {
    return `attachment; filename="samuh-${what}-${clock().toISOString().slice(0, 10)}.${extension}"`;
  }

  /** The rows and columns of a response-set export, and whether it carries personal data. */
  async function responseSets(c: Context<ApiEnv>) {
    const filter = validate(responseSetExportFilter, jsonParam(c, "filter") ?? {}, "filter");
    const personal = personalDataRequested(c);
    const scheme = await scoringSchemeRepository(db).active();
    return { personal, scheme, columns: responseSetColumns(scheme, personal), rows: exportedResponseSets(db, filter, personal) };
  }

  return new Hono<ApiEnv>()
    .get("/clusters.csv", guard("viewer"), async (c) => {
      const body = clustersCsv(await clusters(c));
      return c.body(body, 200, { "Content-Type": CSV_TYPE, "Content-Disposition": attachment("clusters", "csv") });
    })
    .get("/clusters.xlsx", guard("viewer"), async (c) => {
      const rows = await clusters(c);
      // exceljs is large and needs Node's streams; it is loaded only when a workbook is asked for.
      const { clustersXlsx } = await import("./xlsx");
      const body = clustersXlsx(rows, await scoringSchemeRepository(db).active());
      return c.body(body, 200, { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment("clusters", "xlsx") });
    })
    .get("/response-sets.csv", guard("viewer"), async (c) => {
      const { columns, rows } = await responseSets(c);
      return c.body(csvStream(columns, rows), 200, { "Content-Type": CSV_TYPE, "Content-Disposition": attachment("response-sets", "csv") });
    })
    .get("/response-sets.xlsx", guard("viewer"), async (c) => {
      const { personal, scheme, columns, rows } = await responseSets(c);
      // exceljs's streaming writer needs Node's streams: this export is for the Node server, not Workers.
      const { schemeSheet, xlsxStream } = await import("./xlsx");
      const body = xlsxStream({ name: "Responses", columns, rows }, [schemeSheet(scheme), responseSetNotes(personal)]);
      return c.body(body, 200, { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment("response-sets", "xlsx") });
    });
}
