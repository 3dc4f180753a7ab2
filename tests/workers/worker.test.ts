import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { textMessage, user } from "../helpers/telegram-updates";
import { ASSETS, buildWorker, removeBuild, startWorker, type LocalWorker, type WorkerBuild } from "../helpers/worker";

let build: WorkerBuild;
let botApi: FakeBotApi;

beforeAll(async () => {
  [build, botApi] = await Promise.all([buildWorker(), startFakeBotApi()]);
});

afterAll(async () => {
  await botApi?.close();
  if (build) removeBuild(build);
});

describe("the Worker, configured as wrangler.toml deploys it", () => {
  let worker: LocalWorker;
  beforeAll(async () => {
    worker = await startWorker({ build, botApi });
  });
  afterAll(() => worker?.close());

  it("answers /health after a round trip to D1", async () => {
    const response = await fetch(`${worker.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves the console's files under /admin and keeps the Worker's routes its own", async () => {
    const page = await fetch(`${worker.url}/admin/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(ASSETS["admin/index.html"]);
    // A file named like a Worker route does not shadow it.
    expect(await (await fetch(`${worker.url}/health`)).json()).toEqual({ status: "ok" });
    // The single-page app's own routes survive a reload; a missing build file is not a page.
    const route = await fetch(`${worker.url}/admin/clusters/samalkha/show`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(ASSETS["admin/index.html"]);
    expect((await fetch(`${worker.url}/admin/assets/index-gone.js`)).status).toBe(404);
    // Whatever neither holds is the Worker's JSON 404, not an asset-store page.
    const unknown = await fetch(`${worker.url}/no-such-page`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/json");
  });

  it("asks Telegram who the bot is once per isolate, not once per update", async () => {
    const person = user(930001);
    for (const text of ["/help", "/privacy", "/help"]) expect((await worker.deliver(textMessage(person, text))).status).toBe(200);
    expect(botApi.calls.filter((call) => call.method === "getMe")).toHaveLength(1);
  });
});

describe("a Worker that cannot serve", () => {
  it("refuses to start Telegram without a webhook, naming what to set", async () => {
    const worker = await startWorker({ build, botApi, vars: { PUBLIC_URL: undefined } });
    try {
      const response = await worker.deliver(textMessage(user(930002), "/start SAMALKHA"));
      expect(response.status).toBe(500);
      expect((await fetch(`${worker.url}/health`)).status).toBe(500);
      // workerd's output reaches the test through a pipe, a moment after the response.
      await vi.waitFor(() => expect(worker.logs.join("")).toContain("Telegram runs by webhook only on Workers"));
    } finally {
      await worker.close();
    }
  });

  it("creates the first console admin from its secrets, who can then sign in to the API", async () => {
    const password = "a long enough passphrase";
    const worker = await startWorker({ build, botApi, vars: { ADMIN_EMAIL: "admin@example.org", ADMIN_PASSWORD: password } });
    try {
      const signIn = (secret: string) =>
        fetch(`${worker.url}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "admin@example.org", password: secret }),
        });
      expect((await signIn("not the password")).status).toBe(401);
      const response = await signIn(password);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ role: "admin" });
    } finally {
      await worker.close();
    }
  });

  it("answers 500 on a database nobody migrated, so Telegram retries, and logs why as one record", async () => {
    const worker = await startWorker({ build, botApi, state: build.emptyState });
    try {
      expect((await worker.deliver(textMessage(user(930003), "/start SAMALKHA"))).status).toBe(500);
      await vi.waitFor(() => expect(worker.logs.join("")).toContain("Failed query"));
      const log = worker.logs.join("");
      expect(log).toMatch(/level: 50/);
      expect(log).toMatch(/msg: 'request failed'/);
    } finally {
      await worker.close();
    }
  });
});
