/** Clusters full of registered Telegram respondents, written straight to the database. */
import { sql } from "drizzle-orm";
import { atomically, chunkRows, type Database } from "../../db/database";
import { clusterRepository } from "../../db/repositories/clusters";
import { channelIdentities, respondents, sessions } from "../../db/schema";
import type { SessionStatus } from "../../db/schema";
import { stateWith } from "../db/fixtures";

export async function seedCluster(db: Database, id: string, options: { timezone?: string; name?: string } = {}) {
  const result = await clusterRepository(db).create({
    id,
    name: options.name ?? `Cluster ${id}`,
    inviteCode: id.toUpperCase(),
    ...(options.timezone ? { timezone: options.timezone } : {}),
    now: new Date().toISOString(),
  });
  if (result.status !== "created") throw new Error(`cluster ${id} not created`);
  return result.cluster;
}

export interface SeededRespondent {
  id: string;
  chatId: number;
}

/**
 * `count` consenting respondents of a cluster, each with a Telegram chat: chat ids are
 * `firstChatId`, `firstChatId + 1`, …, and respondent ids `r-<chat id>`.
 */
export async function seedRespondents(
  db: Database,
  clusterId: string,
  count: number,
  options: { firstChatId: number; locale?: string; stakeholderType?: "core_firm_owner" | "worker" },
): Promise<SeededRespondent[]> {
  const now = new Date().toISOString();
  const seeded = Array.from({ length: count }, (_, index) => ({ id: `r-${options.firstChatId + index}`, chatId: options.firstChatId + index }));
  const statements = [
    ...chunkRows(seeded, 8).map((chunk) =>
      db.insert(respondents).values(
        chunk.map((person) => ({
          id: person.id,
          clusterId,
          locale: options.locale ?? null,
          stakeholderType: options.stakeholderType ?? "worker",
          consentAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    ),
    ...chunkRows(seeded, 5).map((chunk) =>
      db.insert(channelIdentities).values(
        chunk.map((person) => ({
          channel: "telegram" as const,
          externalId: String(person.chatId),
          respondentId: person.id,
          chatId: String(person.chatId),
          createdAt: now,
        })),
      ),
    ),
  ];
  await atomically(db, statements);
  return seeded;
}

/** A score card session of the respondent's: `active` (started, not finished) or `completed`. */
export async function giveScoreCard(db: Database, respondentId: string, status: Extract<SessionStatus, "active" | "completed">) {
  const sessionId = `sc-${respondentId}`;
  const now = new Date().toISOString();
  const questionnaire = { id: "score_card", version: 1 };
  await db
    .insert(sessions)
    .values({
      id: sessionId,
      respondentId,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      state: stateWith(sessionId, questionnaire, {}, { completed: status === "completed" }),
      status,
      version: 1,
      channel: "telegram",
      startedAt: now,
      updatedAt: now,
      completedAt: status === "completed" ? now : null,
    })
    // The version guard (migration 0001) wants each write to raise the version by one.
    .onConflictDoUpdate({
      target: sessions.id,
      set: { status, completedAt: status === "completed" ? now : null, version: sql`${sessions.version} + 1` },
    });
}
