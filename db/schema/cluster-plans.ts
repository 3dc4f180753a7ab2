import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { clusters } from "./clusters";
import { schemes } from "./schemes";

/**
 * The schemes a cluster's team decided to pursue, saved from a suggestion (Slack's "save to the
 * cluster plan"). One row per scheme and cluster: saving twice keeps the first saver and time.
 */
export const clusterPlanSchemes = sqliteTable(
  "cluster_plan_schemes",
  {
    clusterId: text("cluster_id")
      .notNull()
      .references(() => clusters.id),
    schemeId: text("scheme_id")
      .notNull()
      .references(() => schemes.id),
    /** Who saved it, as `<channel>:<user id>`, e.g. `slack:U024BE7LH`. */
    addedBy: text("added_by").notNull(),
    addedAt: text("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.schemeId] }), index("cluster_plan_schemes_scheme_idx").on(t.schemeId)],
);

export type ClusterPlanScheme = typeof clusterPlanSchemes.$inferSelect;
