import { and, eq, inArray, isNull, ne, notExists, sql } from "drizzle-orm";
import { atomically, type Database } from "../database";
import { personalItemIds, defaultCatalogue } from "../../core/questionnaires";
import { type Channel, type ChannelIdentity, type Respondent, answerEvents, answers, channelIdentities, enterprises, respondents, responseSets } from "../schema";

const PERSONAL_ITEMS = personalItemIds(defaultCatalogue);
import { auditRepository } from "./audit";

export interface IdentityInput {
  channel: Channel;
  /** The person's id on the channel (Telegram user id, Slack user id). */
  externalId: string;
  chatId?: string | null;
  username?: string | null;
  now: string;
  /** Id for the respondent if this identity is new; unused otherwise. */
  newId: string;
}

export interface IdentityResult {
  respondent: Respondent;
  identity: ChannelIdentity;
  /** Whether this call created the respondent. */
  created: boolean;
}

export type RespondentPatch = Partial<
  Pick<Respondent, "clusterId" | "enterpriseId" | "stakeholderType" | "displayName" | "locale" | "consentAt" | "optedOutAt">
>;

/** People who answer, and the chat accounts they answer from. */
export function respondentRepository(db: Database) {
  const audit = auditRepository(db);

  // Every webhook update starts here: built once, not per call.
  const identityQuery = db
    .select({ respondent: respondents, identity: channelIdentities })
    .from(channelIdentities)
    .innerJoin(respondents, eq(respondents.id, channelIdentities.respondentId))
    .where(and(eq(channelIdentities.channel, sql.placeholder("channel")), eq(channelIdentities.externalId, sql.placeholder("externalId"))))
    .prepare();

  async function byIdentity(channel: Channel, externalId: string): Promise<{ respondent: Respondent; identity: ChannelIdentity } | null> {
    return (await identityQuery.get({ channel, externalId })) ?? null;
  }

  return {
    byIdentity,

    /**
     * The respondent behind a chat account, created on first contact. Safe when two first messages
     * arrive together: both try the same insert, the identity's primary key lets one win, and the
     * loser's provisional respondent is removed in the same transaction, so exactly one exists.
     * A known account's chat id and username are refreshed, unless its respondent was forgotten.
     */
    async findOrCreateByIdentity(input: IdentityInput): Promise<IdentityResult> {
      const { channel, externalId, now, newId } = input;
      const chatId = input.chatId ?? null;
      const username = input.username ?? null;
      // Every update of a known person passes here: read first, and write only what changed.
      const known = await byIdentity(channel, externalId);
      if (known) {
        const stale = known.identity.chatId !== chatId || known.identity.username !== username;
        if (!stale || known.respondent.forgottenAt !== null) return { ...known, created: false };
        await db
          .update(channelIdentities)
          .set({ chatId, username })
          .where(and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalId, externalId)));
        return { respondent: known.respondent, identity: { ...known.identity, chatId, username }, created: false };
      }
      const identityOfNew = db
        .select({ one: sql`1` })
        .from(channelIdentities)
        .where(eq(channelIdentities.respondentId, newId));
      await atomically(db, [
        db.insert(respondents).values({ id: newId, createdAt: now, updatedAt: now }),
        db
          .insert(channelIdentities)
          .values({ channel, externalId, respondentId: newId, chatId, username, createdAt: now })
          .onConflictDoUpdate({
            target: [channelIdentities.channel, channelIdentities.externalId],
            set: { chatId, username },
            setWhere: sql`not exists (select 1 from ${respondents} where ${respondents.id} = ${channelIdentities.respondentId} and ${respondents.forgottenAt} is not null)`,
          }),
        db.delete(respondents).where(and(eq(respondents.id, newId), notExists(identityOfNew))),
      ]);
      const found = await byIdentity(channel, externalId);
      if (!found) throw new Error(`identity ${channel}:${externalId} was not stored`);
      return { ...found, created: found.respondent.id === newId };
    },

    async get(id: string): Promise<Respondent | null> {
      const [row] = await db.select().from(respondents).where(eq(respondents.id, id));
      return row ?? null;
    },

    async identities(respondentId: string): Promise<ChannelIdentity[]> {
      return db.select().from(channelIdentities).where(eq(channelIdentities.respondentId, respondentId));
    },

    /** Changes the given fields; null when there is no such respondent. */
    async update(id: string, patch: RespondentPatch, now: string): Promise<Respondent | null> {
      const [row] = await db
        .update(respondents)
        .set({ ...patch, updatedAt: now })
        .where(eq(respondents.id, id))
        .returning();
      return row ?? null;
    },

    /**
     * Erases what identifies the person: display name, chat usernames, and the name of their
     * enterprise when no one else answers for it. Answers stay, no longer linked to anyone nameable.
     * The audit entry records the act, not the erased values.
     */
    async forget(id: string, actor: string, now: string): Promise<Respondent | null> {
      const [existing] = await db.select({ id: respondents.id }).from(respondents).where(eq(respondents.id, id));
      if (!existing) return null;
      const otherRespondents = db
        .select({ one: sql`1` })
        .from(respondents)
        .where(and(eq(respondents.enterpriseId, enterprises.id), ne(respondents.id, id), isNull(respondents.forgottenAt)));
      const theirEnterprise = db.select({ id: respondents.enterpriseId }).from(respondents).where(eq(respondents.id, id));
      const theirResponseSets = db.select({ id: responseSets.id }).from(responseSets).where(eq(responseSets.respondentId, id));
      await atomically(db, [
        db
          .update(enterprises)
          .set({ name: null })
          .where(and(sql`${enterprises.id} = (${theirEnterprise})`, notExists(otherRespondents))),
        db.update(channelIdentities).set({ username: null }).where(eq(channelIdentities.respondentId, id)),
        // Answers that are personal data (an enterprise's name), now and in their history.
        db
          .update(answers)
          .set({ value: null, note: null })
          .where(and(inArray(answers.itemId, PERSONAL_ITEMS), inArray(answers.responseSetId, theirResponseSets))),
        db
          .update(answerEvents)
          .set({ value: null, previous: null, note: null })
          .where(and(inArray(answerEvents.itemId, PERSONAL_ITEMS), inArray(answerEvents.responseSetId, theirResponseSets))),
        db
          .update(respondents)
          .set({ displayName: null, forgottenAt: sql`coalesce(${respondents.forgottenAt}, ${now})`, updatedAt: now })
          .where(eq(respondents.id, id)),
        audit.statement({ at: now, actor, action: "respondent.forget", entity: "respondent", entityId: id }),
      ]);
      const [row] = await db.select().from(respondents).where(eq(respondents.id, id));
      return row ?? null;
    },
  };
}

export type RespondentRepository = ReturnType<typeof respondentRepository>;
