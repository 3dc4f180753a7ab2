import { beforeEach, describe, expect, it } from "vitest";
import { GUIDE_SCHEME } from "../../core/scoring";
import { createRepositories, recomputeClusterScore, type Repositories } from "../../db";
import type { Database } from "../../db/database";
import { at } from "./fixtures";
import { testDrivers } from "./drivers";

describe.each(testDrivers())("clusters on $name", (driver) => {
  let db: Database;
  let repos: Repositories;

  beforeEach(async () => {
    db = await driver.open();
    repos = createRepositories(db);
  });

  const create = (id: string, fields: { name?: string; inviteCode?: string; state?: string; economic?: number } = {}) =>
    repos.clusters.create({
      id,
      name: fields.name ?? id,
      inviteCode: fields.inviteCode ?? `inv-${id}`,
      state: fields.state ?? null,
      profile: fields.economic === undefined ? {} : { "economic.turnover": fields.economic, "economic.exports": fields.economic },
      now: at(0),
    });

  it("finds a cluster by invite code in any case, and refuses a code in use", async () => {
    expect((await create("samalkha", { inviteCode: "Foundry-7" })).status).toBe("created");
    expect((await repos.clusters.byInviteCode("  foundry-7 "))?.id).toBe("samalkha");
    expect(await create("other", { inviteCode: "FOUNDRY-7" })).toEqual({ status: "invite_code_taken" });

    await repos.clusters.update("samalkha", { archivedAt: at(5) }, at(5));
    expect(await repos.clusters.byInviteCode("FOUNDRY-7")).toBeNull();
  });

  it("links a Slack channel to one cluster only", async () => {
    await create("a");
    await create("b");
    expect((await repos.clusters.linkSlackChannel("a", "C123", at(1))).status).toBe("linked");
    expect((await repos.clusters.bySlackChannel("C123"))?.id).toBe("a");
    expect(await repos.clusters.linkSlackChannel("b", "C123", at(2))).toEqual({ status: "taken", clusterId: "a" });
    expect(await repos.clusters.linkSlackChannel("missing", "C9", at(2))).toEqual({ status: "not_found" });
    await repos.clusters.linkSlackChannel("a", null, at(3));
    expect(await repos.clusters.bySlackChannel("C123")).toBeNull();
  });

  it("updates the profile and name", async () => {
    await create("a");
    const updated = await repos.clusters.update("a", { name: "Samalkha foundry", profile: { "economic.turnover": 3 } }, at(9));
    expect(updated).toMatchObject({ name: "Samalkha foundry", profile: { "economic.turnover": 3 }, updatedAt: at(9) });
    expect(await repos.clusters.update("missing", { name: "x" }, at(9))).toBeNull();
  });

  it("lists clusters with their cached scores, filtered, sorted and paged", async () => {
    const economic = { c1: 1, c2: 4, c3: 2, c4: 5, c5: 3 };
    for (const [id, value] of Object.entries(economic)) {
      await create(id, { state: value % 2 === 0 ? "Haryana" : "Gujarat", name: `Cluster ${id}`, economic: value });
      if (id !== "c5") await recomputeClusterScore(db, id, GUIDE_SCHEME, at(10));
    }

    const all = await repos.clusters.list({ sort: { field: "economic", order: "DESC" }, range: [0, 9] });
    expect(all.total).toBe(5);
    // c5 has no cached score yet: it comes last in either direction.
    expect(all.rows.map((r) => r.id)).toEqual(["c4", "c2", "c3", "c1", "c5"]);
    expect(all.rows[0]?.score?.economic).toBe(5);
    expect(all.rows[4]?.score).toBeNull();

    const page = await repos.clusters.list({ sort: { field: "economic", order: "ASC" }, range: [1, 2], filter: { state: "Gujarat" } });
    expect(page.total).toBe(3);
    // Gujarat holds c1, c4 and c5; ascending still puts c5's missing score last.
    expect(page.rows.map((r) => r.id)).toEqual(["c4", "c5"]);
    const byName = await repos.clusters.list({ sort: { field: "name", order: "DESC" }, range: [0, 1] });
    expect(byName.rows.map((r) => r.id)).toEqual(["c5", "c4"]);

    expect((await repos.clusters.list({ filter: { q: "ER C4" } })).rows.map((r) => r.id)).toEqual(["c4"]);
    expect((await repos.clusters.list({ filter: { q: "%" } })).total).toBe(0);
    expect((await repos.clusters.list({ filter: { ids: ["c2", "c3"] } })).total).toBe(2);
    expect((await repos.clusters.list({ filter: { archived: true } })).total).toBe(0);
  });
});
