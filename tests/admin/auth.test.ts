import { afterEach, describe, expect, it } from "vitest";
import { ensureFirstAdmin } from "../../admin/auth/first-admin";
import { hashPassword, needsRehash, verifyPassword } from "../../admin/auth/password";
import { lockDuration } from "../../admin/auth/login-throttle";
import { consoleUserRepository } from "../../db/repositories/console-users";
import { PASSWORD, START, consoleFixture, temporaryDatabase, uniqueId } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture | undefined;
afterEach(() => fixture?.close());

function login(f: Fixture, email: string, password: string, url = "/auth/login") {
  return f.api.request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
}

describe("passwords", () => {
  it("are stored as PBKDF2-SHA256 with their parameters, a per-user salt, and verified", async () => {
    const first = await hashPassword("correct horse battery staple");
    const second = await hashPassword("correct horse battery staple");
    expect(first).toMatch(/^\$pbkdf2-sha256\$i=210000,p=3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse battery staple", first)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", first)).toBe(false);
    expect(await verifyPassword("anything", "not a hash")).toBe(false);
  });

  it("made with fewer iterations than today's are marked for an upgrade", async () => {
    const weak = await hashPassword("correct horse battery staple", 1000);
    expect(await verifyPassword("correct horse battery staple", weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword("x"))).toBe(false);
  });
});

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie for 12 hours and stores only the token's hash", async () => {
    fixture = await consoleFixture();
    const response = await login(fixture, "ADMIN@example.org ", PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: "admin@example.org", role: "admin" });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).toMatch(/Path=\/api/);
    expect(cookie).not.toMatch(/Secure/);
    const token = cookie.split(";")[0]?.split("=")[1] ?? "";
    const stored = fixture.sqlite.prepare("select token_hash from console_sessions").all() as { token_hash: string }[];
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it("marks the cookie Secure over HTTPS", async () => {
    fixture = await consoleFixture();
    const response = await login(fixture, "admin@example.org", PASSWORD, "https://console.example.org/auth/login");
    expect(response.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("answers an unknown address and a wrong password alike", async () => {
    fixture = await consoleFixture();
    const unknown = await login(fixture, "nobody@example.org", PASSWORD);
    const wrong = await login(fixture, "admin@example.org", "not the password");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it("tells who is signed in, and signing out ends the session", async () => {
    fixture = await consoleFixture();
    const me = await fixture.call("moderator", "/auth/me");
    expect(await me.json()).toMatchObject({ email: "mod@example.org", role: "moderator" });
    expect(me.headers.get("set-cookie")).toBeNull();
    expect((await fixture.call("moderator", "/auth/logout", { method: "POST" })).status).toBe(200);
    expect((await fixture.call("moderator", "/auth/me")).status).toBe(401);
  });

  it("expires sessions after 12 hours", async () => {
    fixture = await consoleFixture();
    fixture.clock.advance(12 * 60 * 60_000 - 1000);
    expect((await fixture.call("viewer", "/auth/me")).status).toBe(200);
    fixture.clock.advance(2000);
    expect((await fixture.call("viewer", "/auth/me")).status).toBe(401);
  });

  it("locks an address after five failures, with a Retry-After that grows", async () => {
    fixture = await consoleFixture();
    for (let i = 0; i < 5; i++) expect((await login(fixture, "viewer@example.org", "wrong")).status).toBe(401);
    const locked = await login(fixture, "viewer@example.org", PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("30");
    expect((await locked.json()).message).toMatch(/Try again in 30 seconds/);

    fixture.clock.advance(31_000);
    expect((await login(fixture, "viewer@example.org", "wrong again")).status).toBe(401);
    const longer = await login(fixture, "viewer@example.org", PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.headers.get("retry-after")).toBe("60");

    fixture.clock.advance(61_000);
    expect((await login(fixture, "viewer@example.org", PASSWORD)).status).toBe(200);
    expect((await login(fixture, "viewer@example.org", "wrong")).status).toBe(401);
  });

  it("locks unknown addresses too, so a lock does not reveal who has an account", async () => {
    fixture = await consoleFixture();
    for (let i = 0; i < 5; i++) await login(fixture, "ghost@example.org", "guess");
    expect((await login(fixture, "ghost@example.org", "guess")).status).toBe(429);
  });

  it("locks a client address that guesses across many accounts", async () => {
    fixture = await consoleFixture();
    const from = (email: string, password: string) =>
      fixture!.api.request("/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.9" },
        body: JSON.stringify({ email, password }),
      });
    for (let i = 0; i < 5; i++) expect((await from(`guess${i}@example.org`, "guess")).status).toBe(401);
    expect((await from("admin@example.org", PASSWORD)).status).toBe(429);
    expect((await login(fixture, "admin@example.org", PASSWORD)).status).toBe(200);
  });

  it("grows the lock from 30 seconds and caps it at an hour", () => {
    expect([4, 5, 6, 7].map(lockDuration)).toEqual([0, 30_000, 60_000, 120_000]);
    expect(lockDuration(40)).toBe(3_600_000);
  });

  it("refuses disabled accounts with the same answer as a wrong password", async () => {
    fixture = await consoleFixture();
    await consoleUserRepository(fixture.db).update(fixture.ids.viewer, { disabledAt: START.toISOString() });
    const response = await login(fixture, "viewer@example.org", PASSWORD);
    expect(response.status).toBe(401);
    expect((await response.json()).message).toBe("Wrong e-mail address or password.");
    expect((await fixture.call("viewer", "/auth/me")).status).toBe(401);
  });

  it("upgrades a weak stored hash at the next sign-in", async () => {
    fixture = await consoleFixture();
    await consoleUserRepository(fixture.db).update(fixture.ids.viewer, { passwordHash: await hashPassword(PASSWORD, 1000) });
    expect((await login(fixture, "viewer@example.org", PASSWORD)).status).toBe(200);
    const user = await consoleUserRepository(fixture.db).get(fixture.ids.viewer);
    expect(user?.passwordHash).toMatch(/i=210000/);
  });

  it("refuses a malformed login body with 400", async () => {
    fixture = await consoleFixture();
    const response = await fixture.api.request("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe("The request body must be JSON.");
    const missing = await fixture.call(null, "/auth/login", { method: "POST", body: { email: "a@b.c" } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toMatch(/password/);
  });
});

describe("the first admin", () => {
  it("is created from ADMIN_EMAIL and ADMIN_PASSWORD once, and never overwritten", async () => {
    const storage = temporaryDatabase();
    try {
      const env = { ADMIN_EMAIL: "Boss@Example.org", ADMIN_PASSWORD: "first admin passphrase" };
      const newId = () => uniqueId("user");
      expect(await ensureFirstAdmin(storage.db, {}, START.toISOString(), newId)).toBe("not_configured");
      expect(await ensureFirstAdmin(storage.db, env, START.toISOString(), newId)).toBe("created");
      expect(await ensureFirstAdmin(storage.db, { ...env, ADMIN_PASSWORD: "another passphrase" }, START.toISOString(), newId)).toBe("admin_exists");
      const admin = await consoleUserRepository(storage.db).byEmail("boss@example.org");
      expect(admin?.role).toBe("admin");
      expect(await verifyPassword("first admin passphrase", admin?.passwordHash ?? "")).toBe(true);
      const audit = storage.sqlite.prepare("select actor, action from audit_log").all();
      expect(audit).toEqual([{ actor: "system", action: "console_user.create" }]);
      const fresh = temporaryDatabase();
      await expect(ensureFirstAdmin(fresh.db, { ADMIN_EMAIL: "a@b.org", ADMIN_PASSWORD: "short" }, START.toISOString(), newId)).rejects.toThrow(/ADMIN_PASSWORD: Use at least 12 characters/);
      fresh.close();
    } finally {
      storage.close();
    }
  });
});
