import { type AnySQLiteColumn, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { clusters, enterprises } from "./clusters";
import { respondents } from "./respondents";

export const DECLARATION_ANSWERS = ["yes", "partly", "not_yet", "not_applicable"] as const;
export type DeclarationAnswerValue = (typeof DECLARATION_ANSWERS)[number];

/** One core element's answer, keyed by element id in `declarations.answers`. */
export interface DeclarationAnswer {
  answer: DeclarationAnswerValue;
  note?: string;
}

export const DECLARATION_STATUSES = ["submitted", "approved", "returned", "superseded"] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/**
 * An enterprise's BR declaration (SPEC §7). The declared content never changes once stored: an
 * amendment is a new row pointing at the one it supersedes, and `content_hash` lets anyone check it.
 */
export const declarations = sqliteTable(
  "declarations",
  {
    id: text("id").primaryKey(),
    shortCode: text("short_code").notNull().unique(),
    enterpriseId: text("enterprise_id").references(() => enterprises.id),
    respondentId: text("respondent_id")
      .notNull()
      .references(() => respondents.id),
    clusterId: text("cluster_id").references(() => clusters.id),
    principleSetId: text("principle_set_id").notNull(),
    principleSetVersion: integer("principle_set_version").notNull(),
    answers: text("answers", { mode: "json" }).$type<Record<string, DeclarationAnswer>>().notNull(),
    declarantName: text("declarant_name").notNull(),
    declarantRole: text("declarant_role").notNull(),
    contentHash: text("content_hash").notNull(),
    status: text("status", { enum: DECLARATION_STATUSES }).notNull(),
    reviewReason: text("review_reason"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: text("reviewed_at"),
    previousId: text("previous_id").references((): AnySQLiteColumn => declarations.id),
    version: integer("version").notNull(),
    declaredAt: text("declared_at").notNull(),
  },
  (t) => [
    index("declarations_enterprise_idx").on(t.enterpriseId),
    index("declarations_cluster_status_idx").on(t.clusterId, t.status),
    index("declarations_respondent_idx").on(t.respondentId),
  ],
);

export type Declaration = typeof declarations.$inferSelect;
