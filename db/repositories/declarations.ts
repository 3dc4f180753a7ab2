import { and, count, desc, eq, getTableColumns, inArray, ne, notExists, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { contentHash, newShortCode, normaliseText, type DeclarationContent, type DeclaredAnswers } from "../../core/declarations";
import { atomically, constraintFailure, type Database } from "../database";
import { type Declaration, type DeclarationStatus, auditLog, declarations, enterprises } from "../schema";
import { type ListQuery, type ListResult, orderFor, pageFor } from "./listing";

export interface SubmitInput {
  id: string;
  respondentId: string;
  enterpriseId: string;
  clusterId: string | null;
  principleSet: { id: string; version: number };
  answers: DeclaredAnswers;
  declarant: { name: string; role: string };
  declaredAt: string;
  /** The enterprise's current declaration as it was read before the declarant confirmed; null for a first one. */
  previous: Declaration | null;
}

export type SubmitResult =
  | { status: "stored"; declaration: Declaration }
  /** The enterprise's current declaration is no longer `previous`: someone declared meanwhile. Nothing was written. */
  | { status: "conflict" };

export type ReviewDecision = "approve" | "return";

export interface ReviewInput {
  id: string;
  decision: ReviewDecision;
  /** Required to return a declaration; recorded with an approval when given. */
  reason: string | null;
  /** `user:<id>` of the moderator. */
  actor: string;
  now: string;
}

export type ReviewResult =
  | { status: "reviewed"; declaration: Declaration }
  /** Only a submitted declaration can be reviewed; this one is approved, returned or superseded. */
  | { status: "not_submitted"; declaration: Declaration }
  | { status: "not_found" };

export interface DeclarationFilter {
  ids?: string[];
  shortCode?: string;
  clusterId?: string;
  enterpriseId?: string;
  respondentId?: string;
  status?: DeclarationStatus;
  principleSetId?: string;
}

/** Short codes are random; a repeat is rare, and a few fresh draws settle it. */
const SHORT_CODE_ATTEMPTS = 5;

const sortable = {
  id: declarations.id,
  shortCode: declarations.shortCode,
  declaredAt: declarations.declaredAt,
  reviewedAt: declarations.reviewedAt,
  status: declarations.status,
  version: declarations.version,
  clusterId: declarations.clusterId,
  enterpriseId: declarations.enterpriseId,
};

/**
 * What a stored declaration asserts, ready for the canonical form: the row's own fields and the code
 * and hash of the version it supersedes.
 */
export function declarationContent(row: Declaration, previous: Pick<Declaration, "shortCode" | "contentHash"> | null): DeclarationContent {
  return {
    shortCode: row.shortCode,
    version: row.version,
    supersedes: previous ? { shortCode: previous.shortCode, contentHash: previous.contentHash } : null,
    principleSet: { id: row.principleSetId, version: row.principleSetVersion },
    enterpriseId: row.enterpriseId,
    clusterId: row.clusterId,
    respondentId: row.respondentId,
    declarant: { name: row.declarantName, role: row.declarantRole },
    declaredAt: row.declaredAt,
    answers: row.answers,
  };
}

/** Texts stored the way the canonical form reads them, so the row and its hash agree byte for byte. */
function normaliseAnswers(answers: DeclaredAnswers): DeclaredAnswers {
  const normalised: DeclaredAnswers = {};
  for (const [code, given] of Object.entries(answers)) {
    const note = given.note === undefined ? "" : normaliseText(given.note);
    normalised[code] = note === "" ? { answer: given.answer } : { answer: given.answer, note };
  }
  return normalised;
}

/**
 * An `INSERT … SELECT` of literal values: the row goes in only when the select finds a row, which is
 * how a write is made conditional in one statement (D1 runs no interactive transactions). The fields
 * are listed in the table's column order, which is the order drizzle names the columns in.
 */
function conditionalRow<T extends SQLiteTable>(table: T, values: Record<keyof T["_"]["columns"], unknown>): Record<string, SQL.Aliased> {
  const fields: Record<string, SQL.Aliased> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = values[key as keyof T["_"]["columns"]];
    fields[key] = (value === null ? sql`null` : sql`${value}`).as(column.name);
  }
  return fields;
}

/**
 * BR declarations (SPEC §7). A stored declaration's content is never updated: an amendment is a new
 * row that supersedes the old one, and a review changes only the status and the review fields, by a
 * conditional update that succeeds once.
 */
export function declarationRepository(db: Database) {
  async function get(id: string): Promise<Declaration | null> {
    const [row] = await db.select().from(declarations).where(eq(declarations.id, id));
    return row ?? null;
  }

  async function insertOnce(input: SubmitInput, shortCode: string): Promise<SubmitResult | "code_taken"> {
    const { previous } = input;
    const content: DeclarationContent = {
      shortCode,
      version: previous ? previous.version + 1 : 1,
      supersedes: previous ? { shortCode: previous.shortCode, contentHash: previous.contentHash } : null,
      principleSet: input.principleSet,
      enterpriseId: input.enterpriseId,
      clusterId: input.clusterId,
      respondentId: input.respondentId,
      declarant: { name: normaliseText(input.declarant.name), role: normaliseText(input.declarant.role) },
      declaredAt: input.declaredAt,
      answers: normaliseAnswers(input.answers),
    };
    const hash = await contentHash(content);
    const stillCurrent = db
      .select({ one: sql`1` })
      .from(declarations)
      .where(and(eq(declarations.enterpriseId, input.enterpriseId), ne(declarations.status, "superseded")));
    const row = conditionalRow(declarations, {
      id: input.id,
      shortCode,
      enterpriseId: input.enterpriseId,
      respondentId: input.respondentId,
      clusterId: input.clusterId,
      principleSetId: content.principleSet.id,
      principleSetVersion: content.principleSet.version,
      answers: JSON.stringify(content.answers),
      declarantName: content.declarant.name,
      declarantRole: content.declarant.role,
      contentHash: hash,
      status: "submitted",
      reviewReason: null,
      reviewedBy: null,
      reviewedAt: null,
      previousId: previous?.id ?? null,
      version: content.version,
      declaredAt: content.declaredAt,
    });
    // The old version is superseded first, so that "no current declaration is left" holds exactly when
    // `previous` was still the current one: a declaration made meanwhile stops the insert.
    const insert = db
      .insert(declarations)
      .select(db.select(row).from(enterprises).where(and(eq(enterprises.id, input.enterpriseId), notExists(stillCurrent))).getSQL());
    try {
      await atomically(
        db,
        previous
          ? [db.update(declarations).set({ status: "superseded" }).where(and(eq(declarations.id, previous.id), ne(declarations.status, "superseded"))), insert]
          : [insert],
      );
    } catch (error) {
      const failure = constraintFailure(error);
      if (failure?.kind === "unique" && failure.columns === "declarations.short_code") return "code_taken";
      throw error;
    }
    const stored = await get(input.id);
    return stored ? { status: "stored", declaration: stored } : { status: "conflict" };
  }

  return {
    get,

    async byShortCode(shortCode: string): Promise<Declaration | null> {
      const [row] = await db.select().from(declarations).where(eq(declarations.shortCode, shortCode));
      return row ?? null;
    },

    /** The enterprise's declaration that is not superseded (submitted, approved or returned), if any. */
    async current(enterpriseId: string): Promise<Declaration | null> {
      const [row] = await db
        .select()
        .from(declarations)
        .where(and(eq(declarations.enterpriseId, enterpriseId), ne(declarations.status, "superseded")))
        .orderBy(desc(declarations.version))
        .limit(1);
      return row ?? null;
    },

    /** Every version an enterprise declared, newest first. */
    async history(enterpriseId: string): Promise<Declaration[]> {
      return db.select().from(declarations).where(eq(declarations.enterpriseId, enterpriseId)).orderBy(desc(declarations.version));
    },

    /** The approved declarations of a cluster: one per enterprise, since an amendment supersedes its approval. */
    async approvedInCluster(clusterId: string): Promise<Declaration[]> {
      return db
        .select()
        .from(declarations)
        .where(and(eq(declarations.clusterId, clusterId), eq(declarations.status, "approved")))
        .orderBy(declarations.enterpriseId);
    },

    /**
     * Stores a confirmed declaration with its content hash, superseding `previous` in the same
     * transaction. Refused (conflict) when the enterprise's current declaration is no longer `previous`.
     */
    async submit(input: SubmitInput): Promise<SubmitResult> {
      for (let attempt = 1; ; attempt++) {
        const result = await insertOnce(input, newShortCode());
        if (result !== "code_taken") return result;
        if (attempt >= SHORT_CODE_ATTEMPTS) throw new Error(`no free declaration code after ${attempt} draws`);
      }
    },

    /**
     * Approves or returns a submitted declaration, with its audit entry, in one transaction. Both
     * statements carry the same condition (still submitted), so they take effect together or not at all,
     * and of two moderators deciding at once exactly one wins.
     */
    async review(input: ReviewInput): Promise<ReviewResult> {
      const before = await get(input.id);
      if (!before) return { status: "not_found" };
      const status = input.decision === "approve" ? "approved" : "returned";
      const change = { status, reviewReason: input.reason, reviewedBy: input.actor, reviewedAt: input.now } as const;
      const stillSubmitted = and(eq(declarations.id, input.id), eq(declarations.status, "submitted"));
      const entry = conditionalRow(auditLog, {
        id: null,
        at: input.now,
        actor: input.actor,
        action: `declaration.${input.decision}`,
        entity: "declaration",
        entityId: input.id,
        before: JSON.stringify({ status: "submitted", reviewReason: null, reviewedBy: null, reviewedAt: null }),
        after: JSON.stringify(change),
      });
      await atomically(db, [
        db.insert(auditLog).select(db.select(entry).from(declarations).where(stillSubmitted).getSQL()),
        db.update(declarations).set(change).where(stillSubmitted),
      ]);
      const after = await get(input.id);
      if (!after) return { status: "not_found" };
      const won = after.status === status && after.reviewedBy === input.actor && after.reviewedAt === input.now;
      return won ? { status: "reviewed", declaration: after } : { status: "not_submitted", declaration: after };
    },

    async list(query: ListQuery<DeclarationFilter> = {}): Promise<ListResult<Declaration>> {
      const f = query.filter ?? {};
      const where = and(
        f.ids === undefined ? undefined : inArray(declarations.id, f.ids),
        f.shortCode === undefined ? undefined : eq(declarations.shortCode, f.shortCode),
        f.clusterId === undefined ? undefined : eq(declarations.clusterId, f.clusterId),
        f.enterpriseId === undefined ? undefined : eq(declarations.enterpriseId, f.enterpriseId),
        f.respondentId === undefined ? undefined : eq(declarations.respondentId, f.respondentId),
        f.status === undefined ? undefined : eq(declarations.status, f.status),
        f.principleSetId === undefined ? undefined : eq(declarations.principleSetId, f.principleSetId),
      );
      const { limit, offset } = pageFor(query.range);
      const rows = await db
        .select()
        .from(declarations)
        .where(where)
        .orderBy(...orderFor(query.sort, sortable, { field: "declaredAt", order: "DESC" }, declarations.id))
        .limit(limit)
        .offset(offset);
      const [counted] = await db.select({ total: count() }).from(declarations).where(where);
      return { rows, total: counted?.total ?? 0 };
    },
  };
}

export type DeclarationRepository = ReturnType<typeof declarationRepository>;
