import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { clusterRepository, type ClusterPatch } from "../../../db/repositories/clusters";
import { auditRepository } from "../../../db/repositories/audit";
import type { Cluster, ClusterProfile } from "../../../db/schema";
import { actorOf, currentUser, type ApiEnv, type Guard } from "../../auth/guard";
import type { ConsoleRole } from "../../auth/roles";
import type { ApiDeps } from "../deps";
import { listParams, listResponse } from "../list-params";
import { idParam, readBody } from "../validation";
import { randomInviteCode, qrSvg, telegramDeepLink } from "./invite";
import { listClusters } from "./list";
import { CLUSTER_SORT_FIELDS, clusterFilterSchema, clusterPatchSchema, newClusterSchema } from "./schemas";
import { clusterDetail } from "./view";

/** Fresh codes collide rarely (31⁶ of them); a few tries make a failure practically impossible. */
const INVITE_CODE_TRIES = 5;

/** Fields kept both on the cluster and in its profile answers, so chat and console agree. */
function profileWithLocation(profile: Readonly<Record<string, ClusterProfile[string] | undefined>>, cluster: Pick<Cluster, "state" | "district" | "latitude" | "longitude" | "principalProducts">): ClusterProfile {
  const merged: ClusterProfile = {};
  for (const [key, value] of Object.entries(profile)) if (value !== null && value !== undefined) merged[key] = value;
  const location = { state: cluster.state, district: cluster.district, latitude: cluster.latitude, longitude: cluster.longitude, principal_products: cluster.principalProducts };
  for (const [key, value] of Object.entries(location)) {
    if (value === null || value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** `/clusters`: the list with scores, one cluster in full, create, edit, archive, and the invite QR code. */
export function clusterRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock, newId, rescore } = deps;
  const clusters = clusterRepository(db);
  const audit = auditRepository(db);

  async function detail(id: string) {
    const { rows } = await clusters.list({ filter: { ids: [id] }, range: [0, 0] });
    const found = rows[0];
    if (!found) throw new HTTPException(404, { message: `There is no cluster ${id}.` });
    return clusterDetail(found, deps);
  }

  return new Hono<ApiEnv>()
    .get("/", guard("viewer"), async (c) => {
      const params = listParams(c, clusterFilterSchema, CLUSTER_SORT_FIELDS, { field: "name", order: "ASC" });
      const { rows, total } = await listClusters(db, params);
      return listResponse(c, "clusters", params.range, rows, total);
    })
    .get("/:id", guard("viewer"), async (c) => c.json(await detail(idParam(c))))
    .get("/:id/qr.svg", guard("viewer"), async (c) => {
      const cluster = await clusters.get(idParam(c));
      if (!cluster) throw new HTTPException(404, { message: "There is no such cluster." });
      const link = telegramDeepLink(deps.telegramBotUsername, cluster.inviteCode);
      if (!link) throw new HTTPException(404, { message: "No Telegram bot username is configured, so there is no invite link to encode." });
      c.header("Content-Type", "image/svg+xml");
      c.header("Cache-Control", "private, max-age=300");
      return c.body(await qrSvg(link));
    })
    .post("/", guard("moderator"), async (c) => {
      const input = await readBody(c, newClusterSchema);
      const now = clock().toISOString();
      const id = newId();
      const fields = {
        name: input.name,
        sector: input.sector ?? null,
        state: input.state ?? null,
        district: input.district ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        principalProducts: input.principalProducts ?? null,
      };
      const profile = profileWithLocation(input.profile ?? {}, fields);
      const base = { id, ...fields, profile, now, ...(input.defaultLocale ? { defaultLocale: input.defaultLocale } : {}) };
      let created: Cluster | null = null;
      for (let attempt = 0; attempt < (input.inviteCode ? 1 : INVITE_CODE_TRIES) && !created; attempt++) {
        const result = await clusters.create({ ...base, inviteCode: input.inviteCode ?? randomInviteCode() });
        if (result.status === "created") created = result.cluster;
      }
      if (!created) throw new HTTPException(409, { message: "That invite code is already used by another cluster; choose another." });
      await audit.record({ at: now, actor: actorOf(currentUser(c)), action: "cluster.create", entity: "cluster", entityId: id, after: created });
      await rescore(id, now);
      return c.json(await detail(id), 201);
    })
    .put("/:id", guard("moderator"), async (c) => {
      const id = idParam(c);
      const input = await readBody(c, clusterPatchSchema);
      const before = await clusters.get(id);
      if (!before) throw new HTTPException(404, { message: `There is no cluster ${id}.` });
      const now = clock().toISOString();
      const { archived, profile, ...fields } = input;
      const patch: ClusterPatch = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const merged = { ...before, ...patch };
      patch.profile = profileWithLocation(profile ?? before.profile, merged);
      if (archived !== undefined) patch.archivedAt = archived ? (before.archivedAt ?? now) : null;
      const after = await clusters.update(id, patch, now);
      if (!after) throw new HTTPException(404, { message: `There is no cluster ${id}.` });
      await audit.record({ at: now, actor: actorOf(currentUser(c)), action: "cluster.update", entity: "cluster", entityId: id, before, after });
      await rescore(id, now);
      return c.json(await detail(id));
    })
    .delete("/:id", guard("moderator"), async (c) => {
      // Answers, scores and the audit trail point at a cluster, so "delete" archives it: it leaves
      // the lists and its invite code stops working, and an edit can bring it back.
      const id = idParam(c);
      const before = await clusters.get(id);
      if (!before) throw new HTTPException(404, { message: `There is no cluster ${id}.` });
      const now = clock().toISOString();
      const after = await clusters.update(id, { archivedAt: before.archivedAt ?? now }, now);
      await audit.record({ at: now, actor: actorOf(currentUser(c)), action: "cluster.archive", entity: "cluster", entityId: id, before, after });
      return c.json(await detail(id));
    });
}
