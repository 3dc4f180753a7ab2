import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AnswerValue } from "../../core/engine/types";

/**
 * The cluster profile questionnaire's answers keyed by item id, e.g. `{ "economic.turnover": 3 }`.
 * Kept as the questionnaire produced them so a new profile item needs no migration.
 */
export type ClusterProfile = Record<string, AnswerValue>;

export const clusters = sqliteTable("clusters", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  sector: text("sector"),
  state: text("state"),
  district: text("district"),
  latitude: real("latitude"),
  longitude: real("longitude"),
  principalProducts: text("principal_products"),
  /** Stored upper-cased so the unique constraint is case-insensitive too. */
  inviteCode: text("invite_code").notNull().unique(),
  defaultLocale: text("default_locale").notNull().default("en"),
  timezone: text("timezone").notNull().default("Asia/Kolkata"),
  profile: text("profile", { mode: "json" }).$type<ClusterProfile>().notNull().default({}),
  slackChannelId: text("slack_channel_id").unique(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  archivedAt: text("archived_at"),
});

export const SIZE_CLASSES = ["micro", "small", "medium", "large"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const enterprises = sqliteTable(
  "enterprises",
  {
    id: text("id").primaryKey(),
    clusterId: text("cluster_id")
      .notNull()
      .references(() => clusters.id),
    /** Null once the only respondent who named it asked to be forgotten. */
    name: text("name"),
    sizeClass: text("size_class", { enum: SIZE_CLASSES }),
    workforceTotal: integer("workforce_total"),
    workforceWomen: integer("workforce_women"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("enterprises_cluster_idx").on(t.clusterId)],
);

export type Cluster = typeof clusters.$inferSelect;
export type NewCluster = typeof clusters.$inferInsert;
export type Enterprise = typeof enterprises.$inferSelect;
export type NewEnterprise = typeof enterprises.$inferInsert;
