import { and, asc, count, eq, inArray, isNotNull, isNull, lte, ne, or, SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { CONFIRMATION_QUESTIONNAIRE, DECLARATION_QUESTIONNAIRE } from "../../core/declarations";
import { registration, scoreCard } from "../../core/questionnaires";
import { atomically, chunkRows, type Database } from "../database";
import { channelIdentities, clusters, declarations, respondents, sessions } from "../schema";
import {
  type Campaign,
  type CampaignMessageKind,
  type CampaignPurpose,
  type CampaignSkipReason,
  type CampaignStatus,
  campaignMessages,
  campaigns,
} from "../schema/campaigns";
import { auditRepository } from "./audit";
import { type ListQuery, type ListResult, orderFor, pageFor } from "./listing";

export interface NewCampaignInput {
  id: string;
  clusterId: string;
  purpose: CampaignPurpose;
  quietFrom: string;
  quietUntil: string;
  remindAfterDays: number;
  maxReminders: number;
  startsAt: string;
  /** `user:<id>` for a console user, as the audit log names actors. */
  createdBy: string;
  now: string;
}

export interface CampaignFilter {
  ids?: string[];
  clusterId?: string;
  status?: CampaignStatus;
  purpose?: CampaignPurpose;
}

/** How many of one kind of message are where. */
export interface MessageCounts {
  /** Due now, waiting for the sender (or for quiet hours to end). */
  pending: number;
  /** Not due yet: reminders, or invitations of a campaign that starts later. */
  scheduled: number;
  sending: number;
  sent: number;
  failed: number;
  /** Claimed by a sender that died before Telegram answered; possibly delivered, never repeated. */
  unconfirmed: number;
  optedOut: number;
  finished: number;
  /** Settled without sending for any other reason: forgotten, not started, unreachable, cancelled. */
  skipped: number;
}

export interface CampaignProgress {
  /** People the campaign was planned for: one invitation each. */
  recipients: number;
  invitations: MessageCounts;
  reminders: MessageCounts;
  /** Nothing is waiting or on its way any more. */
  done: boolean;
}

/** A due message with everything sending it needs to know, read in one query. */
export interface QueuedMessage {
  id: number;
  campaignId: string;
  respondentId: string;
  kind: CampaignMessageKind;
  sequence: number;
  dueAt: string;
  purpose: CampaignPurpose;
  remindAfterDays: number;
  maxReminders: number;
  clusterName: string;
  /** The respondent's chosen language, else their cluster's. */
  language: string;
  chatId: string | null;
  optedOut: boolean;
  forgotten: boolean;
  /** Has done what the campaign asks (completed the score card, declared since the campaign began). */
  finished: boolean;
  /** Has a session of the campaign's questionnaire (or of the registration before it) in progress. */
  started: boolean;
}

/** An active campaign's quiet hours, in its cluster's time zone. */
export interface OpenCampaign {
  id: string;
  timezone: string;
  quietFrom: string;
  quietUntil: string;
}

const DAY_MS = 86_400_000;

const emptyCounts = (): MessageCounts => ({
  pending: 0,
  scheduled: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  unconfirmed: 0,
  optedOut: 0,
  finished: 0,
  skipped: 0,
});

const sortable = {
  id: campaigns.id,
  createdAt: campaigns.createdAt,
  startsAt: campaigns.startsAt,
  status: campaigns.status,
  clusterId: campaigns.clusterId,
  purpose: campaigns.purpose,
};

/** Questionnaires whose session in progress counts as having started on the campaign's purpose. */
const STARTED_WITH: Record<CampaignPurpose, string[]> = {
  score_card: [registration.id, scoreCard.id],
  declaration: [DECLARATION_QUESTIONNAIRE, CONFIRMATION_QUESTIONNAIRE],
};

/**
 * Who a campaign is for, as conditions on `respondents`: in the cluster, reachable on Telegram, not
 * opted out, not forgotten. Someone who declined consent is not asked again; a declaration is for
 * registered owners only, as the declaration flow itself requires.
 */
function recipientConditions(purpose: CampaignPurpose, clusterId: string): SQL {
  const reachable = sql`exists (select 1 from ${channelIdentities} where ${channelIdentities.respondentId} = ${respondents.id} and ${channelIdentities.channel} = 'telegram' and ${channelIdentities.chatId} is not null)`;
  const completedRegistration = sql`exists (select 1 from ${sessions} where ${sessions.respondentId} = ${respondents.id} and ${sessions.questionnaireId} = ${registration.id} and ${sessions.status} = 'completed')`;
  const base = [eq(respondents.clusterId, clusterId), isNull(respondents.optedOutAt), isNull(respondents.forgottenAt), reachable];
  if (purpose === "declaration") {
    return and(...base, eq(respondents.stakeholderType, "core_firm_owner"), isNotNull(respondents.consentAt))!;
  }
  return and(...base, or(isNotNull(respondents.consentAt), sql`not ${completedRegistration}`))!;
}

type Selected = SQL | SQLiteColumn;

/**
 * A pending queue row as an INSERT … SELECT selects it: every column, in the table's order (drizzle
 * insists), the id left to SQLite and the delivery columns empty.
 */
function queuedRow(fields: { campaignId: Selected; respondentId: Selected; kind: SQL; sequence: SQL; dueAt: SQL; updatedAt: SQL }) {
  const empty = (name: string) => sql`null`.as(name);
  return {
    id: empty("id"),
    campaignId: fields.campaignId instanceof SQL ? fields.campaignId.as("campaign_id") : fields.campaignId,
    respondentId: fields.respondentId instanceof SQL ? fields.respondentId.as("respondent_id") : fields.respondentId,
    kind: fields.kind.as("kind"),
    sequence: fields.sequence.as("sequence"),
    dueAt: fields.dueAt.as("due_at"),
    status: sql`'pending'`.as("status"),
    skipReason: empty("skip_reason"),
    claimedBy: empty("claimed_by"),
    claimedAt: empty("claimed_at"),
    sentAt: empty("sent_at"),
    externalMessageId: empty("external_message_id"),
    error: empty("error"),
    updatedAt: fields.updatedAt.as("updated_at"),
  };
}

/** The campaigns and their durable delivery queue. */
export function campaignRepository(db: Database) {
  const audit = auditRepository(db);

  async function get(id: string): Promise<Campaign | null> {
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    return row ?? null;
  }

  return {
    get,

    /**
     * Stores a campaign and plans its invitations, one per recipient, in one transaction: a campaign
     * exists with all its recipients or not at all. Returns how many were planned.
     */
    async create(input: NewCampaignInput): Promise<{ campaign: Campaign; recipients: number }> {
      const { now } = input;
      const invitations = db
        .select(
          queuedRow({
            campaignId: sql<string>`${input.id}`,
            respondentId: respondents.id,
            kind: sql<CampaignMessageKind>`'invitation'`,
            sequence: sql<number>`0`,
            dueAt: sql<string>`${input.startsAt}`,
            updatedAt: sql<string>`${now}`,
          }),
        )
        .from(respondents)
        .where(recipientConditions(input.purpose, input.clusterId))
        .orderBy(asc(respondents.createdAt), asc(respondents.id));
      await atomically(db, [
        db.insert(campaigns).values({
          id: input.id,
          clusterId: input.clusterId,
          purpose: input.purpose,
          status: "active",
          quietFrom: input.quietFrom,
          quietUntil: input.quietUntil,
          remindAfterDays: input.remindAfterDays,
          maxReminders: input.maxReminders,
          startsAt: input.startsAt,
          createdBy: input.createdBy,
          createdAt: now,
          updatedAt: now,
        }),
        db.insert(campaignMessages).select(invitations),
        audit.statement({
          at: now,
          actor: input.createdBy,
          action: "campaign.create",
          entity: "campaign",
          entityId: input.id,
          after: { clusterId: input.clusterId, purpose: input.purpose, quietFrom: input.quietFrom, quietUntil: input.quietUntil, remindAfterDays: input.remindAfterDays, maxReminders: input.maxReminders, startsAt: input.startsAt },
        }),
      ]);
      const campaign = await get(input.id);
      if (!campaign) throw new Error(`campaign ${input.id} was not stored`);
      const [planned] = await db
        .select({ total: count() })
        .from(campaignMessages)
        .where(and(eq(campaignMessages.campaignId, input.id), eq(campaignMessages.sequence, 0)));
      return { campaign, recipients: planned?.total ?? 0 };
    },

    async list(query: ListQuery<CampaignFilter> = {}): Promise<ListResult<Campaign>> {
      const f = query.filter ?? {};
      const where = and(
        f.ids ? inArray(campaigns.id, f.ids) : undefined,
        f.clusterId === undefined ? undefined : eq(campaigns.clusterId, f.clusterId),
        f.status === undefined ? undefined : eq(campaigns.status, f.status),
        f.purpose === undefined ? undefined : eq(campaigns.purpose, f.purpose),
      );
      const { limit, offset } = pageFor(query.range);
      const rows = await db
        .select()
        .from(campaigns)
        .where(where)
        .orderBy(...orderFor(query.sort, sortable, { field: "createdAt", order: "DESC" }, campaigns.id))
        .limit(limit)
        .offset(offset);
      const [counted] = await db.select({ total: count() }).from(campaigns).where(where);
      return { rows, total: counted?.total ?? 0 };
    },

    /** Where each campaign's messages are, by kind; `now` tells due messages from scheduled ones. */
    async progress(ids: readonly string[], now: string): Promise<Map<string, CampaignProgress>> {
      const progress = new Map<string, CampaignProgress>();
      for (const id of ids) progress.set(id, { recipients: 0, invitations: emptyCounts(), reminders: emptyCounts(), done: true });
      for (const chunk of chunkRows(ids, 1, 1)) {
        const rows = await db
          .select({
            campaignId: campaignMessages.campaignId,
            kind: campaignMessages.kind,
            status: campaignMessages.status,
            skipReason: campaignMessages.skipReason,
            scheduled: sql<number>`${campaignMessages.dueAt} > ${now}`.mapWith(Number),
            total: count(),
          })
          .from(campaignMessages)
          .where(inArray(campaignMessages.campaignId, chunk))
          .groupBy(campaignMessages.campaignId, campaignMessages.kind, campaignMessages.status, campaignMessages.skipReason, sql`4`);
        for (const row of rows) {
          const entry = progress.get(row.campaignId);
          if (!entry) continue;
          const counts = row.kind === "invitation" ? entry.invitations : entry.reminders;
          if (row.kind === "invitation") entry.recipients += row.total;
          switch (row.status) {
            case "pending":
              counts[row.scheduled ? "scheduled" : "pending"] += row.total;
              entry.done = false;
              break;
            case "sending":
              counts.sending += row.total;
              entry.done = false;
              break;
            case "skipped":
              counts[row.skipReason === "opted_out" ? "optedOut" : row.skipReason === "finished" ? "finished" : "skipped"] += row.total;
              break;
            default:
              counts[row.status] += row.total;
          }
        }
      }
      return progress;
    },

    /**
     * Pauses, resumes or cancels a campaign. Cancelling settles every message still waiting as
     * skipped, in the same transaction; a cancelled campaign stays cancelled. Null when there is no
     * such campaign.
     */
    async setStatus(id: string, status: CampaignStatus, actor: string, now: string): Promise<Campaign | null> {
      const before = await get(id);
      if (!before) return null;
      if (before.status === status || before.status === "cancelled") return before;
      await atomically(db, [
        db
          .update(campaigns)
          .set({ status, updatedAt: now })
          .where(and(eq(campaigns.id, id), ne(campaigns.status, "cancelled"))),
        ...(status === "cancelled"
          ? [
              db
                .update(campaignMessages)
                .set({ status: "skipped", skipReason: "cancelled", updatedAt: now })
                .where(and(eq(campaignMessages.campaignId, id), eq(campaignMessages.status, "pending"))),
            ]
          : []),
        audit.statement({ at: now, actor, action: `campaign.${status === "active" ? "resume" : status === "paused" ? "pause" : "cancel"}`, entity: "campaign", entityId: id, before: { status: before.status }, after: { status } }),
      ]);
      return get(id);
    },

    /** Active campaigns with their cluster's time zone, for the sender to decide which are in quiet hours. */
    async active(): Promise<OpenCampaign[]> {
      return db
        .select({ id: campaigns.id, timezone: clusters.timezone, quietFrom: campaigns.quietFrom, quietUntil: campaigns.quietUntil })
        .from(campaigns)
        .innerJoin(clusters, eq(clusters.id, campaigns.clusterId))
        .where(eq(campaigns.status, "active"));
    },

    /** The earliest due messages of one campaign, oldest first, with what deciding and rendering need. */
    async due(campaignId: string, now: string, limit: number): Promise<QueuedMessage[]> {
      const m = campaignMessages;
      const finished = sql<number>`case ${campaigns.purpose}
        when 'declaration' then exists (select 1 from ${declarations} where ${declarations.respondentId} = ${m.respondentId} and ${declarations.declaredAt} >= ${campaigns.createdAt})
        else exists (select 1 from ${sessions} where ${sessions.respondentId} = ${m.respondentId} and ${sessions.questionnaireId} = ${scoreCard.id} and ${sessions.status} = 'completed')
      end`;
      const started = sql<number>`case ${campaigns.purpose}
        when 'declaration' then exists (select 1 from ${sessions} where ${sessions.respondentId} = ${m.respondentId} and ${sessions.status} = 'active' and ${sessions.questionnaireId} in (${sql.join(STARTED_WITH.declaration.map((id) => sql`${id}`), sql`, `)}))
        else exists (select 1 from ${sessions} where ${sessions.respondentId} = ${m.respondentId} and ${sessions.status} = 'active' and ${sessions.questionnaireId} in (${sql.join(STARTED_WITH.score_card.map((id) => sql`${id}`), sql`, `)}))
      end`;
      const chatId = sql<string | null>`(select ${channelIdentities.chatId} from ${channelIdentities} where ${channelIdentities.respondentId} = ${m.respondentId} and ${channelIdentities.channel} = 'telegram' and ${channelIdentities.chatId} is not null limit 1)`;
      const rows = await db
        .select({
          id: m.id,
          campaignId: m.campaignId,
          respondentId: m.respondentId,
          kind: m.kind,
          sequence: m.sequence,
          dueAt: m.dueAt,
          purpose: campaigns.purpose,
          remindAfterDays: campaigns.remindAfterDays,
          maxReminders: campaigns.maxReminders,
          clusterName: clusters.name,
          language: sql<string>`coalesce(${respondents.locale}, ${clusters.defaultLocale})`,
          chatId,
          optedOut: sql<number>`${respondents.optedOutAt} is not null`.mapWith(Boolean),
          forgotten: sql<number>`${respondents.forgottenAt} is not null`.mapWith(Boolean),
          finished: finished.mapWith(Boolean),
          started: started.mapWith(Boolean),
        })
        .from(m)
        .innerJoin(campaigns, eq(campaigns.id, m.campaignId))
        .innerJoin(clusters, eq(clusters.id, campaigns.clusterId))
        .innerJoin(respondents, eq(respondents.id, m.respondentId))
        .where(and(eq(m.campaignId, campaignId), eq(m.status, "pending"), lte(m.dueAt, now)))
        .orderBy(asc(m.dueAt), asc(m.id))
        .limit(limit);
      return rows as QueuedMessage[];
    },

    /**
     * Takes a pending message for sending, if it is still pending and its campaign still active. Only
     * one claimer can win: the update is conditional, so two senders never both send it.
     */
    async claim(id: number, runner: string, now: string): Promise<boolean> {
      const activeCampaign = sql`exists (select 1 from ${campaigns} where ${campaigns.id} = ${campaignMessages.campaignId} and ${campaigns.status} = 'active')`;
      const rows = await db
        .update(campaignMessages)
        .set({ status: "sending", claimedBy: runner, claimedAt: now, updatedAt: now })
        .where(and(eq(campaignMessages.id, id), eq(campaignMessages.status, "pending"), activeCampaign))
        .returning({ id: campaignMessages.id });
      return rows.length > 0;
    },

    /**
     * Records a delivery, and plans the next reminder in the same transaction when the campaign has
     * one left: due `remindAfterDays` after this message.
     */
    async markSent(message: QueuedMessage, runner: string, externalMessageId: string, now: string): Promise<void> {
      const mine = and(eq(campaignMessages.id, message.id), eq(campaignMessages.status, "sending"), eq(campaignMessages.claimedBy, runner));
      await atomically(db, [
        db.update(campaignMessages).set({ status: "sent", sentAt: now, externalMessageId, updatedAt: now }).where(mine),
        ...nextReminder(message, "sent", now),
      ]);
    },

    /** Records that Telegram refused the message for good (blocked, chat gone). */
    async markFailed(id: number, runner: string, error: string, now: string): Promise<void> {
      await db
        .update(campaignMessages)
        .set({ status: "failed", error: error.slice(0, 500), updatedAt: now })
        .where(and(eq(campaignMessages.id, id), eq(campaignMessages.status, "sending"), eq(campaignMessages.claimedBy, runner)));
    },

    /** Records that the message may or may not have arrived (the connection broke mid-request). */
    async markUnconfirmed(id: number, runner: string, error: string, now: string): Promise<void> {
      await db
        .update(campaignMessages)
        .set({ status: "unconfirmed", error: error.slice(0, 500), updatedAt: now })
        .where(and(eq(campaignMessages.id, id), eq(campaignMessages.status, "sending"), eq(campaignMessages.claimedBy, runner)));
    },

    /** Puts a claimed message back in the queue: Telegram certainly did not take it (429, no connection). */
    async release(id: number, runner: string, dueAt: string, now: string): Promise<void> {
      await db
        .update(campaignMessages)
        .set({ status: "pending", claimedBy: null, claimedAt: null, dueAt, updatedAt: now })
        .where(and(eq(campaignMessages.id, id), eq(campaignMessages.status, "sending"), eq(campaignMessages.claimedBy, runner)));
    },

    /** Moves a pending message later, e.g. while its chat is still within Telegram's per-chat pace. */
    async postpone(id: number, dueAt: string, now: string): Promise<void> {
      await db
        .update(campaignMessages)
        .set({ dueAt, updatedAt: now })
        .where(and(eq(campaignMessages.id, id), eq(campaignMessages.status, "pending")));
    },

    /**
     * Settles a pending message without sending it. A reminder skipped because the person has not
     * started yet keeps its successor, so someone who starts later is still reminded.
     */
    async skip(message: QueuedMessage, reason: CampaignSkipReason, now: string): Promise<void> {
      await atomically(db, [
        db
          .update(campaignMessages)
          .set({ status: "skipped", skipReason: reason, updatedAt: now })
          .where(and(eq(campaignMessages.id, message.id), eq(campaignMessages.status, "pending"))),
        ...(reason === "not_started" ? nextReminder(message, "skipped", now) : []),
      ]);
    },

    /**
     * Settles the claims of senders that are gone, which a starting sender calls before it claims
     * anything: those messages may have reached Telegram before their sender died, so they become
     * `unconfirmed` and are never sent again. Returns how many.
     */
    async abandonClaims(runner: string, claimedBefore: string, now: string): Promise<number> {
      const rows = await db
        .update(campaignMessages)
        .set({ status: "unconfirmed", error: "the sender stopped before Telegram answered", updatedAt: now })
        .where(and(eq(campaignMessages.status, "sending"), ne(campaignMessages.claimedBy, runner), lte(campaignMessages.claimedAt, claimedBefore)))
        .returning({ id: campaignMessages.id });
      return rows.length;
    },
  };

  /**
   * The insert of the reminder after `message`, guarded by `message` having reached `status` in the
   * same transaction, so a claim lost to another sender plans nothing.
   */
  function nextReminder(message: QueuedMessage, status: "sent" | "skipped", now: string) {
    if (message.sequence >= message.maxReminders) return [];
    const dueAt = new Date(Date.parse(now) + message.remindAfterDays * DAY_MS).toISOString();
    const reached = db
      .select(
        queuedRow({
          campaignId: campaignMessages.campaignId,
          respondentId: campaignMessages.respondentId,
          kind: sql<CampaignMessageKind>`'reminder'`,
          sequence: sql<number>`${campaignMessages.sequence} + 1`,
          dueAt: sql<string>`${dueAt}`,
          updatedAt: sql<string>`${now}`,
        }),
      )
      .from(campaignMessages)
      .where(and(eq(campaignMessages.id, message.id), eq(campaignMessages.status, status)));
    return [db.insert(campaignMessages).select(reached).onConflictDoNothing()];
  }
}

export type CampaignRepository = ReturnType<typeof campaignRepository>;
