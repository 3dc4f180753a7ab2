import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { GUIDE_SCHEME } from "../../core/scoring";
import { createRepositories, recomputeClusterScore } from "../../db";
import { openSqlite, type SqliteHandle } from "../../db/sqlite";
import { temporaryDatabasePath } from "../helpers/product";
import { at, makeCluster, makeRespondent, saveScoreCard } from "./fixtures";

const run = promisify(execFile);

describe("npm run scores:recompute", () => {
  let storage: SqliteHandle | undefined;
  afterEach(() => storage?.close());

  it("rescores every cluster with the active scheme, including one whose cached score is out of date", async () => {
    const databasePath = temporaryDatabasePath();
    storage = openSqlite(databasePath);
    const { db } = storage;
    const repos = createRepositories(db);
    const stale = await makeCluster(db);
    const empty = await makeCluster(db);
    await recomputeClusterScore(db, stale.id, GUIDE_SCHEME, at(10));
    // A score card lands without passing through the product (e.g. imported): the cache does not know.
    const respondent = await makeRespondent(db, stale.id);
    const ratings = { "air_pollution.existence": 4, "air_pollution.intensity": 5, "air_pollution.efforts": 3 };
    expect((await saveScoreCard(db, respondent.id, stale.id, ratings, { now: at(20) })).status).toBe("saved");
    expect((await repos.scores.getCached(stale.id))?.countedRespondents).toBe(0);
    storage.close();
    storage = undefined;

    const { stdout } = await run(process.execPath, ["--import", "tsx", "bot/cli/recompute-scores.ts"], {
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: databasePath },
    });
    expect(stdout).toContain("Recomputed 2 cluster scores");

    storage = openSqlite(databasePath);
    const after = createRepositories(storage.db);
    expect(await after.scores.getCached(stale.id)).toMatchObject({ countedRespondents: 1, schemeName: "guide" });
    expect((await after.scores.getCached(stale.id))?.computedAt ?? "").toSatisfy((computedAt: string) => computedAt > at(20));
    expect(await after.scores.getCached(empty.id)).toMatchObject({ countedRespondents: 0, provisional: true });
  });
});
