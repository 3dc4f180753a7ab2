/**
 * A console on a real SQLite file: the API router, three signed-in roles, and a cluster whose
 * respondents answered the score card through the session repository, as the bots store them.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { AnswerValue, EngineEvent, SessionState } from "../../core/engine/types";
import { scoreCard } from "../../core/questionnaires";
import { CORE_ISSUES, TEMPLATES, ratingKey } from "../../core/scoring";
import type { Database } from "../../db/database";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import { recomputeClusterScore } from "../../db/repositories/scores";
import { scoringSchemeRepository } from "../../db/repositories/scoring-schemes";
import { sessionRepository } from "../../db/repositories/sessions";
import { openSqlite } from "../../db/sqlite";
import { createApiRoutes } from "../../admin/api";
import { createAccount } from "../../admin/auth/accounts";
import type { ConsoleRole } from "../../admin/auth/roles";

export const PASSWORD = "a long enough passphrase";
export const START = new Date("2026-03-02T09:00:00.000Z");

let sequence = 0;
export function uniqueId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** A clock tests move by hand. */
export function manualClock(start = START) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export function temporaryDatabase() {
  return openSqlite(join(mkdtempSync(join(tmpdir(), "samuh-admin-")), "samuh.sqlite"));
}

/** Rescoring as the product does it: the active scheme, the cluster's counted score cards. */
export function rescoreWith(db: Database) {
  return async (clusterId: string, now: string) => recomputeClusterScore(db, clusterId, await scoringSchemeRepository(db).active(), now);
}

/** The worked example of SPEC §10: R1 and R2, per issue in order, existence / intensity / efforts. */
export const WORKED_EXAMPLE = {
  r1: { existence: [4, 2, 3, 5, 4, 1, 2], intensity: [3, 1, 2, 4, 5, 0, 2], efforts: [5, 5, 4, 2, 3, 5, 5] },
  r2: { existence: [2, 2, 5, 3, 4, 3, 0], intensity: [3, 3, 2, 4, 3, 2, 0], efforts: [3, 5, 4, 4, 1, 5, 3] },
};

export const ECONOMIC_PROFILE = {
  "economic.value_chain_importance": 4,
  "economic.raw_materials": 3,
  "economic.turnover": 2,
  "economic.exports": 1,
  "economic.employment": 5,
};

type Ratings = Record<(typeof TEMPLATES)[number], number[]>;

/** Every core rating the same: a straight-liner. */
export function uniformRatings(value: number): Ratings {
  const all = CORE_ISSUES.map(() => value);
  return { existence: all, intensity: all, efforts: all };
}

function answersOf(ratings: Ratings): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  CORE_ISSUES.forEach((issue, index) => {
    for (const template of TEMPLATES) answers[ratingKey(issue, template)] = ratings[template][index] ?? null;
  });
  return answers;
}

export interface Seeded {
  clusterId: string;
  responseSetIds: string[];
}

/**
 * A cluster with one completed score card per entry of `people`, written through the repositories,
 * then scored. Each score card took `seconds` (default 300) to fill in.
 */
export async function seedCluster(
  db: Database,
  options: { name: string; state?: string; sector?: string; people: { name: string; ratings: Ratings; seconds?: number }[]; profile?: Record<string, AnswerValue> },
): Promise<Seeded> {
  const clusterId = uniqueId("cluster");
  const now = START.toISOString();
  const created = await clusterRepository(db).create({
    id: clusterId,
    name: options.name,
    inviteCode: uniqueId("INV").replace("-", ""),
    state: options.state ?? null,
    sector: options.sector ?? null,
    profile: { ...ECONOMIC_PROFILE, ...options.profile },
    now,
  });
  if (created.status !== "created") throw new Error("cluster not created");
  const responseSetIds: string[] = [];
  for (const person of options.people) {
    const respondents = respondentRepository(db);
    const { respondent } = await respondents.findOrCreateByIdentity({ channel: "telegram", externalId: uniqueId("tg"), now, newId: uniqueId("respondent") });
    await respondents.update(respondent.id, { clusterId, displayName: person.name, stakeholderType: "worker" }, now);
    const sessionId = uniqueId("session");
    const startedAt = START.toISOString();
    const completedAt = new Date(START.getTime() + (person.seconds ?? 300) * 1000).toISOString();
    const answers = answersOf(person.ratings);
    const state: SessionState = {
      format: 1,
      sessionId,
      questionnaire: { id: scoreCard.id, version: scoreCard.version },
      status: "completed",
      cursor: null,
      answers: Object.fromEntries(Object.entries(answers).map(([itemId, value]) => [itemId, { value, at: completedAt }])),
      trail: Object.keys(answers),
      reopenedItem: null,
      startedAt,
      updatedAt: completedAt,
      completedAt,
    };
    const events: EngineEvent[] = [
      { type: "session_started", at: startedAt, questionnaire: state.questionnaire },
      ...Object.entries(answers).map(([itemId, value]): EngineEvent => ({ type: "answer_set", at: completedAt, itemId, value })),
      { type: "completed", at: completedAt },
    ];
    const saved = await sessionRepository(db).saveStep({
      sessionId,
      respondentId: respondent.id,
      clusterId,
      questionnaire: state.questionnaire,
      expectedVersion: null,
      state,
      events,
      now: completedAt,
      channel: "telegram",
    });
    if (saved.status !== "saved") throw new Error(`score card not saved: ${saved.status}`);
    responseSetIds.push(sessionId);
  }
  await rescoreWith(db)(clusterId, now);
  return { clusterId, responseSetIds };
}

export type Api = ReturnType<typeof createApiRoutes>;

/** The API on a fresh database, with an account per role. */
export async function consoleFixture(options: { telegramBotUsername?: string } = {}) {
  const storage = temporaryDatabase();
  const clock = manualClock();
  const api = createApiRoutes({
    db: storage.db,
    clock: clock.now,
    newId: () => crypto.randomUUID(),
    logger: pino({ level: "silent" }),
    rescore: rescoreWith(storage.db),
    ...(options.telegramBotUsername ? { telegramBotUsername: options.telegramBotUsername } : {}),
  });
  const emails: Record<ConsoleRole, string> = { admin: "admin@example.org", moderator: "mod@example.org", viewer: "viewer@example.org" };
  const ids = {} as Record<ConsoleRole, string>;
  for (const role of ["admin", "moderator", "viewer"] as const) {
    const result = await createAccount(storage.db, { email: emails[role], name: `The ${role}`, role, password: PASSWORD }, { id: uniqueId(role), actor: "system", now: START.toISOString() });
    if (result.status !== "created") throw new Error("account not created");
    ids[role] = result.user.id;
  }

  /** Signs in and returns the `Cookie` header value that carries the session. */
  async function signIn(role: ConsoleRole): Promise<string> {
    const response = await api.request("/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: emails[role], password: PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`sign-in as ${role} failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers.get("set-cookie") ?? "";
    return cookie.split(";")[0] ?? "";
  }

  const cookies = { admin: await signIn("admin"), moderator: await signIn("moderator"), viewer: await signIn("viewer") };

  /** A request as `role` (or anonymous with null), JSON in and out. */
  function call(role: ConsoleRole | null, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    return api.request(path, {
      method: init.method ?? "GET",
      headers: {
        ...(role ? { cookie: cookies[role] } : {}),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
    });
  }

  return { ...storage, api, clock, emails, ids, cookies, signIn, call };
}

/** `path?sort=…&range=…&filter=…` as ra-data-simple-rest writes it. */
export function listUrl(path: string, query: { sort?: [string, string]; range?: [number, number]; filter?: object } = {}): string {
  const params = new URLSearchParams();
  if (query.sort) params.set("sort", JSON.stringify(query.sort));
  if (query.range) params.set("range", JSON.stringify(query.range));
  if (query.filter) params.set("filter", JSON.stringify(query.filter));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
