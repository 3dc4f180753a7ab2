import { and, count, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { containsText, orderFor, pageFor, type ListQuery } from "../../../db/repositories/listing";
import { channelIdentities, enterprises, respondents, responseSets, type StakeholderType } from "../../../db/schema";

export interface RespondentFilter {
  ids?: string[];
  clusterId?: string;
  stakeholderType?: StakeholderType;
  forgotten?: boolean;
  /** Part of a name or enterprise name: personal data, so for admins only. */
  q?: string;
}

const telegramUsername = sql<string | null>`(select ${channelIdentities.username} from ${channelIdentities} where ${channelIdentities.respondentId} = ${respondents.id} and ${channelIdentities.channel} = 'telegram' and ${channelIdentities.username} is not null limit 1)`;

const sortable = {
  id: respondents.id,
  createdAt: respondents.createdAt,
  updatedAt: respondents.updatedAt,
  clusterId: respondents.clusterId,
  stakeholderType: respondents.stakeholderType,
  forgottenAt: respondents.forgottenAt,
};

export type RespondentSortField = keyof typeof sortable;

/**
 * Respondents for the console. Personal data (name, Telegram username, enterprise name) is read only
 * when `personal`; otherwise a row says who someone is by the pseudonymous id alone.
 */
export async function listRespondents(db: Database, query: ListQuery<RespondentFilter>, personal: boolean) {
  const f = query.filter ?? {};
  const where = and(
    f.ids ? inArray(respondents.id, f.ids) : undefined,
    f.clusterId === undefined ? undefined : eq(respondents.clusterId, f.clusterId),
    f.stakeholderType === undefined ? undefined : eq(respondents.stakeholderType, f.stakeholderType),
    f.forgotten === undefined ? undefined : f.forgotten ? isNotNull(respondents.forgottenAt) : isNull(respondents.forgottenAt),
    f.q === undefined ? undefined : or(containsText(respondents.displayName, f.q), containsText(enterprises.name, f.q)),
  );
  const scoreCards = sql<number>`(select count(*) from ${responseSets} where ${responseSets.respondentId} = ${respondents.id} and ${responseSets.status} = 'completed')`;
  const personalFields = { displayName: respondents.displayName, telegramUsername, enterpriseName: enterprises.name };
  const { limit, offset } = pageFor(query.range);
  const rows = await db
    .select({
      id: respondents.id,
      clusterId: respondents.clusterId,
      enterpriseId: respondents.enterpriseId,
      stakeholderType: respondents.stakeholderType,
      locale: respondents.locale,
      createdAt: respondents.createdAt,
      optedOutAt: respondents.optedOutAt,
      forgottenAt: respondents.forgottenAt,
      completedScoreCards: scoreCards,
      ...(personal ? personalFields : {}),
    })
    .from(respondents)
    .leftJoin(enterprises, eq(enterprises.id, respondents.enterpriseId))
    .where(where)
    .orderBy(...orderFor(query.sort, sortable, { field: "createdAt", order: "DESC" }, respondents.id))
    .limit(limit)
    .offset(offset);
  const [counted] = await db
    .select({ total: count() })
    .from(respondents)
    .leftJoin(enterprises, eq(enterprises.id, respondents.enterpriseId))
    .where(where);
  return { rows: rows.map((row) => ({ ...row, forgotten: row.forgottenAt !== null })), total: counted?.total ?? 0 };
}
