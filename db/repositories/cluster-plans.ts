import { and, asc, eq } from "drizzle-orm";
import { constraintFailure, type Database } from "../database";
import { clusterPlanSchemes, type ClusterPlanScheme } from "../schema/cluster-plans";
import { schemes } from "../schema/schemes";

export type PlanAddResult =
  | { status: "added"; entry: ClusterPlanScheme }
  /** The scheme was on the plan already; `entry` says who put it there and when. */
  | { status: "already"; entry: ClusterPlanScheme }
  | { status: "unknown_scheme" };

/** The schemes each cluster plans to pursue. */
export function clusterPlanRepository(db: Database) {
  async function entry(clusterId: string, schemeId: string): Promise<ClusterPlanScheme | null> {
    const [row] = await db
      .select()
      .from(clusterPlanSchemes)
      .where(and(eq(clusterPlanSchemes.clusterId, clusterId), eq(clusterPlanSchemes.schemeId, schemeId)));
    return row ?? null;
  }

  return {
    /**
     * Puts a scheme on a cluster's plan. Two people saving the same scheme at once both succeed:
     * one adds it, the other learns it was already there.
     *
     * @example await plans.add({ clusterId, schemeId: "pmjdy", addedBy: "slack:U024BE7LH", now })
     */
    async add(input: { clusterId: string; schemeId: string; addedBy: string; now: string }): Promise<PlanAddResult> {
      try {
        const [row] = await db
          .insert(clusterPlanSchemes)
          .values({ clusterId: input.clusterId, schemeId: input.schemeId, addedBy: input.addedBy, addedAt: input.now })
          .onConflictDoNothing()
          .returning();
        if (row) return { status: "added", entry: row };
      } catch (error) {
        if (constraintFailure(error)?.kind === "foreign_key") return { status: "unknown_scheme" };
        throw error;
      }
      const existing = await entry(input.clusterId, input.schemeId);
      if (!existing) throw new Error(`plan entry ${input.clusterId}/${input.schemeId} vanished`);
      return { status: "already", entry: existing };
    },

    /** A cluster's plan with each scheme's name, in the order the schemes were saved. */
    async list(clusterId: string): Promise<(ClusterPlanScheme & { schemeName: string })[]> {
      const rows = await db
        .select({ entry: clusterPlanSchemes, schemeName: schemes.name })
        .from(clusterPlanSchemes)
        .innerJoin(schemes, eq(schemes.id, clusterPlanSchemes.schemeId))
        .where(eq(clusterPlanSchemes.clusterId, clusterId))
        .orderBy(asc(clusterPlanSchemes.addedAt), asc(clusterPlanSchemes.schemeId));
      return rows.map((row) => ({ ...row.entry, schemeName: row.schemeName }));
    },
  };
}

export type ClusterPlanRepository = ReturnType<typeof clusterPlanRepository>;
