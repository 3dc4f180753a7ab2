/** Small builders for repository tests: a cluster, a respondent, and engine-shaped steps. */
import type { AnswerValue, EngineEvent, SessionState } from "../../core/engine/types";
import type { Database } from "../../db/database";
import { scoreCard } from "../../core/questionnaires/score-card";
import { createRepositories } from "../../db";

let counter = 0;
/** A unique id per call, readable in failure messages. */
export function id(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** ISO time `seconds` after a fixed start, so tests never read the clock. */
export function at(seconds: number): string {
  return new Date(Date.UTC(2025, 0, 15, 9, 0, 0) + seconds * 1000).toISOString();
}

export async function makeCluster(db: Database, fields: { name?: string; state?: string; profile?: Record<string, AnswerValue> } = {}) {
  const repos = createRepositories(db);
  const clusterId = id("cluster");
  const result = await repos.clusters.create({
    id: clusterId,
    name: fields.name ?? `Cluster ${clusterId}`,
    inviteCode: `code-${clusterId}`,
    state: fields.state ?? null,
    profile: fields.profile ?? {},
    now: at(0),
  });
  if (result.status !== "created") throw new Error("fixture cluster not created");
  return result.cluster;
}

export async function makeRespondent(db: Database, clusterId: string | null) {
  const repos = createRepositories(db);
  const { respondent } = await repos.respondents.findOrCreateByIdentity({
    channel: "telegram",
    externalId: id("tg"),
    chatId: "chat",
    username: "someone",
    now: at(0),
    newId: id("respondent"),
  });
  if (clusterId === null) return respondent;
  const updated = await repos.respondents.update(respondent.id, { clusterId }, at(0));
  if (!updated) throw new Error("fixture respondent not updated");
  return updated;
}

/** A session state holding `answers`, as the engine would after answering them. */
export function stateWith(
  sessionId: string,
  questionnaire: { id: string; version: number },
  answers: Record<string, AnswerValue>,
  options: { completed?: boolean; startedAt?: string; updatedAt?: string } = {},
): SessionState {
  const startedAt = options.startedAt ?? at(0);
  const updatedAt = options.updatedAt ?? at(10);
  return {
    format: 1,
    sessionId,
    questionnaire,
    status: options.completed ? "completed" : "active",
    cursor: options.completed ? null : "next",
    answers: Object.fromEntries(Object.entries(answers).map(([itemId, value]) => [itemId, { value, at: updatedAt }])),
    trail: Object.keys(answers),
    reopenedItem: null,
    startedAt,
    updatedAt,
    completedAt: options.completed ? updatedAt : null,
  };
}

/** `answer_set` events for the given answers. */
export function answerEvents(answers: Record<string, AnswerValue>, time: string): EngineEvent[] {
  return Object.entries(answers).map(([itemId, value]) => ({ type: "answer_set", at: time, itemId, value }));
}

/**
 * Stores a score card session with these answers as one engine step, finished unless
 * `completed: false`: what a respondent leaves behind in the database.
 */
export async function saveScoreCard(
  db: Database,
  respondentId: string,
  clusterId: string,
  answers: Record<string, AnswerValue>,
  options: { completed?: boolean; now?: string } = {},
) {
  const sessionId = id("session");
  const now = options.now ?? at(2);
  const result = await createRepositories(db).sessions.saveStep({
    sessionId,
    respondentId,
    clusterId,
    questionnaire: { id: scoreCard.id, version: scoreCard.version },
    expectedVersion: null,
    state: stateWith(sessionId, scoreCard, answers, { completed: options.completed ?? true }),
    events: answerEvents(answers, now),
    now,
    channel: "telegram",
  });
  return { sessionId, status: result.status };
}
