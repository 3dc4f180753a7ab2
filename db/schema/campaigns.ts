import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { clusters } from "./clusters";
import { respondents } from "./respondents";

/** What a campaign invites people to: the score card, or (owners only) the BR declaration. */
export const CAMPAIGN_PURPOSES = ["score_card", "declaration"] as const;
export type CampaignPurpose = (typeof CAMPAIGN_PURPOSES)[number];

/** Paused and cancelled campaigns send nothing; cancelling also settles what was still waiting. */
export const CAMPAIGN_STATUSES = ["active", "paused", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * An invitation to a cluster's respondents, with its reminders. Quiet hours are read in the
 * cluster's own time zone; a window whose start equals its end has no quiet time.
 */
export const campaigns = sqliteTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    clusterId: text("cluster_id")
      .notNull()
      .references(() => clusters.id),
    purpose: text("purpose", { enum: CAMPAIGN_PURPOSES }).notNull(),
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull(),
    /** Local time of day, `HH:MM`, from which nothing is sent... */
    quietFrom: text("quiet_from").notNull(),
    /** ...until this local time of day, `HH:MM`; earlier than `quietFrom` when the window spans midnight. */
    quietUntil: text("quiet_until").notNull(),
    /** Days after the previous message that a reminder falls due. */
    remindAfterDays: integer("remind_after_days").notNull(),
    /** The most reminders one person gets; 0 sends the invitation alone. */
    maxReminders: integer("max_reminders").notNull(),
    /** When the invitations fall due (quiet hours may hold them longer). */
    startsAt: text("starts_at").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("campaigns_cluster_idx").on(t.clusterId), index("campaigns_status_idx").on(t.status)],
);

export const CAMPAIGN_MESSAGE_KINDS = ["invitation", "reminder"] as const;
export type CampaignMessageKind = (typeof CAMPAIGN_MESSAGE_KINDS)[number];

/**
 * A message's way through the queue. `sending` is claimed and possibly on its way; `unconfirmed` is
 * a claim that a dead process left behind: it may have reached the person, so it is never sent again.
 */
export const CAMPAIGN_MESSAGE_STATUSES = ["pending", "sending", "sent", "failed", "unconfirmed", "skipped"] as const;
export type CampaignMessageStatus = (typeof CAMPAIGN_MESSAGE_STATUSES)[number];

/** Why a message was settled without sending it. */
export const CAMPAIGN_SKIP_REASONS = ["opted_out", "forgotten", "finished", "not_started", "unreachable", "cancelled"] as const;
export type CampaignSkipReason = (typeof CAMPAIGN_SKIP_REASONS)[number];

/**
 * The durable delivery queue: one row per message a campaign means to send. Planning writes the
 * invitations; sending an invitation writes its reminders. (campaign, respondent, sequence) is
 * unique, so no step can plan the same message twice.
 */
export const campaignMessages = sqliteTable(
  "campaign_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    respondentId: text("respondent_id")
      .notNull()
      .references(() => respondents.id),
    kind: text("kind", { enum: CAMPAIGN_MESSAGE_KINDS }).notNull(),
    /** 0 for the invitation, then 1, 2, … for the reminders. */
    sequence: integer("sequence").notNull(),
    dueAt: text("due_at").notNull(),
    status: text("status", { enum: CAMPAIGN_MESSAGE_STATUSES }).notNull(),
    skipReason: text("skip_reason", { enum: CAMPAIGN_SKIP_REASONS }),
    /** The sender process that claimed it, so a live sender's claims are told from a dead one's. */
    claimedBy: text("claimed_by"),
    claimedAt: text("claimed_at"),
    sentAt: text("sent_at"),
    /** Telegram's id of the delivered message. */
    externalMessageId: text("external_message_id"),
    /** Why sending failed, as the channel said it. */
    error: text("error"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("campaign_messages_unique_idx").on(t.campaignId, t.respondentId, t.sequence),
    index("campaign_messages_status_idx").on(t.status, t.claimedBy),
    index("campaign_messages_campaign_status_idx").on(t.campaignId, t.status, t.dueAt),
    index("campaign_messages_respondent_idx").on(t.respondentId),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignMessage = typeof campaignMessages.$inferSelect;
