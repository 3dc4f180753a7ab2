import type { Database } from "../../db/database";
import { campaignRepository } from "../../db/repositories/campaigns";
import { clusterRepository } from "../../db/repositories/clusters";
import type { Campaign, CampaignPurpose } from "../../db/schema/campaigns";
import type { QuietHours } from "./quiet-hours";

/** What a moderator asks for; anything left out takes the defaults. */
export interface CampaignRequest {
  clusterId: string;
  purpose: CampaignPurpose;
  quietHours?: QuietHours;
  remindAfterDays?: number;
  maxReminders?: number;
  /** ISO time the invitations fall due; now when absent. */
  startsAt?: string;
}

export interface CampaignDefaults {
  quietHours: QuietHours;
  remindAfterDays: number;
  maxReminders: number;
}

/** Two reminders, three days apart: enough to bring back most who stopped, not so many as to nag. */
export const DEFAULT_REMINDERS = { remindAfterDays: 3, maxReminders: 2 } as const;

/** The most reminders a campaign may send one person. */
export const MAX_REMINDERS = 5;

export type PlanResult =
  | { status: "planned"; campaign: Campaign; recipients: number }
  | { status: "cluster_not_found" }
  | { status: "cluster_archived" };

export interface PlanContext {
  defaults: CampaignDefaults;
  /** Who asks, as the audit log names them (`user:<id>`). */
  actor: string;
  now: Date;
  newId: () => string;
}

/**
 * Plans a campaign: picks its recipients from the cluster's registered respondents (see
 * `campaignRepository.create` for who counts) and queues one invitation each.
 */
export async function planCampaign(db: Database, request: CampaignRequest, context: PlanContext): Promise<PlanResult> {
  const cluster = await clusterRepository(db).get(request.clusterId);
  if (!cluster) return { status: "cluster_not_found" };
  if (cluster.archivedAt) return { status: "cluster_archived" };
  const now = context.now.toISOString();
  const quietHours = request.quietHours ?? context.defaults.quietHours;
  const planned = await campaignRepository(db).create({
    id: context.newId(),
    clusterId: cluster.id,
    purpose: request.purpose,
    quietFrom: quietHours.from,
    quietUntil: quietHours.until,
    remindAfterDays: request.remindAfterDays ?? context.defaults.remindAfterDays,
    maxReminders: Math.min(MAX_REMINDERS, request.maxReminders ?? context.defaults.maxReminders),
    startsAt: request.startsAt ?? now,
    createdBy: context.actor,
    now,
  });
  return { status: "planned", ...planned };
}
