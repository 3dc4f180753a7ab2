import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORE_ISSUES, TEMPLATES } from "../../core/scoring";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import { schemeRepository } from "../../db/repositories/schemes";
import { answers, clusterScores, responseSets, sessions } from "../../db/schema";
import { clusterPlanSchemes } from "../../db/schema/cluster-plans";
import { slackDailyThreads } from "../../db/schema/slack-threads";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, type Product } from "../helpers/product";
import {
  appMention,
  buttonTap,
  buttonsOf,
  sendToSlackRoute,
  slashCommand,
  startFakeSlackApi,
  textOf,
  threadMessage,
  type Delivery,
  type FakeSlackApi,
  type SlackApiCall,
} from "../helpers/slack";

/** SPEC §10's two respondents, issue by issue in the guide's order. */
const R1 = {
  existence: [4, 2, 3, 5, 4, 1, 2],
  intensity: [3, 1, 2, 4, 5, 0, 2],
  efforts: [5, 5, 4, 2, 3, 5, 5],
};
const R2 = {
  existence: [2, 2, 5, 3, 4, 3, 0],
  intensity: [3, 3, 2, 4, 3, 2, 0],
  efforts: [3, 5, 4, 4, 1, 5, 3],
};
const ECONOMIC = { value_chain_importance: 4, raw_materials: 3, turnover: 2, exports: 1, employment: 5 };

const CDA = "U0CDA0001";
const CHANNEL = "C0SAMALKHA";

let botApi: FakeBotApi;
let slackApi: FakeSlackApi;
let product: Product;

beforeAll(async () => {
  botApi = await startFakeBotApi();
  slackApi = await startFakeSlackApi();
  product = await startProduct({ botApi, slackApi });
  await clusterRepository(product.db).create({
    id: "samalkha",
    name: "Samalkha foundry cluster",
    inviteCode: "SAMALKHA",
    profile: {
      ...Object.fromEntries(Object.entries(ECONOMIC).map(([parameter, rating]) => [`economic.${parameter}`, rating])),
      women_percent: 10,
    },
    now: new Date().toISOString(),
  });
  await send(slashCommand("/samuh", "link SAMALKHA", { channel: CHANNEL, user: CDA }));
});

afterAll(async () => {
  await product.close();
  await slackApi.close();
  await botApi.close();
});

async function send(delivery: Delivery) {
  const response = await sendToSlackRoute(product.url, delivery);
  expect(response.status).toBe(200);
  await product.services.slack?.receiver.drain();
}

const posted = (predicate: (call: SlackApiCall) => boolean) => slackApi.callsOf("chat.postMessage").filter(predicate);
const lastIn = (threadTs: string) => {
  const last = posted((call) => call.args.thread_ts === threadTs).at(-1);
  if (!last) throw new Error(`nothing posted in thread ${threadTs}`);
  return last;
};

/** Taps, in the thread's last message, the button whose value is `value`, as the CDA would. */
async function tap(threadTs: string, value: string, user = CDA) {
  const message = lastIn(threadTs);
  const button = buttonsOf(message.args.blocks).find((candidate) => candidate.value === value);
  expect(button, `button ${value} in: ${textOf(message.args.blocks)}`).toBeDefined();
  await send(
    buttonTap({ channel: CHANNEL, user }, { ts: String(message.response.ts), threadTs, blocks: message.args.blocks ?? [] }, button!),
  );
}

/** `/samuh interview`, then the person's consent: returns the interview's thread. */
async function startInterview(): Promise<string> {
  await send(slashCommand("/samuh", "interview", { channel: CHANNEL, user: CDA }));
  const consent = posted((call) => call.args.channel === CHANNEL && textOf(call.args.blocks).includes("*Interview* started")).at(-1);
  expect(textOf(consent?.args.blocks)).toContain("Before any question, read this to the person");
  const agree = buttonsOf(consent?.args.blocks).find((button) => button.text === "The person agrees");
  const threadTs = String(consent?.response.ts);
  await send(buttonTap({ channel: CHANNEL, user: CDA }, { ts: threadTs, blocks: consent?.args.blocks ?? [] }, agree!));
  return threadTs;
}

async function interview(ratings: typeof R1): Promise<string> {
  const threadTs = await startInterview();
  await tap(threadTs, "a|language|en");
  await tap(threadTs, "a|stakeholder_type|worker");
  await tap(threadTs, "a|consent|yes");
  for (const [index, issue] of CORE_ISSUES.entries()) {
    for (const template of TEMPLATES) await tap(threadTs, `a|${issue}.${template}|${ratings[template][index]}`);
  }
  await tap(threadTs, "a|optional_issues|no");
  return threadTs;
}

describe("Slack: a CDA interviews someone who cannot type", () => {
  let threadTs: string;

  it("asks for consent first and stores nothing about a person who declines", async () => {
    const people = async () => (await product.db.select().from(sessions)).length;
    const before = await people();
    await send(slashCommand("/samuh", "interview", { channel: CHANNEL, user: CDA }));
    const consent = posted((call) => call.args.channel === CHANNEL).at(-1);
    const decline = buttonsOf(consent?.args.blocks).find((button) => button.text === "The person does not agree");
    await send(buttonTap({ channel: CHANNEL, user: CDA }, { ts: String(consent?.response.ts), blocks: consent?.args.blocks ?? [] }, decline!));
    const update = slackApi.callsOf("chat.update", CHANNEL).at(-1);
    expect(update?.args.ts).toBe(consent?.response.ts);
    expect(textOf(update?.args.blocks)).toContain("Nothing about them was stored");
    expect(buttonsOf(update?.args.blocks)).toEqual([]);
    expect(await people()).toBe(before);
    expect(await respondentRepository(product.db).byIdentity("slack", `interview:${CHANNEL}:${consent?.response.ts}`)).toBeNull();
  });

  it("runs the registration and the score card in the thread with buttons, to the cluster's score", async () => {
    threadTs = await interview(R1);
    const summary = lastIn(threadTs);
    expect(textOf(summary.args.blocks)).toContain("The score appears when 3 have answered");
    // Each answered message keeps its answer in place of its buttons.
    const updates = slackApi.callsOf("chat.update", CHANNEL).filter((call) => textOf(call.args.blocks).includes(`(<@${CDA}>)`));
    expect(updates.length).toBe(3 + 21 + 1);
    expect(updates.every((call) => buttonsOf(call.args.blocks).length === 0)).toBe(true);
  });

  it("attributes the answers to a new respondent for the interviewee, collected by the CDA", async () => {
    const found = await respondentRepository(product.db).byIdentity("slack", `interview:${CHANNEL}:${threadTs}`);
    expect(found?.respondent.clusterId).toBe("samalkha");
    expect(found?.respondent.stakeholderType).toBe("worker");
    expect(found?.respondent.consentAt).not.toBeNull();
    const theirs = await product.db.select().from(sessions).where(eq(sessions.respondentId, found!.respondent.id));
    expect(theirs.map((session) => [session.questionnaireId, session.status, session.channel, session.collectedBy])).toEqual(
      expect.arrayContaining([
        ["registration", "completed", "slack", CDA],
        ["score_card", "completed", "slack", CDA],
      ]),
    );
    const scoreCard = theirs.find((session) => session.questionnaireId === "score_card")!;
    const stored = await product.db.select().from(answers).where(eq(answers.responseSetId, scoreCard.id));
    const expected = Object.fromEntries(
      CORE_ISSUES.flatMap((issue, index) => TEMPLATES.map((template) => [`${issue}.${template}`, R1[template][index]])),
    );
    expect(Object.fromEntries(stored.filter((row) => row.itemId in expected).map((row) => [row.itemId, row.value]))).toEqual(expected);
    const [set] = await product.db.select().from(responseSets).where(eq(responseSets.id, scoreCard.id));
    expect(set?.clusterId).toBe("samalkha");
    // The CDA is not a respondent: only the interviewee is.
    expect(await respondentRepository(product.db).byIdentity("slack", CDA)).toBeNull();
  });

  it("updates the cluster score with a second interview, to SPEC §10's numbers", async () => {
    await interview(R2);
    const [score] = await product.db.select().from(clusterScores).where(eq(clusterScores.clusterId, "samalkha"));
    expect(score?.consolidated).toBeCloseTo(2.55, 9);
    expect(score?.countedRespondents).toBe(2);
    expect(score?.mapCell).toBe(5);
  });

  it("takes a typed answer in the thread for a question without buttons", async () => {
    const typedThread = await startInterview();
    await tap(typedThread, "a|language|en");
    await tap(typedThread, "a|stakeholder_type|core_firm_owner");
    expect(textOf(lastIn(typedThread).args.blocks)).toMatch(/name/i);
    await send(threadMessage({ channel: CHANNEL, user: CDA, ts: "1767200000.000001", threadTs: typedThread }, "Shakti Castings"));
    const found = await respondentRepository(product.db).byIdentity("slack", `interview:${CHANNEL}:${typedThread}`);
    const [registration] = await product.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.respondentId, found!.respondent.id), eq(sessions.questionnaireId, "registration")));
    expect(registration?.state.answers.enterprise_name?.value).toBe("Shakti Castings");
    // Chatter in a thread that is not an interview is left alone.
    const before = slackApi.calls.length;
    await send(threadMessage({ channel: CHANNEL, user: CDA, ts: "1767200000.000002", threadTs: "1767000000.999999" }, "tea at 4?"));
    expect(slackApi.calls.length).toBe(before);
  });
});

describe("Slack: an interview in a direct message", () => {
  it("joins the cluster named by the invite code once the person agrees", async () => {
    const dm = "D0CDA0001";
    await send(slashCommand("/samuh", "interview samalkha", { channel: dm, user: CDA }));
    const consent = posted((call) => call.args.channel === dm).at(-1);
    const agree = buttonsOf(consent?.args.blocks).find((button) => button.text === "The person agrees");
    const threadTs = String(consent?.response.ts);
    await send(buttonTap({ channel: dm, user: CDA }, { ts: threadTs, blocks: consent?.args.blocks ?? [] }, agree!));
    const first = posted((call) => call.args.channel === dm && call.args.thread_ts === threadTs).at(-1);
    expect(textOf(first?.args.blocks)).toContain("You are now in: Samalkha foundry cluster");
    const found = await respondentRepository(product.db).byIdentity("slack", `interview:${dm}:${threadTs}`);
    expect(found?.respondent.clusterId).toBe("samalkha");
  });
});

describe("Slack: the channel's daily report and the cluster summary", () => {
  it("reports completed response sets as replies in one thread for the day", async () => {
    const threads = await product.db.select().from(slackDailyThreads).where(eq(slackDailyThreads.channelId, CHANNEL));
    expect(threads).toHaveLength(1);
    const parentTs = threads[0]!.threadTs;
    const parents = posted((call) => call.args.channel === CHANNEL && textOf(call.args.blocks).includes("answers received on"));
    expect(parents.map((call) => call.response.ts)).toEqual([parentTs]);
    const replies = posted((call) => call.args.thread_ts === parentTs);
    expect(replies).toHaveLength(2);
    expect(textOf(replies[0]?.args.blocks)).toContain("Worker or workers' representative finished the score card in an interview");
    expect(textOf(replies[0]?.args.blocks)).toContain(`Interview by <@${CDA}>`);
    expect(textOf(replies[1]?.args.blocks)).toContain("Cluster score: *2.55* of 5 (provisional)");
  });

  it("sums up the linked cluster with its score, criteria, classes, map cell, priorities and a console link", async () => {
    await send(slashCommand("/samuh", "summary", { channel: CHANNEL, user: CDA }));
    const summary = textOf(posted((call) => call.args.channel === CHANNEL && call.args.thread_ts === undefined).at(-1)?.args.blocks);
    expect(summary).toContain("*Samalkha foundry cluster*");
    expect(summary).toContain("Consolidated score: *2.55* of 5");
    expect(summary).toContain("Provisional: fewer than 3 counted respondents");
    expect(summary).toContain("Awareness: *2.86*");
    expect(summary).toContain("Intensity: *2.43*");
    expect(summary).toContain("Engagement: *1.14*");
    expect(summary).toContain("Economic importance: *3.00*");
    expect(summary).toContain("*1EL* Labour: Engaged: low");
    expect(summary).toContain("*2EL* Environment and energy: Engaged: low");
    expect(summary).toContain("cell 5, priority no. 4");
    expect(summary).toContain("1. Working conditions and child labour (2.40)");
    expect(summary).toContain("2 counted, 0 excluded");
    expect(summary).toContain("<https://samuh.example.org/admin/#/clusters/samalkha/show|");
  });
});

describe("Slack: schemes in a thread", () => {
  const mentionTs = "1767300000.000100";

  it("answers a mention in the thread with schemes ranked for the cluster's priorities, saying why", async () => {
    await send(appMention({ channel: CHANNEL, user: CDA, ts: mentionTs, threadTs: "1767300000.000001" }, "child labour"));
    const answer = lastIn("1767300000.000001");
    const text = textOf(answer.args.blocks);
    expect(text).toContain("Schemes for “child labour”");
    expect(text).toContain("Why:");
    expect(text).toContain("It works on your cluster's priority no. 1: working conditions and child labour");
    expect(buttonsOf(answer.args.blocks).filter((button) => button.text === "Save to the cluster plan").length).toBeGreaterThan(0);
  });

  it("pages on with “more” in the same thread", async () => {
    const thread = "1767300000.000200";
    await send(appMention({ channel: CHANNEL, user: CDA, ts: "1767300000.000201", threadTs: thread }, "health insurance"));
    const first = lastIn(thread);
    expect(textOf(first.args.blocks)).toMatch(/Schemes for “health insurance”: \d+ found/);
    const more = buttonsOf(first.args.blocks).find((button) => button.text === "More");
    expect(more).toBeDefined();
    await send(buttonTap({ channel: CHANNEL, user: CDA }, { ts: String(first.response.ts), threadTs: thread, blocks: first.args.blocks ?? [] }, more!));
    const second = lastIn(thread);
    expect(second).not.toBe(first);
    expect(textOf(second.args.blocks)).toMatch(/^\*6\. /m);
    expect(textOf(second.args.blocks)).not.toMatch(/^\*1\. /m);
  });

  it("saves a scheme to the cluster plan once", async () => {
    const thread = "1767300000.000001";
    const answer = lastIn(thread);
    const save = buttonsOf(answer.args.blocks).find((button) => button.text === "Save to the cluster plan")!;
    const tapSave = () =>
      send(buttonTap({ channel: CHANNEL, user: CDA }, { ts: String(answer.response.ts), threadTs: thread, blocks: answer.args.blocks ?? [] }, save));
    await tapSave();
    expect(textOf(lastIn(thread).args.blocks)).toContain(`<@${CDA}> saved`);
    await tapSave();
    expect(textOf(slackApi.callsOf("chat.postEphemeral", CHANNEL).at(-1)?.args.blocks)).toContain("is already on the plan");
    const plan = await product.db.select().from(clusterPlanSchemes).where(eq(clusterPlanSchemes.clusterId, "samalkha"));
    expect(plan).toEqual([expect.objectContaining({ schemeId: save.value, addedBy: `slack:${CDA}` })]);
    await send(slashCommand("/samuh", "summary", { channel: CHANNEL, user: CDA }));
    const summary = textOf(posted((call) => call.args.channel === CHANNEL && call.args.thread_ts === undefined).at(-1)?.args.blocks);
    expect(summary).toContain(`On the cluster plan: ${(await schemeRepository(product.db).get(save.value))?.name}`);
  });

  it("answers /schemes in the channel, and without the cluster's ranking where no cluster is linked", async () => {
    await send(slashCommand("/schemes", "energy audit", { channel: "C0UNLINKED", user: CDA }));
    const answer = posted((call) => call.args.channel === "C0UNLINKED").at(-1);
    const text = textOf(answer?.args.blocks);
    expect(text).toContain("Schemes for “energy audit”");
    expect(text).not.toContain("your cluster's priority");
    expect(buttonsOf(answer?.args.blocks).some((button) => button.text === "Save to the cluster plan")).toBe(false);
  });
});
