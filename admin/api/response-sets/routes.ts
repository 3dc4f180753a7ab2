import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { responseSetRepository } from "../../../db/repositories/response-sets";
import { scoreRepository } from "../../../db/repositories/scores";
import { RESPONSE_SET_STATUSES } from "../../../db/schema";
import { actorOf, currentUser, type ApiEnv, type Guard } from "../../auth/guard";
import type { ConsoleRole } from "../../auth/roles";
import type { ApiDeps } from "../deps";
import { booleanFilter, idsFilter, listParams, listResponse } from "../list-params";
import { idParam, readBody } from "../validation";
import { responseSetViews } from "./view";

const filterSchema = z.strictObject({
  id: idsFilter,
  clusterId: z.string().min(1).max(100).optional(),
  respondentId: z.string().min(1).max(100).optional(),
  questionnaireId: z.string().min(1).max(100).optional(),
  status: z.enum(RESPONSE_SET_STATUSES).optional(),
  excluded: booleanFilter,
});

const SORT_FIELDS = ["startedAt", "completedAt", "updatedAt", "status", "excludedAt", "clusterId", "questionnaireId", "id"] as const;

const moderationSchema = z.object({
  reason: z.string().trim().min(3, "Say in a few words why.").max(500),
});

/** `/response-sets`: the list with moderation flags, one set with its answers, exclude and restore. */
export function responseSetRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock, rescore } = deps;
  const sets = responseSetRepository(db);
  const scores = scoreRepository(db);

  async function view(id: string) {
    const set = await sets.get(id);
    if (!set) throw new HTTPException(404, { message: `There is no response set ${id}.` });
    const [item] = await responseSetViews(db, [set]);
    if (!item) throw new HTTPException(404, { message: `There is no response set ${id}.` });
    return item;
  }

  /**
   * Excludes or restores, then recomputes the cluster's score before answering, so the page that
   * asked shows the new score at once (SPEC §6).
   */
  function moderation(exclude: boolean) {
    return async (c: Context<ApiEnv>) => {
      const id = idParam(c);
      const { reason } = await readBody(c, moderationSchema);
      const now = clock().toISOString();
      const input = { id, reason, actor: actorOf(currentUser(c)), now };
      const result = exclude ? await sets.exclude(input) : await sets.restore(input);
      if (result.status === "not_found") throw new HTTPException(404, { message: `There is no response set ${id}.` });
      const clusterId = result.responseSet.clusterId;
      if (result.status === "changed" && clusterId) await rescore(clusterId, now);
      const cached = clusterId ? await scores.getCached(clusterId) : null;
      return c.json({
        ...(await view(id)),
        changed: result.status === "changed",
        clusterScore: cached && { consolidated: cached.consolidated, provisional: cached.provisional, countedRespondents: cached.countedRespondents },
      });
    };
  }

  return new Hono<ApiEnv>()
    .get("/", guard("viewer"), async (c) => {
      const { filter, sort, range } = listParams(c, filterSchema, SORT_FIELDS, { field: "startedAt", order: "DESC" });
      const { id, ...rest } = filter;
      const page = await sets.list({ filter: { ...rest, ...(id ? { ids: id } : {}) }, sort, range });
      return listResponse(c, "response-sets", range, await responseSetViews(db, page.rows), page.total);
    })
    .get("/:id", guard("viewer"), async (c) => {
      const id = idParam(c);
      const withAnswers = await sets.withAnswers(id);
      if (!withAnswers) throw new HTTPException(404, { message: `There is no response set ${id}.` });
      return c.json({ ...(await view(id)), answers: withAnswers.answers.map(({ itemId, value, note }) => ({ itemId, value, note })) });
    })
    .post("/:id/exclude", guard("moderator"), moderation(true))
    .post("/:id/restore", guard("moderator"), moderation(false));
}
