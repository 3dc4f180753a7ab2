import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleFixture, listUrl } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;
beforeAll(async () => {
  fixture = await consoleFixture();
});
afterAll(() => fixture.close());

describe("console users", () => {
  it("are created by admins, with the password never shown back", async () => {
    const response = await fixture.call("admin", "/users", { method: "POST", body: { email: "CDA@Example.org", name: "Asha", role: "moderator", password: "twelve chars or more" } });
    expect(response.status).toBe(201);
    const user = await response.json();
    expect(user).toEqual({ id: expect.any(String), email: "cda@example.org", name: "Asha", role: "moderator", createdAt: expect.any(String), disabledAt: null, disabled: false });
    const list = await fixture.call("admin", listUrl("/users", { filter: { role: "moderator" }, sort: ["email", "ASC"] }));
    expect(list.headers.get("content-range")).toBe("users 0-1/2");
    expect(JSON.stringify(await list.json())).not.toMatch(/pbkdf2/);
    const duplicate = await fixture.call("admin", "/users", { method: "POST", body: { email: "cda@example.org", name: "Again", role: "viewer", password: "twelve chars or more" } });
    expect(duplicate.status).toBe(409);
    const weak = await fixture.call("admin", "/users", { method: "POST", body: { email: "x@example.org", name: "X", role: "viewer", password: "short" } });
    expect(weak.status).toBe(400);
    expect((await weak.json()).message).toMatch(/password: Use at least 12 characters/);
  });

  it("are changed with before and after in the audit log; disabling ends their sessions", async () => {
    const response = await fixture.call("admin", `/users/${fixture.ids.viewer}`, { method: "PUT", body: { name: "Vijay", role: "moderator", email: "ignored@example.org" } });
    expect(await response.json()).toMatchObject({ name: "Vijay", role: "moderator", email: "viewer@example.org" });
    const entry = fixture.sqlite.prepare("select before, after from audit_log where action = 'console_user.update'").get() as { before: string; after: string };
    expect(JSON.parse(entry.before)).toMatchObject({ role: "viewer", name: "The viewer" });
    expect(JSON.parse(entry.after)).toMatchObject({ role: "moderator", name: "Vijay" });
    expect(entry.after).not.toMatch(/pbkdf2/);

    expect((await fixture.call("viewer", "/auth/me")).status).toBe(200);
    expect((await fixture.call("admin", `/users/${fixture.ids.viewer}`, { method: "DELETE" })).status).toBe(200);
    expect((await fixture.call("viewer", "/auth/me")).status).toBe(401);
  });

  it("always keep one active admin", async () => {
    const demote = await fixture.call("admin", `/users/${fixture.ids.admin}`, { method: "PUT", body: { role: "viewer" } });
    expect(demote.status).toBe(409);
    expect((await demote.json()).message).toMatch(/last active admin/);
    expect((await fixture.call("admin", `/users/${fixture.ids.admin}`, { method: "DELETE" })).status).toBe(409);
  });
});

describe("the audit log", () => {
  it("lists who did what, newest first, filtered by action or entity", async () => {
    const response = await fixture.call("admin", listUrl("/audit-log", { filter: { entity: "console_user", action: "console_user.create" }, range: [0, 9] }));
    expect(response.status).toBe(200);
    const rows = (await response.json()) as { id: number; actor: string; after: { email: string } }[];
    expect(rows[0]?.after.email).toBe("cda@example.org");
    expect(rows[0]?.actor).toBe(`user:${fixture.ids.admin}`);
    expect(rows.map((row) => row.id)).toEqual([...rows.map((row) => row.id)].sort((a, b) => b - a));
    const bad = await fixture.call("admin", listUrl("/audit-log", { filter: { since: "yesterday" } }));
    expect(bad.status).toBe(400);
  });
});

describe("the methodology", () => {
  it("names the scoring scheme in use", async () => {
    const response = await fixture.call("moderator", "/methodology");
    expect(await response.json()).toMatchObject({ scheme: { name: "guide", engagementMethod: "linear", weights: { economic: 0.4 } }, priorityCells: [9, 8, 6, 5] });
  });
});
