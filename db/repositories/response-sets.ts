import { and, asc, count, eq, getTableColumns, gt, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { ResponseSet as ScoringResponseSet } from "../../core/scoring";
import { ratingsFromAnswers } from "../../core/scoring";
import { atomically, type Database } from "../database";
import {
  type Answer,
  type AnswerEvent,
  type ResponseSet,
  type ResponseSetStatus,
  answerEvents,
  answers,
  channelIdentities,
  clusters,
  enterprises,
  respondents,
  responseSets,
} from "../schema";
import { auditRepository } from "./audit";
import { type ListQuery, type ListResult, orderFor, pageFor } from "./listing";

export interface ResponseSetFilter {
  ids?: string[];
  clusterId?: string;
  respondentId?: string;
  questionnaireId?: string;
  status?: ResponseSetStatus;
  /** true: only excluded; false: only counted; absent: both. */
  excluded?: boolean;
}

export interface ResponseSetWithAnswers extends ResponseSet {
  answers: Answer[];
}

export interface ModerationInput {
  id: string;
  /** Why: required for an exclusion, recorded in the audit trail for a restore too. */
  reason: string;
  /** `user:<id>` of the moderator. */
  actor: string;
  now: string;
}

export type ModerationResult =
  | { status: "changed"; responseSet: ResponseSet }
  /** Already in the requested state: nothing written. */
  | { status: "unchanged"; responseSet: ResponseSet }
  | { status: "not_found" };

const sortable = {
  id: responseSets.id,
  startedAt: responseSets.startedAt,
  completedAt: responseSets.completedAt,
  updatedAt: responseSets.updatedAt,
  status: responseSets.status,
  excludedAt: responseSets.excludedAt,
  clusterId: responseSets.clusterId,
  questionnaireId: responseSets.questionnaireId,
};

/** A response set as an export writes it: who answered (names only when asked for) and every answer. */
export interface ExportedResponseSet extends ResponseSet {
  clusterName: string | null;
  stakeholderType: string | null;
  /** Personal data: always null unless the page was read with `personal: true`. */
  respondentName: string | null;
  telegramUsername: string | null;
  enterpriseName: string | null;
  /** Item id → value; a null value is an answered "don't know", a missing key an item never answered. */
  answers: Readonly<Record<string, Answer["value"]>>;
}

export interface ExportPageQuery {
  filter: Omit<ResponseSetFilter, "ids">;
  /** The last id of the previous page; null for the first page. */
  after: string | null;
  limit: number;
  personal: boolean;
}

function conditionsOf(f: ResponseSetFilter): SQL | undefined {
  return and(
    f.ids ? inArray(responseSets.id, f.ids) : undefined,
    f.clusterId === undefined ? undefined : eq(responseSets.clusterId, f.clusterId),
    f.respondentId === undefined ? undefined : eq(responseSets.respondentId, f.respondentId),
    f.questionnaireId === undefined ? undefined : eq(responseSets.questionnaireId, f.questionnaireId),
    f.status === undefined ? undefined : eq(responseSets.status, f.status),
    f.excluded === undefined ? undefined : f.excluded ? isNotNull(responseSets.excludedAt) : isNull(responseSets.excludedAt),
  );
}

/** Response sets: what moderation decides on and scoring reads. */
export function responseSetRepository(db: Database) {
  const audit = auditRepository(db);

  async function get(id: string): Promise<ResponseSet | null> {
    const [row] = await db.select().from(responseSets).where(eq(responseSets.id, id));
    return row ?? null;
  }

  /** Excludes or restores in one transaction with its audit entry. */
  async function moderate(input: ModerationInput, exclude: boolean): Promise<ModerationResult> {
    const before = await get(input.id);
    if (!before) return { status: "not_found" };
    if ((before.excludedAt !== null) === exclude) return { status: "unchanged", responseSet: before };
    const change = exclude
      ? { excludedAt: input.now, exclusionReason: input.reason, excludedBy: input.actor }
      : { excludedAt: null, exclusionReason: null, excludedBy: null };
    await atomically(db, [
      db
        .update(responseSets)
        .set({ ...change, updatedAt: input.now })
        .where(and(eq(responseSets.id, input.id), exclude ? isNull(responseSets.excludedAt) : isNotNull(responseSets.excludedAt))),
      audit.statement({
        at: input.now,
        actor: input.actor,
        action: exclude ? "response_set.exclude" : "response_set.restore",
        entity: "response_set",
        entityId: input.id,
        before: { excludedAt: before.excludedAt, exclusionReason: before.exclusionReason, excludedBy: before.excludedBy },
        after: exclude ? change : { ...change, reason: input.reason },
      }),
    ]);
    const after = await get(input.id);
    if (!after) return { status: "not_found" };
    return { status: "changed", responseSet: after };
  }

  return {
    get,

    /** A response set with its current answers, in item order. */
    async withAnswers(id: string): Promise<ResponseSetWithAnswers | null> {
      const set = await get(id);
      if (!set) return null;
      const rows = await db.select().from(answers).where(eq(answers.responseSetId, id)).orderBy(asc(answers.itemId));
      return { ...set, answers: rows };
    },

    /** Everything that happened to a response set's answers, oldest first. */
    async history(id: string): Promise<AnswerEvent[]> {
      return db.select().from(answerEvents).where(eq(answerEvents.responseSetId, id)).orderBy(asc(answerEvents.id));
    },

    async byRespondent(respondentId: string): Promise<ResponseSet[]> {
      return db
        .select()
        .from(responseSets)
        .where(eq(responseSets.respondentId, respondentId))
        .orderBy(asc(responseSets.startedAt), asc(responseSets.id));
    },

    /**
     * A cluster's completed response sets of one questionnaire, excluded ones included and marked
     * `counted: false`, with their ratings: the input scoring and moderation flags take. Two queries,
     * however many sets the cluster has.
     */
    async completedForScoring(clusterId: string, questionnaireId: string): Promise<ScoringResponseSet[]> {
      const inCluster = and(
        eq(responseSets.clusterId, clusterId),
        eq(responseSets.status, "completed"),
        eq(responseSets.questionnaireId, questionnaireId),
      );
      const sets = await db.select().from(responseSets).where(inCluster).orderBy(asc(responseSets.completedAt), asc(responseSets.id));
      const answerRows = await db
        .select({ responseSetId: answers.responseSetId, itemId: answers.itemId, value: answers.value })
        .from(answers)
        .innerJoin(responseSets, eq(responseSets.id, answers.responseSetId))
        .where(inCluster);
      const answersBySet = new Map<string, Record<string, { value: Answer["value"] }>>();
      for (const row of answerRows) {
        const setAnswers = answersBySet.get(row.responseSetId) ?? {};
        setAnswers[row.itemId] = { value: row.value };
        answersBySet.set(row.responseSetId, setAnswers);
      }
      return sets.map((set) => ({
        id: set.id,
        respondentId: set.respondentId,
        counted: set.excludedAt === null,
        ratings: ratingsFromAnswers(answersBySet.get(set.id) ?? {}),
        startedAt: set.startedAt,
        ...(set.completedAt === null ? {} : { completedAt: set.completedAt }),
        // One respondent is one chat account: two completed score cards from it are the same person twice.
        identityKey: set.respondentId,
      }));
    },

    /** Leaves a response set out of its cluster's score, with the moderator's reason. */
    exclude(input: ModerationInput): Promise<ModerationResult> {
      return moderate(input, true);
    },

    /** Counts an excluded response set again. */
    restore(input: ModerationInput): Promise<ModerationResult> {
      return moderate(input, false);
    },

    /** Response sets for the console, newest first unless sorted otherwise. */
    async list(query: ListQuery<ResponseSetFilter> = {}): Promise<ListResult<ResponseSet>> {
      const where = conditionsOf(query.filter ?? {});
      const { limit, offset } = pageFor(query.range);
      const rows = await db
        .select()
        .from(responseSets)
        .where(where)
        .orderBy(...orderFor(query.sort, sortable, { field: "startedAt", order: "DESC" }, responseSets.id))
        .limit(limit)
        .offset(offset);
      const [counted] = await db.select({ total: count() }).from(responseSets).where(where);
      return { rows, total: counted?.total ?? 0 };
    },

    /**
     * One page of an export in id order, after the previous page's last id: keyset paging, so every
     * page costs the same however deep the export is. One query per page whatever its size, with a
     * handful of bound parameters (D1 allows 100).
     */
    async exportPage(query: ExportPageQuery): Promise<ExportedResponseSet[]> {
      const { clusterId, ...filter } = query.filter;
      // The unary plus keeps SQLite off the cluster index: with it, every page would read and sort
      // the whole cluster again; along the primary key each page continues where the last one ended.
      const matching = and(conditionsOf(filter), clusterId === undefined ? undefined : sql`+${responseSets.clusterId} = ${clusterId}`);
      const telegramUsername = sql<string | null>`(select ${channelIdentities.username} from ${channelIdentities} where ${channelIdentities.respondentId} = ${responseSets.respondentId} and ${channelIdentities.channel} = 'telegram' and ${channelIdentities.username} is not null limit 1)`;
      // Each set's answers come folded into one JSON object in the same row: a second query would
      // hand drizzle twenty rows per set to map, which was most of an export's time.
      const answersObject = sql<string | null>`(select json_group_object(${answers.itemId}, json(${answers.value})) from ${answers} where ${answers.responseSetId} = ${responseSets.id})`;
      const rows = await db
        .select({
          ...getTableColumns(responseSets),
          answers: answersObject,
          clusterName: clusters.name,
          stakeholderType: respondents.stakeholderType,
          respondentName: query.personal ? respondents.displayName : sql<null>`null`,
          telegramUsername: query.personal ? telegramUsername : sql<null>`null`,
          enterpriseName: query.personal ? enterprises.name : sql<null>`null`,
        })
        .from(responseSets)
        .leftJoin(clusters, eq(clusters.id, responseSets.clusterId))
        .leftJoin(respondents, eq(respondents.id, responseSets.respondentId))
        .leftJoin(enterprises, eq(enterprises.id, respondents.enterpriseId))
        .where(and(matching, query.after === null ? undefined : gt(responseSets.id, query.after)))
        .orderBy(asc(responseSets.id))
        .limit(query.limit);
      // Each row becomes the exported set in place: a million-row export makes no second object per
      // row for the garbage collector to chase.
      const sets = rows as Array<Omit<(typeof rows)[number], "answers"> & { answers: unknown }>;
      for (const set of sets) set.answers = set.answers === null ? {} : JSON.parse(set.answers as string);
      return sets as ExportedResponseSet[];
    },
  };
}

export type ResponseSetRepository = ReturnType<typeof responseSetRepository>;
