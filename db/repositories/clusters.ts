import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { constraintFailure, type Database } from "../database";
import { type Cluster, type ClusterProfile, type ClusterScoreRow, clusterScores, clusters } from "../schema";
import { containsText, type ListQuery, type ListResult, pageFor } from "./listing";

export interface NewClusterInput {
  id: string;
  name: string;
  inviteCode: string;
  sector?: string | null;
  state?: string | null;
  district?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  principalProducts?: string | null;
  defaultLocale?: string;
  timezone?: string;
  profile?: ClusterProfile;
  now: string;
}

export type ClusterPatch = Partial<
  Pick<
    Cluster,
    | "name"
    | "sector"
    | "state"
    | "district"
    | "latitude"
    | "longitude"
    | "principalProducts"
    | "defaultLocale"
    | "timezone"
    | "profile"
    | "archivedAt"
  >
>;

export interface ClusterFilter {
  /** Part of the name. */
  q?: string;
  ids?: string[];
  state?: string;
  district?: string;
  sector?: string;
  /** true: only archived; false: only current; absent: both. */
  archived?: boolean;
  mapCell?: number;
  provisional?: boolean;
}

export interface ClusterWithScore extends Cluster {
  score: ClusterScoreRow | null;
}

export type LinkResult = { status: "linked"; cluster: Cluster } | { status: "taken"; clusterId: string } | { status: "not_found" };

/** Invite codes are matched case-insensitively, so they are stored in one case. */
export function normaliseInviteCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Text columns sort case-insensitively, as people read names. */
const sortable: Record<string, SQLiteColumn | SQL> = {
  id: clusters.id,
  name: sql`${clusters.name} collate nocase`,
  state: clusters.state,
  district: sql`${clusters.district} collate nocase`,
  sector: clusters.sector,
  createdAt: clusters.createdAt,
  updatedAt: clusters.updatedAt,
  consolidated: clusterScores.consolidated,
  awareness: clusterScores.awareness,
  intensity: clusterScores.intensity,
  engagement: clusterScores.engagement,
  economic: clusterScores.economic,
  brSignificance: clusterScores.brSignificance,
  mapCell: clusterScores.mapCell,
  countedRespondents: clusterScores.countedRespondents,
  computedAt: clusterScores.computedAt,
};

/** The fields `list` can sort by. */
export const CLUSTER_SORTABLE_FIELDS: ReadonlySet<string> = new Set(Object.keys(sortable));

/**
 * Clusters without a value (nobody has answered yet) come last in either direction; ties go by name,
 * then id, so a page boundary never splits an order that depends on the database's whim.
 */
function clusterOrder(sort: ListQuery<ClusterFilter>["sort"]): SQL[] {
  const requested = sort && Object.hasOwn(sortable, sort.field) ? sort : { field: "name", order: "ASC" as const };
  const column = sortable[requested.field]!;
  const direction = requested.order === "DESC" ? desc : asc;
  const byName = requested.field === "name" ? [] : [asc(sortable.name!)];
  return [sql`${column} is null`, direction(column), ...byName, asc(clusters.id)];
}

/** Clusters and how people reach them (invite codes, Slack channels). */
export function clusterRepository(db: Database) {
  async function get(id: string): Promise<Cluster | null> {
    const [row] = await db.select().from(clusters).where(eq(clusters.id, id));
    return row ?? null;
  }

  return {
    get,

    /** Creates a cluster; `invite_code_taken` when another cluster already uses the code. */
    async create(input: NewClusterInput): Promise<{ status: "created"; cluster: Cluster } | { status: "invite_code_taken" }> {
      const { now, ...fields } = input;
      try {
        const [cluster] = await db
          .insert(clusters)
          .values({ ...fields, inviteCode: normaliseInviteCode(fields.inviteCode), createdAt: now, updatedAt: now })
          .returning();
        if (!cluster) throw new Error(`cluster ${input.id} was not stored`);
        return { status: "created", cluster };
      } catch (error) {
        const failure = constraintFailure(error);
        if (failure?.kind === "unique" && failure.columns === "clusters.invite_code") return { status: "invite_code_taken" };
        throw error;
      }
    },

    /** The current (not archived) cluster with this invite code, in any letter case. */
    async byInviteCode(code: string): Promise<Cluster | null> {
      const [row] = await db
        .select()
        .from(clusters)
        .where(and(eq(clusters.inviteCode, normaliseInviteCode(code)), isNull(clusters.archivedAt)));
      return row ?? null;
    },

    async bySlackChannel(channelId: string): Promise<Cluster | null> {
      const [row] = await db.select().from(clusters).where(eq(clusters.slackChannelId, channelId));
      return row ?? null;
    },

    /** Clusters with their cached scores, for the console's list. */
    async list(query: ListQuery<ClusterFilter> = {}): Promise<ListResult<ClusterWithScore>> {
      const f = query.filter ?? {};
      const conditions: (SQL | undefined)[] = [
        f.q ? containsText(clusters.name, f.q) : undefined,
        f.ids ? inArray(clusters.id, f.ids) : undefined,
        f.state === undefined ? undefined : eq(clusters.state, f.state),
        f.district === undefined ? undefined : eq(clusters.district, f.district),
        f.sector === undefined ? undefined : eq(clusters.sector, f.sector),
        f.archived === undefined ? undefined : f.archived ? isNotNull(clusters.archivedAt) : isNull(clusters.archivedAt),
        f.mapCell === undefined ? undefined : eq(clusterScores.mapCell, f.mapCell),
        f.provisional === undefined ? undefined : eq(clusterScores.provisional, f.provisional),
      ];
      const where = and(...conditions);
      const { limit, offset } = pageFor(query.range);
      const rows = await db
        .select({ cluster: clusters, score: clusterScores })
        .from(clusters)
        .leftJoin(clusterScores, eq(clusterScores.clusterId, clusters.id))
        .where(where)
        .orderBy(...clusterOrder(query.sort))
        .limit(limit)
        .offset(offset);
      const [counted] = await db
        .select({ total: count() })
        .from(clusters)
        .leftJoin(clusterScores, eq(clusterScores.clusterId, clusters.id))
        .where(where);
      return { rows: rows.map(({ cluster, score }) => ({ ...cluster, score })), total: counted?.total ?? 0 };
    },

    /** Changes the given fields; null when there is no such cluster. */
    async update(id: string, patch: ClusterPatch, now: string): Promise<Cluster | null> {
      const [row] = await db
        .update(clusters)
        .set({ ...patch, updatedAt: now })
        .where(eq(clusters.id, id))
        .returning();
      return row ?? null;
    },

    /**
     * Makes `channelId` the cluster's Slack channel (null unlinks it). A channel serves one cluster:
     * `taken` names the cluster that already has it.
     */
    async linkSlackChannel(id: string, channelId: string | null, now: string): Promise<LinkResult> {
      try {
        const [row] = await db
          .update(clusters)
          .set({ slackChannelId: channelId, updatedAt: now })
          .where(eq(clusters.id, id))
          .returning();
        return row ? { status: "linked", cluster: row } : { status: "not_found" };
      } catch (error) {
        const failure = constraintFailure(error);
        if (channelId === null || failure?.kind !== "unique" || failure.columns !== "clusters.slack_channel_id") throw error;
        const [holder] = await db.select({ id: clusters.id }).from(clusters).where(eq(clusters.slackChannelId, channelId));
        if (!holder) throw error;
        return { status: "taken", clusterId: holder.id };
      }
    },
  };
}

export type ClusterRepository = ReturnType<typeof clusterRepository>;
