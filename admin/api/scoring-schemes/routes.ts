import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { scoringSchemeSchema } from "../../../core/scoring";
import { auditRepository } from "../../../db/repositories/audit";
import { recomputeAllClusterScores } from "../../../db/repositories/scores";
import { scoringSchemeRepository } from "../../../db/repositories/scoring-schemes";
import { actorOf, currentUser, type ApiEnv, type Guard } from "../../auth/guard";
import type { ConsoleRole } from "../../auth/roles";
import type { ApiDeps } from "../deps";
import { idsFilter, listParams, listResponse } from "../list-params";
import { describeIssues, readBody } from "../validation";
import { nextFreeVersion, parseSchemeId, schemeCatalogue, schemeId, type ScoringSchemeView } from "./catalogue";
import { fieldErrors } from "./field-errors";

const filterSchema = z.strictObject({ id: idsFilter });

const SORT_FIELDS = ["name", "version", "active", "engagementMethod", "createdAt"] as const;
type SortField = (typeof SORT_FIELDS)[number];

/** Orders by the field, then by name and version, so versions of one scheme stay together and in order. */
function compareBy(field: SortField, order: "ASC" | "DESC") {
  const key = (scheme: ScoringSchemeView): (string | number)[] => [
    field === "active" ? Number(scheme.active) : (scheme[field] ?? ""),
    scheme.name,
    scheme.version,
  ];
  const sign = order === "ASC" ? 1 : -1;
  return (a: ScoringSchemeView, b: ScoringSchemeView) => {
    const left = key(a);
    const right = key(b);
    for (let i = 0; i < left.length; i += 1) {
      const x = left[i] ?? "";
      const y = right[i] ?? "";
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

/**
 * `/scoring-schemes` (SPEC §3): the weights and method every cluster score is computed with, as
 * named versions. Everyone reads; admins add versions and choose the active one. A stored version
 * never changes, so a cached score or an export always names what produced it. Activating
 * recomputes every cluster before it answers.
 */
export function scoringSchemeRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock } = deps;
  const schemes = scoringSchemeRepository(db);
  const audit = auditRepository(db);

  async function catalogue(): Promise<ScoringSchemeView[]> {
    return schemeCatalogue(await schemes.list());
  }

  /** The scheme called `id` in `all`, or a 404. */
  function pick(all: readonly ScoringSchemeView[], id: string): ScoringSchemeView {
    const scheme = parseSchemeId(id) ? all.find((entry) => entry.id === id) : undefined;
    if (!scheme) throw new HTTPException(404, { message: `There is no scoring scheme ${id}.` });
    return scheme;
  }

  const idOf = (c: Context<ApiEnv>) => c.req.param("id") ?? "";

  return new Hono<ApiEnv>()
    .get("/", guard("viewer"), async (c) => {
      const { filter, sort, range } = listParams(c, filterSchema, SORT_FIELDS, { field: "name", order: "ASC" });
      const all = (await catalogue()).filter((scheme) => !filter.id || filter.id.includes(scheme.id)).sort(compareBy(sort.field, sort.order));
      return listResponse(c, "scoring-schemes", range, all.slice(range[0], range[1] + 1), all.length);
    })
    .get("/:id", guard("viewer"), async (c) => c.json(pick(await catalogue(), idOf(c))))
    .post("/", guard("admin"), async (c) => {
      const parsed = scoringSchemeSchema.safeParse(await readBody(c, z.unknown()));
      if (!parsed.success) {
        return c.json({ message: `Invalid body: ${describeIssues(parsed.error.issues)}`, errors: fieldErrors(parsed.error.issues, (issue) => issue.message) }, 400);
      }
      const definition = parsed.data;
      const id = schemeId(definition);
      const taken = await catalogue();
      // A built-in is refused even before it is stored: its name and version already mean its values.
      if (!taken.some((scheme) => scheme.id === id)) {
        const result = await schemes.save(definition, actorOf(currentUser(c)), clock().toISOString());
        if (result.status === "saved") return c.json(pick(await catalogue(), id), 201);
      }
      const message = `There is already a scoring scheme ${id}; the next free version of "${definition.name}" is ${nextFreeVersion(taken, definition.name)}.`;
      return c.json({ message, errors: { version: message } }, 409);
    })
    .post("/:id/activate", guard("admin"), async (c) => {
      const before = await catalogue();
      const target = pick(before, idOf(c));
      const previous = before.find((scheme) => scheme.active);
      const actor = actorOf(currentUser(c));
      const now = clock().toISOString();
      // Activating what is already active writes nothing and only recomputes, e.g. after an upgrade
      // changed how scores are computed; the audit log still records the recompute.
      if (!target.active) {
        // A built-in not stored yet is stored first. A concurrent activation may have stored it
        // already ("version_exists"); either way it is stored now.
        if (target.createdAt === null) await schemes.save(target, actor, now);
        if (!(await schemes.activate(target.name, target.version, actor, now))) {
          throw new HTTPException(404, { message: `There is no scoring scheme ${target.id}.` });
        }
      }
      // Rescored with what is active now, so a concurrent activation cannot leave scores from the loser.
      const active = await schemes.active();
      const rescored = await recomputeAllClusterScores(db, active, now);
      await audit.record({
        at: now,
        actor,
        action: "scoring_scheme.recompute",
        entity: "scoring_scheme",
        entityId: schemeId(active),
        before: { active: previous?.id ?? null },
        after: { active: schemeId(active), rescored },
      });
      return c.json({ scheme: pick(await catalogue(), schemeId(active)), rescored, changed: !target.active });
    });
}
