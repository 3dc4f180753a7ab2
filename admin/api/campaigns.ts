import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { planCampaign, MAX_REMINDERS, type CampaignDefaults } from "../../bot/campaigns/planning";
import { TIME_OF_DAY } from "../../bot/campaigns/quiet-hours";
import { campaignRepository, type CampaignProgress } from "../../db/repositories/campaigns";
import { clusterRepository } from "../../db/repositories/clusters";
import { CAMPAIGN_PURPOSES, CAMPAIGN_STATUSES, type Campaign } from "../../db/schema/campaigns";
import { actorOf, currentUser, type ApiEnv, type Guard } from "../auth/guard";
import type { ConsoleRole } from "../auth/roles";
import type { ApiDeps } from "./deps";
import { idsFilter, listParams, listResponse } from "./list-params";
import { idParam, readBody } from "./validation";

export interface CampaignApiDeps extends Pick<ApiDeps, "db" | "clock" | "newId"> {
  /** What a new campaign takes when the request leaves something out (`services.campaigns.defaults`). */
  defaults: CampaignDefaults;
  /** Told when there may be new work for the sender (`services.campaigns.delivery?.wake()`). */
  wake?: () => void;
}

const filterSchema = z.strictObject({
  id: idsFilter,
  clusterId: z.string().min(1).max(100).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  purpose: z.enum(CAMPAIGN_PURPOSES).optional(),
});

const SORT_FIELDS = ["createdAt", "startsAt", "status", "clusterId", "purpose", "id"] as const;

const timeOfDay = z.string().regex(TIME_OF_DAY, "a local time of day such as 21:00");

const createSchema = z
  .object({
    clusterId: z.string().min(1).max(100),
    purpose: z.enum(CAMPAIGN_PURPOSES),
    quietFrom: timeOfDay.optional(),
    quietUntil: timeOfDay.optional(),
    remindAfterDays: z.number().int().min(1).max(60).optional(),
    maxReminders: z.number().int().min(0).max(MAX_REMINDERS).optional(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((body) => (body.quietFrom === undefined) === (body.quietUntil === undefined), {
    message: "give both ends of the quiet hours, or neither",
    path: ["quietUntil"],
  });

/** react-admin's update sends the whole record back; only the status may change. */
const updateSchema = z.object({ status: z.enum(CAMPAIGN_STATUSES) });

/**
 * `/campaigns`: invitations and reminders to a cluster's respondents, with live progress. Mount it
 * under the console API: `api.route("/campaigns", campaignRoutes({ db, clock, newId, defaults, wake }, guard))`.
 * Viewers watch; moderators create, pause, resume and cancel.
 */
export function campaignRoutes(deps: CampaignApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock } = deps;
  const campaigns = campaignRepository(db);
  const clusters = clusterRepository(db);

  /** Campaigns as the console shows them: with their cluster's name and where their messages are. */
  async function views(rows: readonly Campaign[]) {
    const progress = await campaigns.progress(
      rows.map((row) => row.id),
      clock().toISOString(),
    );
    const names = new Map<string, string>();
    for (const clusterId of new Set(rows.map((row) => row.clusterId))) {
      const cluster = await clusters.get(clusterId);
      if (cluster) names.set(clusterId, cluster.name);
    }
    return rows.map((row) => ({ ...row, clusterName: names.get(row.clusterId) ?? null, progress: progress.get(row.id) as CampaignProgress }));
  }

  async function view(id: string) {
    const campaign = await campaigns.get(id);
    if (!campaign) throw new HTTPException(404, { message: `There is no campaign ${id}.` });
    const [item] = await views([campaign]);
    return item;
  }

  return new Hono<ApiEnv>()
    .get("/", guard("viewer"), async (c) => {
      const { filter, sort, range } = listParams(c, filterSchema, SORT_FIELDS, { field: "createdAt", order: "DESC" });
      const { id, ...rest } = filter;
      const page = await campaigns.list({ filter: { ...rest, ...(id ? { ids: id } : {}) }, sort, range });
      return listResponse(c, "campaigns", range, await views(page.rows), page.total);
    })
    .get("/:id", guard("viewer"), async (c) => c.json(await view(idParam(c))))
    .post("/", guard("moderator"), async (c) => {
      const body = await readBody(c, createSchema);
      const result = await planCampaign(
        db,
        {
          clusterId: body.clusterId,
          purpose: body.purpose,
          ...(body.quietFrom && body.quietUntil ? { quietHours: { from: body.quietFrom, until: body.quietUntil } } : {}),
          ...(body.remindAfterDays === undefined ? {} : { remindAfterDays: body.remindAfterDays }),
          ...(body.maxReminders === undefined ? {} : { maxReminders: body.maxReminders }),
          ...(body.startsAt ? { startsAt: new Date(body.startsAt).toISOString() } : {}),
        },
        { defaults: deps.defaults, actor: actorOf(currentUser(c)), now: clock(), newId: deps.newId },
      );
      if (result.status === "cluster_not_found") throw new HTTPException(400, { message: `There is no cluster ${body.clusterId}.` });
      if (result.status === "cluster_archived") throw new HTTPException(409, { message: "The cluster is archived; it gets no campaigns." });
      deps.wake?.();
      return c.json(await view(result.campaign.id), 201);
    })
    .put("/:id", guard("moderator"), async (c) => {
      const id = idParam(c);
      const { status } = await readBody(c, updateSchema);
      const before = await campaigns.get(id);
      if (!before) throw new HTTPException(404, { message: `There is no campaign ${id}.` });
      if (before.status === "cancelled" && status !== "cancelled") {
        throw new HTTPException(409, { message: "A cancelled campaign cannot be started again; create a new one." });
      }
      await campaigns.setStatus(id, status, actorOf(currentUser(c)), clock().toISOString());
      if (status === "active") deps.wake?.();
      return c.json(await view(id));
    });
}
