import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterScore } from "../../core/scoring";
import { clusterRepository } from "../../db/repositories/clusters";
import { slackDailyThreads } from "../../db/schema/slack-threads";
import { openSqlite } from "../../db/sqlite";
import type { Completion } from "../../bot/conversation/journey";
import { createI18n } from "../../bot/i18n";
import { createLogger } from "../../bot/logger";
import { createSlackClient } from "../../bot/slack/app";
import { slackRepositories } from "../../bot/slack/deps";
import { dailyReport, dayIn } from "../../bot/slack/features/daily-report";
import { temporaryDatabasePath } from "../helpers/product";
import { startFakeSlackApi, textOf, type FakeSlackApi } from "../helpers/slack";

const CHANNEL = "C0REPORTS";

let slackApi: FakeSlackApi;
let storage: ReturnType<typeof openSqlite>;
let report: ReturnType<typeof dailyReport>;

const score = (counted: number, consolidated: number | null, provisional: boolean) =>
  ({ counted, consolidated, provisional }) as ClusterScore;

function completion(at: string, overrides: Partial<Completion> = {}): Completion {
  return {
    clusterId: "samalkha",
    responseSetId: `rs-${at}`,
    respondentId: `r-${at}`,
    stakeholderType: "supplier",
    channel: "telegram",
    collectedBy: null,
    score: score(3, 2.5, false),
    at,
    ...overrides,
  };
}

beforeAll(async () => {
  slackApi = await startFakeSlackApi();
  storage = openSqlite(temporaryDatabasePath());
  const clusters = clusterRepository(storage.db);
  const now = new Date().toISOString();
  await clusters.create({ id: "samalkha", name: "Samalkha foundry cluster", inviteCode: "SAMALKHA", timezone: "Asia/Kolkata", now });
  await clusters.create({ id: "quiet", name: "Quiet cluster", inviteCode: "QUIET", now });
  await clusters.linkSlackChannel("samalkha", CHANNEL, now);
  const logger = createLogger("silent");
  const deps = { db: storage.db, client: createSlackClient({ token: "xoxb-test", apiUrl: slackApi.url, logger }), i18n: await createI18n(), logger, clock: () => new Date() };
  report = dailyReport(deps, slackRepositories(storage.db));
});

afterAll(async () => {
  storage.close();
  await slackApi.close();
});

const threads = () => storage.db.select().from(slackDailyThreads).where(eq(slackDailyThreads.channelId, CHANNEL));
const repliesIn = (threadTs: string) => slackApi.callsOf("chat.postMessage", CHANNEL).filter((call) => call.args.thread_ts === threadTs);

describe("Slack: the daily report thread", () => {
  it("reads the day in the cluster's time zone", () => {
    expect(dayIn("Asia/Kolkata", "2026-11-23T18:29:59.000Z")).toBe("2026-11-23");
    expect(dayIn("Asia/Kolkata", "2026-11-23T18:30:00.000Z")).toBe("2026-11-24");
  });

  it("puts a day's completions under one parent message, one reply each", async () => {
    await report(completion("2026-11-23T04:00:00.000Z"));
    await report(completion("2026-11-23T18:00:00.000Z", { channel: "slack", collectedBy: "U0CDA0001", stakeholderType: "worker", score: score(4, 2.61, false) }));
    const [day] = await threads();
    expect(day?.day).toBe("2026-11-23");
    const parents = slackApi.callsOf("chat.postMessage", CHANNEL).filter((call) => call.args.thread_ts === undefined);
    expect(parents.map((call) => call.response.ts)).toEqual([day?.threadTs]);
    expect(textOf(parents[0]?.args.blocks)).toBe("*Samalkha foundry cluster*: answers received on 2026-11-23");
    const replies = repliesIn(day!.threadTs);
    expect(replies.map((call) => textOf(call.args.blocks))).toEqual([
      "Supplier of raw material finished the score card on Telegram.\nCounted responses: 3. Cluster score: *2.50* of 5.",
      "Worker or workers' representative finished the score card in an interview.\nInterview by <@U0CDA0001>.\nCounted responses: 4. Cluster score: *2.61* of 5.",
    ]);
  });

  it("opens a new thread when the cluster's day changes", async () => {
    await report(completion("2026-11-23T18:45:00.000Z", { score: score(2, 2.4, true) }));
    const days = await threads();
    expect(days.map((row) => row.day).sort()).toEqual(["2026-11-23", "2026-11-24"]);
    const next = days.find((row) => row.day === "2026-11-24")!;
    expect(textOf(repliesIn(next.threadTs)[0]?.args.blocks)).toContain("Cluster score: *2.40* of 5 (provisional).");
  });

  it("keeps one thread when two completions open a day at once, removing the extra parent", async () => {
    await Promise.all([report(completion("2026-11-26T05:00:00.000Z")), report(completion("2026-11-26T05:00:01.000Z"))]);
    const day = (await threads()).filter((row) => row.day === "2026-11-26");
    expect(day).toHaveLength(1);
    expect(repliesIn(day[0]!.threadTs)).toHaveLength(2);
    const parents = slackApi.callsOf("chat.postMessage", CHANNEL).filter((call) => textOf(call.args.blocks).includes("2026-11-26") && call.args.thread_ts === undefined);
    const deleted = slackApi.callsOf("chat.delete", CHANNEL).map((call) => call.args.ts);
    expect(parents.map((call) => call.response.ts).filter((ts) => !deleted.includes(ts))).toEqual([day[0]!.threadTs]);
  });

  it("says nothing for a cluster without a channel, and never throws when Slack fails", async () => {
    const before = slackApi.calls.length;
    await report(completion("2026-11-23T05:00:00.000Z", { clusterId: "quiet" }));
    expect(slackApi.calls.length).toBe(before);
    const logger = createLogger("silent");
    const unreachable = dailyReport(
      { db: storage.db, client: createSlackClient({ token: "xoxb-test", apiUrl: "http://127.0.0.1:9/api/", logger }), i18n: await createI18n(), logger, clock: () => new Date() },
      slackRepositories(storage.db),
    );
    await expect(unreachable(completion("2026-11-30T05:00:00.000Z"))).resolves.toBeUndefined();
  });
});
