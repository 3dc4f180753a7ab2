import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignRoutes } from "../../admin/api/campaigns";
import { apiErrorHandler } from "../../admin/api/errors";
import { roleGuards, type ApiEnv } from "../../admin/auth/guard";
import { pino } from "pino";
import { consoleFixture, listUrl } from "../admin/fixtures";
import { seedCluster, seedRespondents } from "./fixtures";

let fixture: Awaited<ReturnType<typeof consoleFixture>>;
let api: Hono<ApiEnv>;
let wakes = 0;

beforeAll(async () => {
  fixture = await consoleFixture();
  api = new Hono<ApiEnv>();
  api.onError(apiErrorHandler(pino({ level: "silent" })));
  const routes = campaignRoutes(
    {
      db: fixture.db,
      clock: fixture.clock.now,
      newId: () => crypto.randomUUID(),
      defaults: { quietHours: { from: "21:00", until: "08:00" }, remindAfterDays: 3, maxReminders: 2 },
      wake: () => wakes++,
    },
    roleGuards(fixture.db, fixture.clock.now),
  );
  api.route("/campaigns", routes);
  await seedCluster(fixture.db, "api-cluster", { name: "Moradabad Brass" });
  await seedRespondents(fixture.db, "api-cluster", 12, { firstChatId: 70_000 });
});

afterAll(() => fixture.close());

function call(role: "admin" | "moderator" | "viewer", path: string, init: { method?: string; body?: unknown } = {}) {
  return api.request(path, {
    method: init.method ?? "GET",
    headers: { cookie: fixture.cookies[role], ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

describe("the campaigns API (ra-data-simple-rest)", () => {
  it("lets a moderator create a campaign for a cluster's respondents, with defaults for what is left out", async () => {
    const response = await call("moderator", "/campaigns", { method: "POST", body: { clusterId: "api-cluster", purpose: "score_card" } });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown> & { progress: { recipients: number; invitations: Record<string, number> } };
    expect(created).toMatchObject({ clusterId: "api-cluster", clusterName: "Moradabad Brass", purpose: "score_card", status: "active", quietFrom: "21:00", quietUntil: "08:00", remindAfterDays: 3, maxReminders: 2 });
    expect(created.progress.recipients).toBe(12);
    expect(created.progress.invitations.pending).toBe(12);
    expect(wakes).toBeGreaterThan(0);
  });

  it("refuses viewers, bad quiet hours and unknown clusters", async () => {
    expect((await call("viewer", "/campaigns", { method: "POST", body: { clusterId: "api-cluster", purpose: "score_card" } })).status).toBe(403);
    const badHours = await call("moderator", "/campaigns", { method: "POST", body: { clusterId: "api-cluster", purpose: "score_card", quietFrom: "25:00", quietUntil: "08:00" } });
    expect(badHours.status).toBe(400);
    const halfHours = await call("moderator", "/campaigns", { method: "POST", body: { clusterId: "api-cluster", purpose: "score_card", quietFrom: "22:00" } });
    expect(halfHours.status).toBe(400);
    const unknown = await call("moderator", "/campaigns", { method: "POST", body: { clusterId: "nowhere", purpose: "score_card" } });
    expect(unknown.status).toBe(400);
  });

  it("lists campaigns with Content-Range and progress, filtered by cluster", async () => {
    const response = await call("viewer", listUrl("/campaigns", { filter: { clusterId: "api-cluster" }, range: [0, 9], sort: ["createdAt", "DESC"] }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Range")).toMatch(/^campaigns 0-0\/1$/);
    const rows = (await response.json()) as { progress: { recipients: number } }[];
    expect(rows[0]?.progress.recipients).toBe(12);
  });

  it("pauses, resumes and cancels; a cancelled campaign settles what was waiting and stays cancelled", async () => {
    const [campaign] = (await (await call("viewer", "/campaigns")).json()) as { id: string }[];
    const path = `/campaigns/${campaign!.id}`;
    expect(((await (await call("moderator", path, { method: "PUT", body: { ...campaign, status: "paused" } })).json()) as { status: string }).status).toBe("paused");
    expect((await call("viewer", path, { method: "PUT", body: { status: "active" } })).status).toBe(403);
    const cancelled = (await (await call("moderator", path, { method: "PUT", body: { status: "cancelled" } })).json()) as {
      status: string;
      progress: { invitations: Record<string, number>; done: boolean };
    };
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.progress.invitations).toMatchObject({ pending: 0, skipped: 12 });
    expect(cancelled.progress.done).toBe(true);
    expect((await call("moderator", path, { method: "PUT", body: { status: "active" } })).status).toBe(409);
    expect((await call("viewer", "/campaigns/nope")).status).toBe(404);
  });
});
