import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { SessionState } from "../../core/engine/types";
import { CHANNELS, respondents } from "./respondents";

export const SESSION_STATUSES = ["active", "completed", "abandoned"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * One run of a questionnaire. `version` grows by exactly one per write; a trigger (migration
 * `session_version_guard`) aborts any update that does not, which is how a stale write fails a
 * whole D1 batch.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    respondentId: text("respondent_id")
      .notNull()
      .references(() => respondents.id),
    questionnaireId: text("questionnaire_id").notNull(),
    questionnaireVersion: integer("questionnaire_version").notNull(),
    state: text("state", { mode: "json" }).$type<SessionState>().notNull(),
    status: text("status", { enum: SESSION_STATUSES }).notNull(),
    version: integer("version").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    /** Who typed the answers when not the respondent, e.g. a CDA's Slack user id. */
    collectedBy: text("collected_by"),
    startedAt: text("started_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    completedAt: text("completed_at"),
  },
  (t) => [
    // Not on updated_at, which every answer changes: a respondent has one or two active sessions to
    // order, and an index entry rewritten per answer costs a page write per answer.
    index("sessions_respondent_status_idx").on(t.respondentId, t.status),
    index("sessions_respondent_questionnaire_idx").on(t.respondentId, t.questionnaireId, t.startedAt),
  ],
);

export type Session = typeof sessions.$inferSelect;
