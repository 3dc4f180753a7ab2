import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { respondentRepository } from "../../../db/repositories/respondents";
import { responseSetRepository } from "../../../db/repositories/response-sets";
import { STAKEHOLDER_TYPES } from "../../../db/schema";
import { actorOf, currentUser, type ApiEnv, type Guard } from "../../auth/guard";
import { hasRole, type ConsoleRole } from "../../auth/roles";
import type { ApiDeps } from "../deps";
import { booleanFilter, idsFilter, listParams, listResponse } from "../list-params";
import { idParam } from "../validation";
import { listRespondents, type RespondentSortField } from "./list";

const filterSchema = z.strictObject({
  id: idsFilter,
  clusterId: z.string().min(1).max(100).optional(),
  stakeholderType: z.enum(STAKEHOLDER_TYPES).optional(),
  forgotten: booleanFilter,
  q: z.string().trim().min(1).max(100).optional(),
});

const SORT_FIELDS: [RespondentSortField, ...RespondentSortField[]] = ["createdAt", "updatedAt", "clusterId", "stakeholderType", "forgottenAt", "id"];

/**
 * `/respondents`: the people who answer, so that an admin can find one who asked to be forgotten.
 * Moderators see the list by pseudonymous id only; names, usernames and enterprise names, and
 * searching by them, are for admins. Forgetting erases that personal data for good and keeps the
 * person's ratings in the scores.
 */
export function respondentRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock, rescore } = deps;
  const respondents = respondentRepository(db);
  const sets = responseSetRepository(db);

  return new Hono<ApiEnv>()
    .get("/", guard("moderator"), async (c) => {
      const { filter, sort, range } = listParams(c, filterSchema, SORT_FIELDS, { field: "createdAt", order: "DESC" });
      const personal = hasRole(currentUser(c).role, "admin");
      if (filter.q !== undefined && !personal) throw new HTTPException(403, { message: "Searching by name is for admins only: names are personal data." });
      const { id, ...rest } = filter;
      const page = await listRespondents(db, { filter: { ...rest, ...(id ? { ids: id } : {}) }, sort, range }, personal);
      return listResponse(c, "respondents", range, page.rows, page.total);
    })
    .post("/:id/forget", guard("admin"), async (c) => {
      const id = idParam(c);
      const now = clock().toISOString();
      // The repository writes the audit entry with the erasure, in one transaction.
      const forgotten = await respondents.forget(id, actorOf(currentUser(c)), now);
      if (!forgotten) throw new HTTPException(404, { message: `There is no respondent ${id}.` });
      // Their ratings stay in the scores; rescoring makes sure every cluster they answered for is current.
      const clusterIds = new Set((await sets.byRespondent(id)).flatMap((set) => (set.clusterId ? [set.clusterId] : [])));
      if (forgotten.clusterId) clusterIds.add(forgotten.clusterId);
      for (const clusterId of clusterIds) await rescore(clusterId, now);
      return c.json({ id: forgotten.id, forgottenAt: forgotten.forgottenAt, rescoredClusters: [...clusterIds] });
    });
}
