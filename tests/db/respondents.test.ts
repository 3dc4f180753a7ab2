import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createRepositories, type Repositories, respondents } from "../../db";
import type { Database } from "../../db/database";
import { openSqlite } from "../../db/sqlite";
import { scoreCard } from "../../core/questionnaires/score-card";
import { at, id, makeCluster, saveScoreCard } from "./fixtures";
import { testDrivers } from "./drivers";

describe.each(testDrivers())("respondents on $name", (driver) => {
  let db: Database;
  let repos: Repositories;

  beforeEach(async () => {
    db = await driver.open();
    repos = createRepositories(db);
  });

  const identity = (newId: string, username = "meena") => ({
    channel: "telegram" as const,
    externalId: "4711",
    chatId: "4711",
    username,
    now: at(0),
    newId,
  });

  it("creates one respondent when two first messages arrive together", async () => {
    const [a, b] = await Promise.all([
      repos.respondents.findOrCreateByIdentity(identity("r-a")),
      repos.respondents.findOrCreateByIdentity(identity("r-b")),
    ]);
    expect(a.respondent.id).toBe(b.respondent.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(await db.select().from(respondents)).toHaveLength(1);
  });

  it("returns the same respondent later and refreshes the username, but not once forgotten", async () => {
    const first = await repos.respondents.findOrCreateByIdentity(identity("r-1"));
    const again = await repos.respondents.findOrCreateByIdentity(identity("r-2", "meena_k"));
    expect(again).toMatchObject({ created: false, respondent: { id: first.respondent.id }, identity: { username: "meena_k" } });

    await repos.respondents.forget(first.respondent.id, "telegram:4711", at(5));
    const afterForget = await repos.respondents.findOrCreateByIdentity(identity("r-3", "meena_again"));
    expect(afterForget.respondent.id).toBe(first.respondent.id);
    expect(afterForget.identity.username).toBeNull();
    expect(await db.select().from(respondents)).toHaveLength(1);
  });

  it("updates the fields registration fills in", async () => {
    const cluster = await makeCluster(db);
    const { respondent } = await repos.respondents.findOrCreateByIdentity(identity("r-1"));
    const updated = await repos.respondents.update(
      respondent.id,
      { clusterId: cluster.id, locale: "hi", stakeholderType: "worker", consentAt: at(3) },
      at(3),
    );
    expect(updated).toMatchObject({ clusterId: cluster.id, locale: "hi", stakeholderType: "worker", consentAt: at(3), updatedAt: at(3) });
    expect(await repos.respondents.update("missing", { locale: "en" }, at(3))).toBeNull();
  });

  it("forgets personal data but keeps the answers", async () => {
    const cluster = await makeCluster(db);
    const own = await repos.enterprises.create({ id: id("ent"), clusterId: cluster.id, name: "Meena Castings", now: at(0) });
    const shared = await repos.enterprises.create({ id: id("ent"), clusterId: cluster.id, name: "Shared Forge", now: at(0) });
    const { respondent } = await repos.respondents.findOrCreateByIdentity(identity("r-1"));
    await repos.respondents.update(respondent.id, { clusterId: cluster.id, enterpriseId: own.id, displayName: "Meena" }, at(1));
    const colleague = await repos.respondents.findOrCreateByIdentity({ ...identity("r-2"), externalId: "999" });
    await repos.respondents.update(colleague.respondent.id, { enterpriseId: shared.id }, at(1));

    const ratings = { "air_pollution.existence": 4, "air_pollution.intensity": 3 };
    const saved = await saveScoreCard(db, respondent.id, cluster.id, ratings);
    expect(saved.status).toBe("saved");

    const forgotten = await repos.respondents.forget(respondent.id, "user:mod-1", at(10));
    expect(forgotten).toMatchObject({ displayName: null, forgottenAt: at(10) });
    expect((await repos.respondents.identities(respondent.id)).map((i) => i.username)).toEqual([null]);
    expect((await repos.enterprises.get(own.id))?.name).toBeNull();

    await repos.respondents.update(respondent.id, { enterpriseId: shared.id }, at(11));
    await repos.respondents.forget(respondent.id, "user:mod-1", at(12));
    expect((await repos.enterprises.get(shared.id))?.name).toBe("Shared Forge");

    const set = await repos.responseSets.withAnswers(saved.sessionId);
    expect(set?.answers.map((a) => [a.itemId, a.value])).toEqual([
      ["air_pollution.existence", 4],
      ["air_pollution.intensity", 3],
    ]);
    const scoring = await repos.responseSets.completedForScoring(cluster.id, scoreCard.id);
    expect(scoring.map((s) => [s.counted, s.ratings])).toEqual([[true, ratings]]);

    const trail = await repos.audit.list({ filter: { action: "respondent.forget", entityId: respondent.id } });
    expect(trail.total).toBe(2);
    expect(JSON.stringify(trail.rows)).not.toContain("Meena");
    expect(await repos.respondents.forget("missing", "system", at(13))).toBeNull();
  });
});

describe("respondents across two SQLite connections", () => {
  it("creates one respondent when two processes see the same first message", async () => {
    const folder = mkdtempSync(join(tmpdir(), "samuh-db-"));
    const path = join(folder, "shared.sqlite");
    const one = openSqlite(path);
    const two = openSqlite(path);
    try {
      const input = (newId: string) => ({ channel: "slack" as const, externalId: "U1", now: at(0), newId });
      const [a, b] = await Promise.all([
        createRepositories(one.db).respondents.findOrCreateByIdentity(input("from-one")),
        createRepositories(two.db).respondents.findOrCreateByIdentity(input("from-two")),
      ]);
      expect(a.respondent.id).toBe(b.respondent.id);
      expect(await one.db.select().from(respondents)).toHaveLength(1);
    } finally {
      one.close();
      two.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
