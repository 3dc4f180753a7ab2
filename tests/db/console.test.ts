import { beforeEach, describe, expect, it } from "vitest";
import { GUIDE_SCHEME } from "../../core/scoring";
import { createRepositories, type Repositories } from "../../db";
import type { Database } from "../../db/database";
import { at } from "./fixtures";
import { testDrivers } from "./drivers";

describe.each(testDrivers())("console storage on $name", (driver) => {
  let db: Database;
  let repos: Repositories;

  beforeEach(async () => {
    db = await driver.open();
    repos = createRepositories(db);
  });

  const user = (id: string, email: string, role: "admin" | "moderator" | "viewer" = "moderator") =>
    repos.consoleUsers.create({ id, email, name: id, role, passwordHash: "hash", now: at(0) });

  it("keeps one account per e-mail address in any case", async () => {
    expect((await user("u1", "Asha@Example.org")).status).toBe("created");
    expect((await repos.consoleUsers.byEmail("asha@example.ORG"))?.id).toBe("u1");
    expect(await user("u2", "ASHA@example.org")).toEqual({ status: "email_taken" });

    await user("u3", "ravi@example.org", "viewer");
    await repos.consoleUsers.update("u3", { role: "admin", disabledAt: at(5) });
    expect((await repos.consoleUsers.list({ filter: { role: "admin" } })).rows.map((u) => u.id)).toEqual(["u3"]);
    expect((await repos.consoleUsers.list({ filter: { disabled: false } })).rows.map((u) => u.id)).toEqual(["u1"]);
    expect((await repos.consoleUsers.list({ filter: { q: "RAVI" } })).total).toBe(1);
  });

  it("serves a session until it expires or its user is disabled", async () => {
    await user("u1", "asha@example.org");
    await repos.consoleSessions.create({ tokenHash: "t1", userId: "u1", now: at(0), expiresAt: at(3600) });
    await repos.consoleSessions.create({ tokenHash: "t2", userId: "u1", now: at(0), expiresAt: at(60) });
    expect((await repos.consoleSessions.get("t1", at(10)))?.user.email).toBe("asha@example.org");
    expect(await repos.consoleSessions.get("t1", at(3600))).toBeNull();

    expect(await repos.consoleSessions.deleteExpired(at(100))).toBe(1);
    expect(await repos.consoleSessions.get("t2", at(10))).toBeNull();

    await repos.consoleUsers.update("u1", { disabledAt: at(20) });
    expect(await repos.consoleSessions.get("t1", at(30))).toBeNull();
    await repos.consoleSessions.delete("t1");
    await repos.consoleUsers.update("u1", { disabledAt: null });
    expect(await repos.consoleSessions.get("t1", at(30))).toBeNull();
  });

  it("locks a key after repeated failures, for a while", async () => {
    const policy = { maxFailures: 3, lockMs: 60_000 };
    expect(await repos.loginAttempts.recordFailure("ip:1", at(0), policy)).toEqual({ lockedUntil: null });
    await Promise.all([repos.loginAttempts.recordFailure("ip:1", at(1), policy), repos.loginAttempts.recordFailure("ip:2", at(1), policy)]);
    expect(await repos.loginAttempts.lockedUntil("ip:1", at(2))).toBeNull();
    expect(await repos.loginAttempts.recordFailure("ip:1", at(2), policy)).toEqual({ lockedUntil: at(62) });
    expect(await repos.loginAttempts.lockedUntil("ip:1", at(30))).toBe(at(62));
    expect(await repos.loginAttempts.lockedUntil("ip:1", at(62))).toBeNull();
    expect(await repos.loginAttempts.lockedUntil("ip:2", at(30))).toBeNull();

    await repos.loginAttempts.clear("ip:1");
    expect(await repos.loginAttempts.lockedUntil("ip:1", at(30))).toBeNull();
  });

  it("stores scoring scheme versions and keeps exactly one active", async () => {
    expect(await repos.scoringSchemes.active()).toEqual(GUIDE_SCHEME);
    const pilot = { ...GUIDE_SCHEME, name: "pilot", version: 1, minimumCountedRespondents: 5 };
    expect((await repos.scoringSchemes.save(pilot, "user:u1", at(0))).status).toBe("saved");
    expect(await repos.scoringSchemes.save(pilot, "user:u1", at(1))).toEqual({ status: "version_exists" });
    await expect(repos.scoringSchemes.save({ ...pilot, version: 2, weights: { ...pilot.weights, economic: 0.5 } }, "user:u1", at(2))).rejects.toThrow(/add up to 1/);
    expect(await repos.scoringSchemes.active()).toEqual(GUIDE_SCHEME);

    await repos.scoringSchemes.save(GUIDE_SCHEME, "user:u1", at(3));
    expect(await repos.scoringSchemes.activate("pilot", 1, "user:u1", at(4))).toBe(true);
    expect(await repos.scoringSchemes.active()).toEqual(pilot);
    expect(await repos.scoringSchemes.activate("guide", 1, "user:u1", at(5))).toBe(true);
    expect(await repos.scoringSchemes.active()).toEqual(GUIDE_SCHEME);
    expect((await repos.scoringSchemes.list()).filter((s) => s.active).map((s) => s.name)).toEqual(["guide"]);
    expect(await repos.scoringSchemes.activate("pilot", 9, "user:u1", at(6))).toBe(false);
  });

  it("lists the audit trail with filter, sort and range", async () => {
    for (let i = 0; i < 5; i++) {
      await repos.audit.record({ at: at(i), actor: i % 2 ? "user:u1" : "system", action: "cluster.update", entity: "cluster", entityId: `c${i}`, after: { n: i } });
    }
    const newest = await repos.audit.list({ range: [0, 1] });
    expect(newest.total).toBe(5);
    expect(newest.rows.map((r) => r.entityId)).toEqual(["c4", "c3"]);
    const byUser = await repos.audit.list({ filter: { actor: "user:u1" }, sort: { field: "at", order: "ASC" } });
    expect(byUser.rows.map((r) => [r.entityId, r.after])).toEqual([
      ["c1", { n: 1 }],
      ["c3", { n: 3 }],
    ]);
    const window = await repos.audit.list({ filter: { since: at(1), until: at(2) }, sort: { field: "no_such_field", order: "ASC" } });
    expect(window.rows.map((r) => r.entityId)).toEqual(["c2", "c1"]);
  });
});
