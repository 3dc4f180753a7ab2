import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processedUpdates } from "../../db/schema";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { SLACK_SIGNING_SECRET } from "../helpers/product";
import { sendToSlackRoute, slashCommand, urlVerification } from "../helpers/slack";
import { buildWorker, removeBuild, startWorker, type LocalWorker, type WorkerBuild } from "../helpers/worker";

let build: WorkerBuild;
let botApi: FakeBotApi;
let worker: LocalWorker;

beforeAll(async () => {
  [build, botApi] = await Promise.all([buildWorker(), startFakeBotApi()]);
  worker = await startWorker({ build, botApi, vars: { SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-test-token" } });
});

afterAll(async () => {
  await worker?.close();
  await botApi?.close();
  if (build) removeBuild(build);
});

describe("Slack on the Worker", () => {
  it("checks Slack's signature with WebCrypto in workerd: the challenge is answered, forged and stale requests are refused", async () => {
    const verification = await sendToSlackRoute(worker.url, urlVerification("challenge-on-workers"));
    expect(verification.status).toBe(200);
    expect(await verification.json()).toEqual({ challenge: "challenge-on-workers" });

    const command = slashCommand("/samuh", "link SAMALKHA", { channel: "C0WORKER", user: "U0CDA0001" });
    expect((await sendToSlackRoute(worker.url, command, { secret: "forged" })).status).toBe(401);
    expect((await sendToSlackRoute(worker.url, command, { secret: null })).status).toBe(401);
    expect((await sendToSlackRoute(worker.url, command, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    expect(await worker.db.select().from(processedUpdates)).toEqual([]);
  });
});
