import { Hono } from "hono";
import { z } from "zod";
import { auditRepository } from "../../../db/repositories/audit";
import type { ApiEnv, Guard } from "../../auth/guard";
import type { ConsoleRole } from "../../auth/roles";
import type { ApiDeps } from "../deps";
import { listParams, listResponse } from "../list-params";

const isoTime = z.iso.datetime({ offset: true }).or(z.iso.date());

const filterSchema = z.strictObject({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
});

const SORT_FIELDS = ["id", "at", "actor", "action", "entity"] as const;

/**
 * `/audit-log`: who changed what, newest first; admins only, as it names every user's actions. The
 * console shows each entry's before and after inside the list, so there is no page per entry.
 */
export function auditLogRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const audit = auditRepository(deps.db);

  return new Hono<ApiEnv>().get("/", guard("admin"), async (c) => {
    const { filter, sort, range } = listParams(c, filterSchema, SORT_FIELDS, { field: "id", order: "DESC" });
    const page = await audit.list({ filter, sort, range });
    return listResponse(c, "audit-log", range, page.rows, page.total);
  });
}
