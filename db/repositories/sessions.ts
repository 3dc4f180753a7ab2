import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { EngineEvent, QuestionnaireRef, SessionState } from "../../core/engine/types";
import { atomically, chunkRows, compiledRows, compiledWrite, constraintFailure, type Database, type Write } from "../database";
import { type Channel, type Session, answerEvents, answers, processedUpdates, responseSets, sessions } from "../schema";
import { answerChanges, historyRows } from "./answer-changes";

export interface UpdateKey {
  /** Who delivered the update, e.g. `telegram`. */
  source: string;
  /** The delivery's id at that source, e.g. Telegram's `update_id`. */
  key: string;
}

export interface SaveStepInput {
  sessionId: string;
  respondentId: string;
  /** The cluster the answers count for; null while the respondent has none (registration). */
  clusterId: string | null;
  questionnaire: QuestionnaireRef;
  /** The version read before the engine ran; null when this step starts the session. */
  expectedVersion: number | null;
  state: SessionState;
  events: readonly EngineEvent[];
  /** The webhook delivery this step handles; a second delivery with the same key is refused. */
  updateKey?: UpdateKey;
  now: string;
  channel: Channel;
  collectedBy?: string | null;
}

export type SaveStepResult =
  | { status: "saved"; version: number }
  /** The update was processed before; nothing was written. */
  | { status: "duplicate" }
  /** Someone else saved the session since it was read; nothing was written. Reload and retry. */
  | { status: "conflict" };

/** Columns bound per row of each multi-row insert, for chunking under D1's parameter limit. */
const ANSWER_COLUMNS = 5;
const EVENT_COLUMNS = 7;

type AnswerRow = typeof answers.$inferInsert;
type AnswerEventRow = Omit<typeof answerEvents.$inferInsert, "id">;

/** Questionnaire sessions, with everything one engine step changes saved as one transaction. */
export function sessionRepository(db: Database) {
  // Every answer writes these: compiled once rather than rendered by drizzle on every update.
  const recordUpdate = compiledWrite(db, (v: typeof processedUpdates.$inferInsert) =>
    db.insert(processedUpdates).values({ source: v.source, updateKey: v.updateKey, processedAt: v.processedAt }),
  );
  const advanceSession = compiledWrite(db, (v: Pick<Session, "id" | "state" | "status" | "version" | "updatedAt" | "completedAt">) =>
    db
      .update(sessions)
      .set({ state: v.state, status: v.status, version: v.version, updatedAt: v.updatedAt, completedAt: v.completedAt })
      .where(eq(sessions.id, v.id)),
  );
  const upsertResponseSet = compiledWrite(db, (v: Omit<typeof responseSets.$inferInsert, "excludedAt" | "exclusionReason" | "excludedBy">) =>
    db
      .insert(responseSets)
      .values({
        id: v.id,
        respondentId: v.respondentId,
        clusterId: v.clusterId,
        questionnaireId: v.questionnaireId,
        questionnaireVersion: v.questionnaireVersion,
        status: v.status,
        startedAt: v.startedAt,
        completedAt: v.completedAt,
        updatedAt: v.updatedAt,
      })
      .onConflictDoUpdate({
        target: responseSets.id,
        set: {
          status: sql`excluded.status`,
          completedAt: sql`excluded.completed_at`,
          updatedAt: sql`excluded.updated_at`,
          clusterId: sql`coalesce(${responseSets.clusterId}, excluded.cluster_id)`,
        },
      }),
  );
  const upsertAnswers = compiledRows(db, ANSWER_COLUMNS, (rows: AnswerRow[]) =>
    db
      .insert(answers)
      .values(rows.map((row) => ({ responseSetId: row.responseSetId, itemId: row.itemId, value: row.value, note: row.note, answeredAt: row.answeredAt })))
      .onConflictDoUpdate({
        target: [answers.responseSetId, answers.itemId],
        set: { value: sql`excluded.value`, note: sql`excluded.note`, answeredAt: sql`excluded.answered_at` },
      }),
  );
  const appendHistory = compiledRows(db, EVENT_COLUMNS, (rows: AnswerEventRow[]) =>
    db.insert(answerEvents).values(
      rows.map((row) => ({
        responseSetId: row.responseSetId,
        itemId: row.itemId,
        type: row.type,
        value: row.value,
        previous: row.previous,
        note: row.note,
        at: row.at,
      })),
    ),
  );

  /** The statements that bring the current answers in line with the step's events. */
  function answerStatements(responseSetId: string, events: readonly EngineEvent[]): Write[] {
    const changes = answerChanges(events);
    const statements: Write[] = [];
    if (changes.clearAll) statements.push(db.delete(answers).where(eq(answers.responseSetId, responseSetId)));
    for (const itemIds of chunkRows(changes.deletes, 1, 1)) {
      statements.push(db.delete(answers).where(and(eq(answers.responseSetId, responseSetId), inArray(answers.itemId, itemIds))));
    }
    statements.push(
      ...upsertAnswers(changes.upserts.map((write) => ({ responseSetId, itemId: write.itemId, value: write.value, note: write.note, answeredAt: write.at }))),
      ...appendHistory(historyRows(events).map((row) => ({ responseSetId, ...row }))),
    );
    return statements;
  }

  // Read on nearly every webhook update: built once, not per call. No LIMIT: drizzle binds it as a
  // parameter, which costs SQLite more than ordering a respondent's one or two active sessions, and
  // `get` reads the first row only.
  const activeQuery = db
    .select()
    .from(sessions)
    .where(and(eq(sessions.respondentId, sql.placeholder("respondentId")), eq(sessions.status, "active")))
    .orderBy(desc(sessions.updatedAt), desc(sessions.startedAt))
    .prepare();

  return {
    async get(id: string): Promise<Session | null> {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return row ?? null;
    },

    /** The respondent's most recently updated active session, whatever its questionnaire. */
    async active(respondentId: string): Promise<Session | null> {
      return (await activeQuery.get({ respondentId })) ?? null;
    },

    /** The respondent's most recently started session of a questionnaire, in any status. */
    async latest(respondentId: string, questionnaireId: string): Promise<Session | null> {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.respondentId, respondentId), eq(sessions.questionnaireId, questionnaireId)))
        .orderBy(desc(sessions.startedAt), desc(sessions.updatedAt))
        .limit(1);
      return row ?? null;
    },

    /**
     * Saves one engine step as one transaction: the session, its response set, the current answers,
     * the answer history and the delivery's update key. Either all of it is stored or none is.
     * A stale `expectedVersion` is refused by the `sessions_version_guard` trigger (conflict); an
     * update key seen before is refused by its primary key (duplicate).
     */
    async saveStep(input: SaveStepInput): Promise<SaveStepResult> {
      const { sessionId, state, now, questionnaire, expectedVersion } = input;
      const completed = state.status === "completed";
      const version = expectedVersion === null ? 1 : expectedVersion + 1;
      const statements: Write[] = [];
      if (input.updateKey) {
        statements.push(recordUpdate({ source: input.updateKey.source, updateKey: input.updateKey.key, processedAt: now }));
      }
      const sessionFields = {
        state,
        status: completed ? ("completed" as const) : ("active" as const),
        version,
        updatedAt: now,
        completedAt: completed ? state.completedAt ?? now : null,
      };
      statements.push(
        expectedVersion === null
          ? db.insert(sessions).values({
              id: sessionId,
              respondentId: input.respondentId,
              questionnaireId: questionnaire.id,
              questionnaireVersion: questionnaire.version,
              channel: input.channel,
              collectedBy: input.collectedBy ?? null,
              startedAt: state.startedAt,
              ...sessionFields,
            })
          : advanceSession({ id: sessionId, ...sessionFields }),
        upsertResponseSet({
          id: sessionId,
          respondentId: input.respondentId,
          clusterId: input.clusterId,
          questionnaireId: questionnaire.id,
          questionnaireVersion: questionnaire.version,
          status: completed ? "completed" : "in_progress",
          startedAt: state.startedAt,
          completedAt: sessionFields.completedAt,
          updatedAt: now,
        }),
      );
      statements.push(...answerStatements(sessionId, input.events));
      try {
        await atomically(db, statements);
      } catch (error) {
        const failure = constraintFailure(error);
        if (failure?.kind === "unique" && failure.columns === "processed_updates.source, processed_updates.update_key") {
          return { status: "duplicate" };
        }
        if (failure?.kind === "unique" && failure.columns === "sessions.id") return { status: "conflict" };
        if (failure?.kind === "raised" && failure.message === "stale_session_version") return { status: "conflict" };
        throw error;
      }
      return { status: "saved", version };
    },

    /**
     * Marks an active session abandoned (the person started over or it expired). False when it was
     * not active. Moves the version on, so a writer still holding the old one gets a conflict.
     */
    async abandon(id: string, now: string): Promise<boolean> {
      const rows = await db
        .update(sessions)
        .set({ status: "abandoned", version: sql`${sessions.version} + 1`, updatedAt: now })
        .where(and(eq(sessions.id, id), eq(sessions.status, "active")))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
