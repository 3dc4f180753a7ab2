import { and, count, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { schemeSchema } from "../../core/schemes/schema";
import { tagBit, tagMask, tagSearchText, type TagKey } from "../../core/schemes/tags";
import type { Group, Scheme, SchemeSource, SchemeStatus } from "../../core/schemes/types";
import type { Issue } from "../../core/scoring/issues";
import { constraintFailure, type Database } from "../database";
import { type SchemeRow, schemes } from "../schema";
import { containsText, type ListQuery, type ListResult, orderFor, pageFor } from "./listing";

/** A stored scheme: the catalogue fields and its bookkeeping times. */
export interface SchemeRecord extends Scheme {
  createdAt: string;
  updatedAt: string;
  /** Set when an admin withdrew the entry; retired entries are kept but never suggested. */
  retiredAt: string | null;
}

export interface SchemeFilter {
  /** Part of the name. */
  q?: string;
  status?: SchemeStatus;
  source?: SchemeSource;
  ministry?: string;
  issue?: Issue;
  group?: Group;
  /** true: only retired; false: only current; absent: both. */
  retired?: boolean;
}

export type SchemeWriteResult =
  | { status: "saved"; scheme: SchemeRecord }
  | { status: "invalid"; issues: z.core.$ZodIssue[] }
  | { status: "id_taken" }
  | { status: "unknown_successor" }
  | { status: "successor_cycle" }
  | { status: "not_found" };

/** Longest successor chain followed when checking for a cycle; real chains have two or three links. */
const MAX_SUCCESSOR_CHAIN = 32;

/** The stored row without the derived search columns. */
export function schemeRecord(row: SchemeRow): SchemeRecord {
  const { seq: _seq, tagMask: _tagMask, searchTags: _searchTags, ...record } = row;
  return record;
}

/** The columns written for a scheme, derived search columns included. */
export function schemeColumns(scheme: Scheme) {
  return { ...scheme, tagMask: tagMask(scheme), searchTags: tagSearchText(scheme) };
}

const sortable = {
  id: schemes.id,
  name: schemes.name,
  ministry: schemes.ministry,
  status: schemes.status,
  source: schemes.source,
  createdAt: schemes.createdAt,
  updatedAt: schemes.updatedAt,
};

function hasTag(tag: TagKey): SQL {
  return sql`(${schemes.tagMask} & ${tagBit(tag)}) <> 0`;
}

/** The schemes catalogue as the console manages it: list, read, create, change, retire. */
export function schemeRepository(db: Database) {
  async function get(id: string): Promise<SchemeRecord | null> {
    const [row] = await db.select().from(schemes).where(eq(schemes.id, id));
    return row ? schemeRecord(row) : null;
  }

  /** Whether following successors from `successorId` comes back to `id`. */
  async function leadsBackTo(id: string, successorId: string | null): Promise<boolean> {
    let next = successorId;
    for (let step = 0; next !== null && step < MAX_SUCCESSOR_CHAIN; step++) {
      if (next === id) return true;
      const [row] = await db.select({ successorId: schemes.successorId }).from(schemes).where(eq(schemes.id, next));
      next = row?.successorId ?? null;
    }
    return next !== null;
  }

  function writeFailure(error: unknown): SchemeWriteResult {
    const failure = constraintFailure(error);
    if (failure?.kind === "unique" && failure.columns === "schemes.id") return { status: "id_taken" };
    if (failure?.kind === "foreign_key") return { status: "unknown_successor" };
    throw error;
  }

  /** Retires or reinstates; a scheme already so is left as it is (its `updatedAt` too). */
  async function setRetired(id: string, retired: boolean, now: string): Promise<SchemeRecord | null> {
    const [row] = await db
      .update(schemes)
      .set({ retiredAt: retired ? now : null, updatedAt: now })
      .where(and(eq(schemes.id, id), retired ? isNull(schemes.retiredAt) : isNotNull(schemes.retiredAt)))
      .returning();
    return row ? schemeRecord(row) : get(id);
  }

  return {
    get,

    /** Schemes for the console's list, filtered, sorted and paged. */
    async list(query: ListQuery<SchemeFilter> = {}): Promise<ListResult<SchemeRecord>> {
      const f = query.filter ?? {};
      const where = and(
        f.q ? containsText(schemes.name, f.q) : undefined,
        f.status === undefined ? undefined : eq(schemes.status, f.status),
        f.source === undefined ? undefined : eq(schemes.source, f.source),
        f.ministry === undefined ? undefined : eq(schemes.ministry, f.ministry),
        f.issue === undefined ? undefined : hasTag(`issue:${f.issue}`),
        f.group === undefined ? undefined : hasTag(`group:${f.group}`),
        f.retired === undefined ? undefined : f.retired ? isNotNull(schemes.retiredAt) : isNull(schemes.retiredAt),
      );
      const { limit, offset } = pageFor(query.range);
      const rows = await db
        .select()
        .from(schemes)
        .where(where)
        .orderBy(...orderFor(query.sort, sortable, { field: "name", order: "ASC" }, schemes.id))
        .limit(limit)
        .offset(offset);
      const [counted] = await db.select({ total: count() }).from(schemes).where(where);
      return { rows: rows.map(schemeRecord), total: counted?.total ?? 0 };
    },

    /** Every ministry that current schemes name, for the ministry filter. */
    async ministries(): Promise<string[]> {
      const rows = await db
        .selectDistinct({ ministry: schemes.ministry })
        .from(schemes)
        .where(isNull(schemes.retiredAt))
        .orderBy(schemes.ministry);
      return rows.map((row) => row.ministry);
    },

    /** Adds a scheme after validating it. */
    async create(input: Scheme, now: string): Promise<SchemeWriteResult> {
      const parsed = schemeSchema.safeParse(input);
      if (!parsed.success) return { status: "invalid", issues: parsed.error.issues };
      try {
        const [row] = await db
          .insert(schemes)
          .values({ ...schemeColumns(parsed.data), createdAt: now, updatedAt: now })
          .returning();
        if (!row) throw new Error(`scheme ${input.id} was not stored`);
        return { status: "saved", scheme: schemeRecord(row) };
      } catch (error) {
        return writeFailure(error);
      }
    },

    /** Changes the given fields of a scheme; the result is validated as a whole. */
    async update(id: string, patch: Partial<Omit<Scheme, "id">>, now: string): Promise<SchemeWriteResult> {
      const current = await get(id);
      if (!current) return { status: "not_found" };
      const { createdAt: _createdAt, updatedAt: _updatedAt, retiredAt: _retiredAt, ...fields } = current;
      const parsed = schemeSchema.safeParse({ ...fields, ...patch, id });
      if (!parsed.success) return { status: "invalid", issues: parsed.error.issues };
      if (await leadsBackTo(id, parsed.data.successorId)) return { status: "successor_cycle" };
      try {
        const [row] = await db
          .update(schemes)
          .set({ ...schemeColumns(parsed.data), updatedAt: now })
          .where(eq(schemes.id, id))
          .returning();
        return row ? { status: "saved", scheme: schemeRecord(row) } : { status: "not_found" };
      } catch (error) {
        return writeFailure(error);
      }
    },

    /** Withdraws a scheme from search and suggestions, keeping it for history; null when unknown. */
    retire: (id: string, now: string) => setRetired(id, true, now),

    /** Puts a retired scheme back into search and suggestions; null when unknown. */
    reinstate: (id: string, now: string) => setRetired(id, false, now),
  };
}

export type SchemeRepository = ReturnType<typeof schemeRepository>;
