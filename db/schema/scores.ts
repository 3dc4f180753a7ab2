import { integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import type { ClusterScore, ClusterTally, ScoringScheme } from "../../core/scoring";
import { clusters } from "./clusters";

/**
 * The last computed score of each cluster. The headline numbers are real columns so the console can
 * sort and filter clusters in SQL; the full breakdown (issues, priorities, classes) is JSON.
 */
export const clusterScores = sqliteTable("cluster_scores", {
  clusterId: text("cluster_id")
    .primaryKey()
    .references(() => clusters.id),
  schemeName: text("scheme_name").notNull(),
  schemeVersion: integer("scheme_version").notNull(),
  computedAt: text("computed_at").notNull(),
  countedRespondents: integer("counted_respondents").notNull(),
  consolidated: real("consolidated"),
  awareness: real("awareness"),
  intensity: real("intensity"),
  engagement: real("engagement"),
  economic: real("economic"),
  brSignificance: real("br_significance"),
  mapCell: integer("map_cell"),
  provisional: integer("provisional", { mode: "boolean" }).notNull(),
  breakdown: text("breakdown", { mode: "json" }).$type<ClusterScore>().notNull(),
  /**
   * What the score was computed from (scheme-independent), so that a newly completed score card can
   * be added to it instead of tallying the whole cluster again. Null on rows written before it existed.
   */
  tally: text("tally", { mode: "json" }).$type<ClusterTally>(),
  /** Grows by one on every write, so that an incremental update built on a stale read is refused. */
  revision: integer("revision").notNull().default(0),
});

/** Weights and methods, named and versioned; exactly one version is active at a time. */
export const scoringSchemes = sqliteTable(
  "scoring_schemes",
  {
    name: text("name").notNull(),
    version: integer("version").notNull(),
    definition: text("definition", { mode: "json" }).$type<ScoringScheme>().notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.name, t.version] }),
    uniqueIndex("scoring_schemes_one_active_idx").on(t.active).where(sql`${t.active} = 1`),
  ],
);

export type ClusterScoreRow = typeof clusterScores.$inferSelect;
export type ScoringSchemeRow = typeof scoringSchemes.$inferSelect;
