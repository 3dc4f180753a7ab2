import { Hono, type Context } from "hono";
import { scoringSchemeRepository } from "../../../db/repositories/scoring-schemes";
import type { ApiEnv, Guard } from "../../auth/guard";
import type { ConsoleRole } from "../../auth/roles";
import { listClusters } from "../clusters/list";
import { CLUSTER_SORT_FIELDS, clusterFilterSchema } from "../clusters/schemas";
import type { ApiDeps } from "../deps";
import { listParams } from "../list-params";
import { clustersCsv } from "./csv";

/** Exports hold every matching row, not a page. */
const EVERYTHING: [number, number] = [0, Number.MAX_SAFE_INTEGER];

/**
 * `/exports/clusters.csv` and `/exports/clusters.xlsx`: the clusters list, with the list's own filter
 * and sort parameters, as a file to download.
 */
export function exportRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock } = deps;

  async function clusters(c: Context) {
    const params = listParams(c, clusterFilterSchema, CLUSTER_SORT_FIELDS, { field: "name", order: "ASC" });
    return (await listClusters(db, { ...params, range: EVERYTHING })).rows;
  }

  function attachment(extension: string): string {
    return `attachment; filename="samuh-clusters-${clock().toISOString().slice(0, 10)}.${extension}"`;
  }

  return new Hono<ApiEnv>()
    .get("/clusters.csv", guard("viewer"), async (c) => {
      const body = clustersCsv(await clusters(c));
      return c.body(body, 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment("csv") });
    })
    .get("/clusters.xlsx", guard("viewer"), async (c) => {
      const rows = await clusters(c);
      // exceljs is large and needs Node's streams; it is loaded only when a workbook is asked for.
      const { clustersXlsx } = await import("./xlsx");
      const body = clustersXlsx(rows, await scoringSchemeRepository(db).active());
      return c.body(body, 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": attachment("xlsx"),
      });
    });
}
