import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { schemeSchema } from "../../core/schemes/schema";
import { GROUPS, SOURCES, STATUSES } from "../../core/schemes/types";
import { CORE_ISSUES, OPTIONAL_ISSUES } from "../../core/scoring/issues";
import { auditRepository } from "../../db/repositories/audit";
import { schemeRepository, type SchemeRecord, type SchemeWriteResult } from "../../db/repositories/schemes";
import { exportSchemesCsv, importSchemesCsv } from "../../db/repositories/schemes-csv";
import { actorOf, currentUser, type ApiEnv, type Guard } from "../auth/guard";
import type { ConsoleRole } from "../auth/roles";
import type { ApiDeps } from "./deps";
import { booleanFilter, idsFilter, listParams, listResponse } from "./list-params";
import { describeIssues, idParam, readBody } from "./validation";

const filterSchema = z.strictObject({
  id: idsFilter,
  q: z.string().trim().max(200).optional(),
  status: z.enum(STATUSES).optional(),
  source: z.enum(SOURCES).optional(),
  ministry: z.string().trim().min(1).max(300).optional(),
  issue: z.enum([...CORE_ISSUES, ...OPTIONAL_ISSUES]).optional(),
  group: z.enum(GROUPS).optional(),
  retired: booleanFilter,
});

const SORT_FIELDS = ["name", "id", "ministry", "status", "source", "createdAt", "updatedAt"] as const;

/**
 * What the console sends: the catalogue's own record schema, so the console, the CSV import and the
 * shipped catalogue accept exactly the same schemes. react-admin sends the whole record back on an
 * edit, bookkeeping fields included; `z.object` drops those instead of refusing them.
 */
const editable = schemeSchema.omit({ id: true }).shape;
const newSchemeSchema = z.object({
  ...schemeSchema.shape,
  links: editable.links.default([]),
  categories: editable.categories.default([]),
  issues: editable.issues.default([]),
  topics: editable.topics.default([]),
  groups: editable.groups.default([]),
  areas: editable.areas.default([]),
  successorId: editable.successorId.default(null),
  statusNote: editable.statusNote.default(null),
  source: editable.source.default("custom"),
});
const schemePatchSchema = z.object(editable).partial();

/** An import of more than this is refused before parsing; the catalogue's CSV is tens of kilobytes. */
const MAX_IMPORT_BYTES = 2_000_000;

/** A write's outcome as the answer react-admin shows; anything but a saved scheme is refused. */
function savedOrRefused(result: SchemeWriteResult, id: string): SchemeRecord {
  switch (result.status) {
    case "saved":
      return result.scheme;
    case "invalid":
      throw new HTTPException(400, { message: `Invalid body: ${describeIssues(result.issues)}` });
    case "id_taken":
      throw new HTTPException(409, { message: `There is already a scheme ${id}; choose another id.` });
    case "unknown_successor":
      throw new HTTPException(400, { message: "Invalid body: successorId: there is no such scheme." });
    case "successor_cycle":
      throw new HTTPException(400, { message: `Invalid body: successorId: the successors of ${id} would lead back to it.` });
    case "not_found":
      throw new HTTPException(404, { message: `There is no scheme ${id}.` });
  }
}

/**
 * The schemes catalogue (SPEC §8), mounted at the API's root because its CSV lives beside the
 * collection (`/schemes.csv`): the list, one scheme, the ministries for the list's filter, create,
 * edit, retire and reinstate, CSV out and in. Everyone reads; only admins change the catalogue, which every
 * cluster's suggestions share. Every change is audited.
 */
export function schemeRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock } = deps;
  const schemes = schemeRepository(db);
  const audit = auditRepository(db);

  /** Retires or reinstates the scheme `:id`; only an actual change is audited. */
  function setRetired(retired: boolean) {
    return async (c: Context<ApiEnv>) => {
      const id = idParam(c);
      const before = await found(id);
      const now = clock().toISOString();
      const after = await (retired ? schemes.retire(id, now) : schemes.reinstate(id, now));
      if (!after) throw new HTTPException(404, { message: `There is no scheme ${id}.` });
      if ((before.retiredAt !== null) !== retired) {
        const action = retired ? "scheme.retire" : "scheme.reinstate";
        await audit.record({ at: now, actor: actorOf(currentUser(c)), action, entity: "scheme", entityId: id, before, after });
      }
      return c.json(after);
    };
  }

  async function found(id: string): Promise<SchemeRecord> {
    const scheme = await schemes.get(id);
    if (!scheme) throw new HTTPException(404, { message: `There is no scheme ${id}.` });
    return scheme;
  }

  async function readCsv(c: Context<ApiEnv>): Promise<string> {
    const type = c.req.header("content-type") ?? "";
    if (!/^text\/(csv|plain)\b/i.test(type)) throw new HTTPException(415, { message: "Send the CSV file itself, as text/csv." });
    const csv = await c.req.text();
    if (csv.length > MAX_IMPORT_BYTES) throw new HTTPException(413, { message: "The file is too large for a schemes catalogue." });
    if (csv.trim() === "") throw new HTTPException(400, { message: "The file is empty." });
    return csv;
  }

  return new Hono<ApiEnv>()
    .get("/schemes", guard("viewer"), async (c) => {
      const { filter, sort, range } = listParams(c, filterSchema, SORT_FIELDS, { field: "name", order: "ASC" });
      const { id, ...rest } = filter;
      if (id) {
        // getMany by id (a successor's name) reads the schemes one by one: the repository filters no ids.
        const rows = (await Promise.all(id.map((one) => schemes.get(one)))).filter((row) => row !== null);
        return listResponse(c, "schemes", range, rows, rows.length);
      }
      const page = await schemes.list({ filter: rest, sort, range });
      return listResponse(c, "schemes", range, page.rows, page.total);
    })
    .get("/schemes.csv", guard("viewer"), async (c) => {
      c.header("Content-Disposition", 'attachment; filename="schemes.csv"');
      return c.body(await exportSchemesCsv(db), 200, { "Content-Type": "text/csv; charset=utf-8" });
    })
    // `_` cannot start a scheme id, so this path never hides a scheme.
    .get("/schemes/_ministries", guard("viewer"), async (c) => c.json(await schemes.ministries()))
    .post("/schemes/import", guard("admin"), async (c) => {
      const csv = await readCsv(c);
      const now = clock().toISOString();
      const result = await importSchemesCsv(db, csv, now);
      if (result.status === "invalid") {
        const rows = result.errors.map((error) => error.row).join(", ");
        return c.json({ message: `Nothing was imported: fix row${result.errors.length === 1 ? "" : "s"} ${rows}.`, errors: result.errors }, 400);
      }
      await audit.record({ at: now, actor: actorOf(currentUser(c)), action: "scheme.import", entity: "scheme", after: { created: result.created, updated: result.updated } });
      return c.json({ created: result.created, updated: result.updated });
    })
    .get("/schemes/:id", guard("viewer"), async (c) => c.json(await found(idParam(c))))
    .post("/schemes", guard("admin"), async (c) => {
      const input = await readBody(c, newSchemeSchema);
      const now = clock().toISOString();
      const created = savedOrRefused(await schemes.create(input, now), input.id);
      await audit.record({ at: now, actor: actorOf(currentUser(c)), action: "scheme.create", entity: "scheme", entityId: created.id, after: created });
      return c.json(created, 201);
    })
    .put("/schemes/:id", guard("admin"), async (c) => {
      const id = idParam(c);
      const patch = await readBody(c, schemePatchSchema);
      const before = await found(id);
      const now = clock().toISOString();
      const after = savedOrRefused(await schemes.update(id, patch, now), id);
      await audit.record({ at: now, actor: actorOf(currentUser(c)), action: "scheme.update", entity: "scheme", entityId: id, before, after });
      return c.json(after);
    })
    // Suggestions already sent and successors point at a scheme, so "delete" retires it: it stays
    // readable here but is never suggested again.
    .delete("/schemes/:id", guard("admin"), setRetired(true))
    // Retiring by mistake, or a scheme announced again, is undone here.
    .post("/schemes/:id/reinstate", guard("admin"), setRetired(false));
}
