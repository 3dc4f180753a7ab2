import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { clusters, enterprises } from "./clusters";

import { STAKEHOLDER_TYPES, type StakeholderType } from "../../core/questionnaires/registration";

export { STAKEHOLDER_TYPES, type StakeholderType };

export const respondents = sqliteTable(
  "respondents",
  {
    id: text("id").primaryKey(),
    /** Null until the person picks a cluster or arrives with an invite code. */
    clusterId: text("cluster_id").references(() => clusters.id),
    enterpriseId: text("enterprise_id").references(() => enterprises.id),
    stakeholderType: text("stakeholder_type", { enum: STAKEHOLDER_TYPES }),
    displayName: text("display_name"),
    locale: text("locale"),
    consentAt: text("consent_at"),
    optedOutAt: text("opted_out_at"),
    /** Personal data erased at the person's request; their answers stay, anonymous. */
    forgottenAt: text("forgotten_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("respondents_cluster_idx").on(t.clusterId), index("respondents_enterprise_idx").on(t.enterpriseId)],
);

export const CHANNELS = ["telegram", "slack"] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a chat account maps to a respondent: one respondent per account, created on first contact. */
export const channelIdentities = sqliteTable(
  "channel_identities",
  {
    channel: text("channel", { enum: CHANNELS }).notNull(),
    externalId: text("external_id").notNull(),
    respondentId: text("respondent_id")
      .notNull()
      .references(() => respondents.id),
    chatId: text("chat_id"),
    username: text("username"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channel, t.externalId] }),
    index("channel_identities_respondent_idx").on(t.respondentId),
  ],
);

export type Respondent = typeof respondents.$inferSelect;
export type ChannelIdentity = typeof channelIdentities.$inferSelect;
