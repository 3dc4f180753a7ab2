import { beforeEach, describe, expect, it } from "vitest";
import { createRepositories, type Repositories } from "../../db";
import type { Database } from "../../db/database";
import type { SaveStepInput } from "../../db/repositories/sessions";
import { answerEvents, at, id, makeCluster, makeRespondent, stateWith } from "./fixtures";
import { testDrivers } from "./drivers";

const questionnaire = { id: "test_questionnaire", version: 3 };

describe.each(testDrivers())("sessions on $name", (driver) => {
  let db: Database;
  let repos: Repositories;
  let base: Pick<SaveStepInput, "respondentId" | "clusterId" | "questionnaire" | "channel">;

  beforeEach(async () => {
    db = await driver.open();
    repos = createRepositories(db);
    const cluster = await makeCluster(db);
    const respondent = await makeRespondent(db, cluster.id);
    base = { respondentId: respondent.id, clusterId: cluster.id, questionnaire, channel: "telegram" };
  });

  /** Starts a session with one answer; returns its id at version 1. */
  async function started(answers: Record<string, number | string | null> = { q1: 4 }) {
    const sessionId = id("session");
    const result = await repos.sessions.saveStep({
      ...base,
      sessionId,
      expectedVersion: null,
      state: stateWith(sessionId, questionnaire, answers),
      events: [{ type: "session_started", at: at(0), questionnaire }, ...answerEvents(answers, at(5))],
      updateKey: { source: "telegram", key: id("update") },
      now: at(5),
    });
    expect(result).toEqual({ status: "saved", version: 1 });
    return sessionId;
  }

  it("saves a new session with its response set, answers and history", async () => {
    const sessionId = await started({ q1: 4, q2: "text", q3: null });
    const session = await repos.sessions.get(sessionId);
    expect(session).toMatchObject({ version: 1, status: "active", questionnaireId: "test_questionnaire", questionnaireVersion: 3 });
    expect(session?.state.answers["q2"]?.value).toBe("text");

    const set = await repos.responseSets.withAnswers(sessionId);
    expect(set).toMatchObject({ status: "in_progress", clusterId: base.clusterId, respondentId: base.respondentId });
    expect(set?.answers.map((a) => [a.itemId, a.value])).toEqual([
      ["q1", 4],
      ["q2", "text"],
      ["q3", null],
    ]);
    const history = await repos.responseSets.history(sessionId);
    expect(history.map((h) => h.type)).toEqual(["session_started", "answer_set", "answer_set", "answer_set"]);
  });

  it("updates an existing session when the expected version matches, keeping the answer history", async () => {
    const sessionId = await started();
    const result = await repos.sessions.saveStep({
      ...base,
      sessionId,
      expectedVersion: 1,
      state: stateWith(sessionId, questionnaire, { q1: 2 }),
      events: [
        { type: "answer_set", at: at(20), itemId: "q1", value: 2, previous: 4 },
        { type: "answer_set", at: at(21), itemId: "q2", value: 1, note: "only in summer" },
        { type: "answer_cleared", at: at(22), itemId: "q2", previous: 1 },
        { type: "input_rejected", at: at(23), itemId: "q3", reason: "not_a_number" },
      ],
      now: at(23),
    });
    expect(result).toEqual({ status: "saved", version: 2 });
    expect((await repos.sessions.get(sessionId))?.version).toBe(2);

    const set = await repos.responseSets.withAnswers(sessionId);
    expect(set?.answers.map((a) => [a.itemId, a.value, a.answeredAt])).toEqual([["q1", 2, at(20)]]);
    const history = await repos.responseSets.history(sessionId);
    expect(history.filter((h) => h.itemId === "q1").map((h) => [h.value, h.previous])).toEqual([
      [4, null],
      [2, 4],
    ]);
    expect(history.filter((h) => h.itemId === "q2").map((h) => [h.type, h.value, h.previous, h.note])).toEqual([
      ["answer_set", 1, null, "only in summer"],
      ["answer_cleared", null, 1, null],
    ]);
    expect(history.some((h) => h.itemId === "q3")).toBe(false);
  });

  it("refuses a stale version as a conflict and writes nothing", async () => {
    const sessionId = await started();
    const step = (expectedVersion: number, value: number, key: string) =>
      repos.sessions.saveStep({
        ...base,
        sessionId,
        expectedVersion,
        state: stateWith(sessionId, questionnaire, { q1: 4, q9: value }),
        events: answerEvents({ q9: value }, at(30)),
        updateKey: { source: "telegram", key },
        now: at(30),
      });
    expect(await step(1, 1, "u-first")).toEqual({ status: "saved", version: 2 });
    const historyBefore = await repos.responseSets.history(sessionId);

    expect(await step(1, 5, "u-stale")).toEqual({ status: "conflict" });

    const session = await repos.sessions.get(sessionId);
    expect(session?.version).toBe(2);
    expect(session?.state.answers["q9"]?.value).toBe(1);
    const set = await repos.responseSets.withAnswers(sessionId);
    expect(set?.answers.find((a) => a.itemId === "q9")?.value).toBe(1);
    expect(await repos.responseSets.history(sessionId)).toEqual(historyBefore);
    expect(await repos.processedUpdates.wasProcessed("telegram", "u-stale")).toBe(false);
  });

  it("refuses a second start of the same session id as a conflict", async () => {
    const sessionId = await started();
    const again = await repos.sessions.saveStep({
      ...base,
      sessionId,
      expectedVersion: null,
      state: stateWith(sessionId, questionnaire, {}),
      events: [{ type: "session_started", at: at(40), questionnaire }],
      now: at(40),
    });
    expect(again).toEqual({ status: "conflict" });
    expect((await repos.responseSets.history(sessionId)).filter((h) => h.type === "session_started")).toHaveLength(1);
  });

  it("recognises a delivered update key as a duplicate and writes nothing", async () => {
    const sessionId = await started();
    const step = (expectedVersion: number, value: number) =>
      repos.sessions.saveStep({
        ...base,
        sessionId,
        expectedVersion,
        state: stateWith(sessionId, questionnaire, { q1: value }),
        events: answerEvents({ q1: value }, at(50)),
        updateKey: { source: "telegram", key: "delivery-retried" },
        now: at(50),
      });
    expect(await step(1, 3)).toEqual({ status: "saved", version: 2 });
    const historyBefore = await repos.responseSets.history(sessionId);

    expect(await step(2, 0)).toEqual({ status: "duplicate" });

    expect((await repos.sessions.get(sessionId))?.version).toBe(2);
    const set = await repos.responseSets.withAnswers(sessionId);
    expect(set?.answers.find((a) => a.itemId === "q1")?.value).toBe(3);
    expect(await repos.responseSets.history(sessionId)).toEqual(historyBefore);
  });

  it("marks the response set completed, and in progress again when reopened", async () => {
    const sessionId = await started();
    const completed = await repos.sessions.saveStep({
      ...base,
      sessionId,
      expectedVersion: 1,
      state: stateWith(sessionId, questionnaire, { q1: 4 }, { completed: true, updatedAt: at(60) }),
      events: [{ type: "completed", at: at(60) }],
      now: at(60),
    });
    expect(completed.status).toBe("saved");
    expect(await repos.responseSets.get(sessionId)).toMatchObject({ status: "completed", completedAt: at(60) });
    expect(await repos.sessions.get(sessionId)).toMatchObject({ status: "completed", completedAt: at(60) });
    expect(await repos.sessions.active(base.respondentId)).toBeNull();

    const reopened = await repos.sessions.saveStep({
      ...base,
      sessionId,
      expectedVersion: 2,
      state: stateWith(sessionId, questionnaire, { q1: 4 }),
      events: [{ type: "reopened", at: at(70), itemId: "q1" }],
      now: at(70),
    });
    expect(reopened).toEqual({ status: "saved", version: 3 });
    expect(await repos.responseSets.get(sessionId)).toMatchObject({ status: "in_progress", completedAt: null });
    expect((await repos.sessions.active(base.respondentId))?.id).toBe(sessionId);
  });

  it("clears every stored answer on a restart but keeps what follows it", async () => {
    const sessionId = await started({ q1: 1, q2: 2, q3: 3 });
    await repos.sessions.saveStep({
      ...base,
      sessionId,
      expectedVersion: 1,
      state: stateWith(sessionId, questionnaire, { q4: 4 }),
      events: [{ type: "restarted", at: at(80) }, ...answerEvents({ q4: 4 }, at(81))],
      now: at(81),
    });
    const set = await repos.responseSets.withAnswers(sessionId);
    expect(set?.answers.map((a) => a.itemId)).toEqual(["q4"]);
    expect((await repos.responseSets.history(sessionId)).filter((h) => h.type === "answer_set")).toHaveLength(4);
  });

  it("writes steps that bind far more than 100 parameters", async () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`item.${String(i).padStart(3, "0")}`, i % 6]));
    const sessionId = await started(many);
    expect((await repos.responseSets.withAnswers(sessionId))?.answers).toHaveLength(150);
    expect(await repos.responseSets.history(sessionId)).toHaveLength(151);

    const cleared = await repos.sessions.saveStep({
      ...base,
      sessionId,
      expectedVersion: 1,
      state: stateWith(sessionId, questionnaire, {}),
      events: Object.entries(many).map(([itemId, previous]) => ({ type: "answer_cleared", at: at(90), itemId, previous })),
      now: at(90),
    });
    expect(cleared.status).toBe("saved");
    expect((await repos.responseSets.withAnswers(sessionId))?.answers).toHaveLength(0);
  });

  it("rethrows errors that are not a conflict or a duplicate", async () => {
    const sessionId = id("session");
    await expect(
      repos.sessions.saveStep({
        ...base,
        respondentId: "nobody",
        sessionId,
        expectedVersion: null,
        state: stateWith(sessionId, questionnaire, {}),
        events: [],
        now: at(0),
      }),
    ).rejects.toThrow();
    expect(await repos.sessions.get(sessionId)).toBeNull();
  });

  it("finds the newest active session and the latest of a questionnaire; abandoning moves the version", async () => {
    const first = await started();
    const second = await repos.sessions.saveStep({
      ...base,
      sessionId: "later-session",
      expectedVersion: null,
      state: stateWith("later-session", { id: "other", version: 1 }, {}, { startedAt: at(100), updatedAt: at(100) }),
      questionnaire: { id: "other", version: 1 },
      events: [],
      now: at(100),
    });
    expect(second.status).toBe("saved");
    expect((await repos.sessions.active(base.respondentId))?.id).toBe("later-session");
    expect((await repos.sessions.latest(base.respondentId, questionnaire.id))?.id).toBe(first);
    expect(await repos.sessions.latest(base.respondentId, "missing")).toBeNull();

    expect(await repos.sessions.abandon("later-session", at(110))).toBe(true);
    expect(await repos.sessions.abandon("later-session", at(111))).toBe(false);
    expect(await repos.sessions.get("later-session")).toMatchObject({ status: "abandoned", version: 2 });
    expect((await repos.sessions.active(base.respondentId))?.id).toBe(first);
    const stale = await repos.sessions.saveStep({
      ...base,
      sessionId: "later-session",
      expectedVersion: 1,
      questionnaire: { id: "other", version: 1 },
      state: stateWith("later-session", { id: "other", version: 1 }, {}),
      events: [],
      now: at(120),
    });
    expect(stale).toEqual({ status: "conflict" });
  });

  it("records deliveries that change nothing else, and prunes old ones", async () => {
    expect(await repos.processedUpdates.wasProcessed("slack", "e1")).toBe(false);
    expect(await repos.processedUpdates.markProcessed("slack", "e1", at(0))).toBe(true);
    expect(await repos.processedUpdates.markProcessed("slack", "e1", at(1))).toBe(false);
    expect(await repos.processedUpdates.wasProcessed("slack", "e1")).toBe(true);
    expect(await repos.processedUpdates.wasProcessed("telegram", "e1")).toBe(false);
    await repos.processedUpdates.markProcessed("slack", "e2", at(100));

    expect(await repos.processedUpdates.prune(at(50), 10)).toBe(1);
    expect(await repos.processedUpdates.wasProcessed("slack", "e1")).toBe(false);
    expect(await repos.processedUpdates.wasProcessed("slack", "e2")).toBe(true);
  });

  it("prunes a backlog a bounded batch at a time, oldest first", async () => {
    for (let k = 0; k < 5; k++) await repos.processedUpdates.markProcessed("telegram", `old-${k}`, at(k));
    await repos.processedUpdates.markProcessed("telegram", "recent", at(100));

    expect(await repos.processedUpdates.prune(at(50), 2)).toBe(2);
    expect(await repos.processedUpdates.wasProcessed("telegram", "old-0")).toBe(false);
    expect(await repos.processedUpdates.wasProcessed("telegram", "old-1")).toBe(false);
    expect(await repos.processedUpdates.wasProcessed("telegram", "old-2")).toBe(true);
    expect(await repos.processedUpdates.prune(at(50), 2)).toBe(2);
    expect(await repos.processedUpdates.prune(at(50), 2)).toBe(1);
    expect(await repos.processedUpdates.prune(at(50), 2)).toBe(0);
    expect(await repos.processedUpdates.wasProcessed("telegram", "recent")).toBe(true);
  });
});
