import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AnswerValue } from "../../core/engine/types";
import { clusters } from "./clusters";
import { respondents } from "./respondents";
import { sessions } from "./sessions";

export const RESPONSE_SET_STATUSES = ["in_progress", "completed"] as const;
export type ResponseSetStatus = (typeof RESPONSE_SET_STATUSES)[number];

/** The answers of one session as scoring and moderation see them; its id is the session's id. */
export const responseSets = sqliteTable(
  "response_sets",
  {
    id: text("id")
      .primaryKey()
      .references(() => sessions.id),
    respondentId: text("respondent_id")
      .notNull()
      .references(() => respondents.id),
    clusterId: text("cluster_id").references(() => clusters.id),
    questionnaireId: text("questionnaire_id").notNull(),
    questionnaireVersion: integer("questionnaire_version").notNull(),
    status: text("status", { enum: RESPONSE_SET_STATUSES }).notNull(),
    excludedAt: text("excluded_at"),
    exclusionReason: text("exclusion_reason"),
    excludedBy: text("excluded_by"),
    startedAt: text("started_at").notNull(),
    completedAt: text("completed_at"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("response_sets_cluster_status_idx").on(t.clusterId, t.status),
    index("response_sets_respondent_idx").on(t.respondentId),
  ],
);

/** The current answer per item. A null value is a "don't know": answered, left out of means. */
export const answers = sqliteTable(
  "answers",
  {
    responseSetId: text("response_set_id")
      .notNull()
      .references(() => responseSets.id),
    itemId: text("item_id").notNull(),
    value: text("value", { mode: "json" }).$type<AnswerValue>(),
    /** A few words the person added to the answer, where the item allows it. */
    note: text("note"),
    answeredAt: text("answered_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseSetId, t.itemId] })],
);

export const ANSWER_EVENT_TYPES = ["session_started", "answer_set", "answer_cleared", "completed", "reopened", "restarted"] as const;
export type AnswerEventType = (typeof ANSWER_EVENT_TYPES)[number];

/** Append-only history of what happened to a response set's answers, in the engine's own words. */
export const answerEvents = sqliteTable(
  "answer_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    responseSetId: text("response_set_id")
      .notNull()
      .references(() => responseSets.id),
    itemId: text("item_id"),
    type: text("type", { enum: ANSWER_EVENT_TYPES }).notNull(),
    value: text("value", { mode: "json" }).$type<AnswerValue>(),
    previous: text("previous", { mode: "json" }).$type<AnswerValue>(),
    note: text("note"),
    at: text("at").notNull(),
  },
  (t) => [index("answer_events_response_set_idx").on(t.responseSetId, t.id)],
);

export type ResponseSet = typeof responseSets.$inferSelect;
export type Answer = typeof answers.$inferSelect;
export type AnswerEvent = typeof answerEvents.$inferSelect;
