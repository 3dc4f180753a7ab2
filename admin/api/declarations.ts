import { inArray } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import {
  adherence,
  canonicalDeclaration,
  contentHash,
  elementsOf,
  findPrincipleSet,
  groupAdherence,
  textKeys,
  type PrincipleSet,
} from "../../core/declarations";
import { chunkRows } from "../../db/database";
import { declarationContent, declarationRepository, type DeclarationFilter } from "../../db/repositories/declarations";
import { clusters, DECLARATION_STATUSES, enterprises, type Declaration } from "../../db/schema";
import { createI18n } from "../../bot/i18n";
import { DEFAULT_LANGUAGE, isLanguageCode } from "../../locales/languages";
import { actorOf, currentUser, type ApiEnv, type Guard } from "../auth/guard";
import type { ConsoleRole } from "../auth/roles";
import { renderDeclarationPage } from "../declarations/print";
import type { ApiDeps } from "./deps";
import type { ExportColumn } from "./exports/cluster-columns";
import { csvStream } from "./exports/csv";
import { personalDataRequested } from "./exports/personal";
import { idsFilter, listParams, listResponse } from "./list-params";
import { idParam, jsonParam, readBody, validate } from "./validation";

export interface DeclarationRouteOptions {
  /**
   * Tells the declarant about a review once it is stored, e.g. `tellDeclarant(notifier)`. A message
   * that cannot be delivered does not undo the review; the answer says whether it went out.
   */
  onReviewed?: (declaration: Declaration) => Promise<boolean>;
}

const filterSchema = z.strictObject({
  id: idsFilter,
  shortCode: z.string().min(1).max(20).optional(),
  clusterId: z.string().min(1).max(100).optional(),
  enterpriseId: z.string().min(1).max(100).optional(),
  respondentId: z.string().min(1).max(100).optional(),
  status: z.enum(DECLARATION_STATUSES).optional(),
  principleSetId: z.string().min(1).max(100).optional(),
});

const SORT_FIELDS = ["declaredAt", "reviewedAt", "status", "version", "shortCode", "clusterId", "enterpriseId", "id"] as const;

const approvalSchema = z.strictObject({ reason: z.string().trim().max(500).optional() });
const returnSchema = z.strictObject({ reason: z.string().trim().min(3, "Say in a few words what to change.").max(500) });

const adherenceQuery = z.union([
  z.strictObject({ clusterId: z.string().min(1).max(100) }),
  z.strictObject({ enterpriseId: z.string().min(1).max(100) }),
]);

/** Rows fetched per query while exporting, so an export of any size stays within memory and D1's limits. */
const EXPORT_PAGE = 500;

/** One exported line: an element of a declaration with its answer. */
interface ExportRow {
  declaration: Declaration;
  set: PrincipleSet;
  enterprise: string | null;
  cluster: string | null;
  element: string;
  statement: string;
  answer: string;
  note: string;
}

const column = (key: string, width: number, value: ExportColumn<ExportRow>["value"], personal = false) => ({ key, header: key, width, value, personal });

/** The export's columns; the enterprise's and declarant's names only in an admin's export that asks (`personal=true`). */
const EXPORT_COLUMNS = [
  column("declaration", 12, (row) => row.declaration.shortCode),
  column("version", 8, (row) => row.declaration.version),
  column("status", 12, (row) => row.declaration.status),
  column("enterprise", 28, (row) => row.enterprise, true),
  column("cluster", 28, (row) => row.cluster),
  column("declared_at", 22, (row) => row.declaration.declaredAt),
  column("declarant_name", 24, (row) => row.declaration.declarantName, true),
  column("declarant_role", 16, (row) => row.declaration.declarantRole),
  column("principle_set", 20, (row) => row.set.id),
  column("principle_set_version", 10, (row) => row.set.version),
  column("element", 8, (row) => row.element),
  column("statement", 60, (row) => row.statement),
  column("answer", 10, (row) => row.answer),
  column("note", 40, (row) => row.note),
  column("content_hash", 66, (row) => row.declaration.contentHash),
];

/**
 * `/declarations`: BR declarations for moderators (SPEC §7). Lists, one declaration with its
 * adherence and hash check, the canonical JSON and the printable page, the CSV export, adherence per
 * enterprise and per cluster, and the two review decisions, each audited and told to the declarant.
 */
export function declarationRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard, options: DeclarationRouteOptions = {}) {
  const { db, clock, logger } = deps;
  const repository = declarationRepository(db);
  const i18n = createI18n();

  async function found(id: string): Promise<Declaration> {
    const declaration = await repository.get(id);
    if (!declaration) throw new HTTPException(404, { message: `There is no declaration ${id}.` });
    return declaration;
  }

  function setOf(declaration: Declaration): PrincipleSet {
    const set = findPrincipleSet(declaration.principleSetId, declaration.principleSetVersion);
    if (!set) throw new Error(`declaration ${declaration.id} names unknown principle set ${declaration.principleSetId} v${declaration.principleSetVersion}`);
    return set;
  }

  /** Enterprise and cluster names for a page of declarations, in queries within D1's parameter limit. */
  async function namesFor(rows: readonly Declaration[]) {
    const enterpriseIds = [...new Set(rows.flatMap((row) => (row.enterpriseId ? [row.enterpriseId] : [])))];
    const clusterIds = [...new Set(rows.flatMap((row) => (row.clusterId ? [row.clusterId] : [])))];
    const [enterpriseRows, clusterRows] = await Promise.all([
      Promise.all(chunkRows(enterpriseIds, 1).map((ids) => db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, ids)))),
      Promise.all(chunkRows(clusterIds, 1).map((ids) => db.select({ id: clusters.id, name: clusters.name }).from(clusters).where(inArray(clusters.id, ids)))),
    ]);
    const enterpriseNames = new Map(enterpriseRows.flat().map((row) => [row.id, row.name]));
    const clusterNames = new Map(clusterRows.flat().map((row) => [row.id, row.name]));
    return (row: Declaration) => ({
      enterpriseName: row.enterpriseId ? (enterpriseNames.get(row.enterpriseId) ?? null) : null,
      clusterName: row.clusterId ? (clusterNames.get(row.clusterId) ?? null) : null,
    });
  }

  /** A list row: the declaration without its answers, with names and its overall adherence. */
  async function summaries(rows: readonly Declaration[]) {
    const names = await namesFor(rows);
    return rows.map((row) => {
      const { answers, ...fields } = row;
      return { ...fields, ...names(row), overall: adherence(setOf(row), answers).overall };
    });
  }

  async function previousOf(declaration: Declaration) {
    return declaration.previousId ? repository.get(declaration.previousId) : null;
  }

  /** The canonical JSON and whether it still hashes to the stored fingerprint. */
  async function canonical(declaration: Declaration) {
    const content = declarationContent(declaration, await previousOf(declaration));
    const json = canonicalDeclaration(content);
    return { json, verified: (await contentHash(content)) === declaration.contentHash };
  }

  async function detail(declaration: Declaration) {
    const [summary] = await summaries([declaration]);
    const { json, verified } = await canonical(declaration);
    return { ...summary, answers: declaration.answers, adherence: adherence(setOf(declaration), declaration.answers), verified, canonical: json };
  }

  function review(decision: "approve" | "return") {
    return async (c: Context<ApiEnv>) => {
      const id = idParam(c);
      const { reason } = decision === "return" ? await readBody(c, returnSchema) : await readBody(c, approvalSchema);
      const result = await repository.review({ id, decision, reason: reason || null, actor: actorOf(currentUser(c)), now: clock().toISOString() });
      if (result.status === "not_found") throw new HTTPException(404, { message: `There is no declaration ${id}.` });
      if (result.status === "not_submitted") {
        throw new HTTPException(409, { message: `Only a declaration waiting for review can be ${decision === "approve" ? "approved" : "returned"}; this one is ${result.declaration.status}.` });
      }
      let notified = false;
      try {
        notified = (await options.onReviewed?.(result.declaration)) ?? false;
      } catch (error) {
        logger.warn({ err: error, declaration: id }, "the declarant could not be told about the review");
      }
      return c.json({ ...(await detail(result.declaration)), notified });
    };
  }

  /**
   * One row per element of each matching declaration, in declaration then element order, read from
   * the database a page at a time as the download goes out.
   */
  async function* exportRows(filter: DeclarationFilter): AsyncGenerator<ExportRow> {
    const translate = (await i18n).forLanguage(DEFAULT_LANGUAGE);
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const page = await repository.list({ filter, sort: { field: "declaredAt", order: "ASC" }, range: [offset, offset + EXPORT_PAGE - 1] });
      const names = await namesFor(page.rows);
      for (const declaration of page.rows) {
        const set = setOf(declaration);
        const keys = textKeys(set);
        const { enterpriseName, clusterName } = names(declaration);
        for (const ref of elementsOf(set)) {
          const given = declaration.answers[ref.code];
          yield {
            declaration,
            set,
            enterprise: enterpriseName ?? null,
            cluster: clusterName ?? null,
            element: ref.code,
            statement: translate(keys.element(ref.principle, ref.element)) as string,
            answer: given?.answer ?? "",
            note: given?.note ?? "",
          };
        }
      }
      if (offset + EXPORT_PAGE >= page.total) break;
    }
  }

  function exportOf(c: Context<ApiEnv>) {
    const filter = filterOf(validate(filterSchema, jsonParam(c, "filter") ?? {}, "filter"));
    const personal = personalDataRequested(c);
    return { columns: EXPORT_COLUMNS.filter((each) => personal || !each.personal), rows: exportRows(filter) };
  }

  const filterOf = ({ id, ...rest }: z.output<typeof filterSchema>): DeclarationFilter => ({ ...rest, ...(id ? { ids: id } : {}) });

  return new Hono<ApiEnv>()
    .get("/", guard("viewer"), async (c) => {
      const { filter, sort, range } = listParams(c, filterSchema, SORT_FIELDS, { field: "declaredAt", order: "DESC" });
      const page = await repository.list({ filter: filterOf(filter), sort, range });
      return listResponse(c, "declarations", range, await summaries(page.rows), page.total);
    })
    .get("/export.csv", guard("viewer"), (c) => {
      const { columns, rows } = exportOf(c);
      return c.body(csvStream(columns, rows), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="declarations.csv"',
      });
    })
    .get("/export.xlsx", guard("viewer"), async (c) => {
      const { columns, rows } = exportOf(c);
      // exceljs is large and needs Node's streams; it is loaded only when a workbook is asked for.
      const { xlsxStream } = await import("./exports/xlsx");
      return c.body(xlsxStream({ name: "Declarations", columns, rows }, []), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": 'attachment; filename="declarations.xlsx"',
      });
    })
    .get("/adherence", guard("viewer"), async (c) => {
      const query = validate(adherenceQuery, c.req.query(), "query");
      if ("enterpriseId" in query) {
        const current = await repository.current(query.enterpriseId);
        if (!current) return c.json({ enterpriseId: query.enterpriseId, declaration: null });
        const set = setOf(current);
        return c.json({
          enterpriseId: query.enterpriseId,
          declaration: { id: current.id, shortCode: current.shortCode, status: current.status, version: current.version },
          principleSet: { id: set.id, version: set.version },
          ...adherence(set, current.answers),
        });
      }
      // Only approved declarations count for a cluster: what a moderator has checked.
      const approved = await repository.approvedInCluster(query.clusterId);
      const bySet = new Map<PrincipleSet, Declaration[]>();
      for (const declaration of approved) {
        const set = setOf(declaration);
        bySet.set(set, [...(bySet.get(set) ?? []), declaration]);
      }
      const sets = [...bySet].map(([set, rows]) => ({
        principleSet: { id: set.id, version: set.version },
        ...groupAdherence(set, rows.map((row) => adherence(set, row.answers))),
      }));
      return c.json({ clusterId: query.clusterId, sets });
    })
    .get("/:id", guard("viewer"), async (c) => c.json(await detail(await found(idParam(c)))))
    .get("/:id/canonical.json", guard("viewer"), async (c) => {
      const declaration = await found(idParam(c));
      const { json } = await canonical(declaration);
      c.header("Content-Disposition", `attachment; filename="${canonicalFileName(declaration)}"`);
      return c.body(json, 200, { "Content-Type": "application/json; charset=utf-8" });
    })
    .get("/:id/print", guard("viewer"), async (c) => {
      const declaration = await found(idParam(c));
      const requested = c.req.query("lang");
      const language = isLanguageCode(requested) ? requested : DEFAULT_LANGUAGE;
      const translate = (await i18n).forLanguage(language);
      const [previous, names, { verified }] = await Promise.all([previousOf(declaration), namesFor([declaration]), canonical(declaration)]);
      const set = setOf(declaration);
      return c.html(
        renderDeclarationPage({
          declaration,
          previous,
          ...names(declaration),
          set,
          adherence: adherence(set, declaration.answers),
          verified,
          download: { href: "canonical.json", fileName: canonicalFileName(declaration) },
          language,
          translate: (key, params) => translate(key, params ?? {}) as string,
        }),
      );
    })
    .post("/:id/approve", guard("moderator"), review("approve"))
    .post("/:id/return", guard("moderator"), review("return"));
}

/** The file a canonical JSON is saved as: the code and version say which declaration it is. */
function canonicalFileName(declaration: Declaration): string {
  return `declaration-${declaration.shortCode}-v${declaration.version}.json`;
}
