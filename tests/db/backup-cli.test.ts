import { execFile } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createRepositories } from "../../db";
import { openSqlite, type SqliteHandle } from "../../db/sqlite";
import { temporaryDatabasePath } from "../helpers/product";
import { at, makeCluster, makeRespondent, saveScoreCard } from "./fixtures";

const run = promisify(execFile);
const backup = (databasePath: string, ...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "bot/cli/backup.ts", ...args], { env: { PATH: process.env.PATH ?? "", DATABASE_URL: databasePath } });

describe("npm run db:backup", () => {
  let live: SqliteHandle | undefined;
  afterEach(() => live?.close());

  it("copies a database in use, with what is still only in its write-ahead log, into backups/ beside it", async () => {
    const databasePath = temporaryDatabasePath();
    live = openSqlite(databasePath);
    const cluster = await makeCluster(live.db);
    const respondent = await makeRespondent(live.db, cluster.id);
    await saveScoreCard(live.db, respondent.id, cluster.id, { "air_pollution.existence": 4 }, { now: at(20) });
    // The server's connection stays open and has not checkpointed: these rows live in the -wal file.
    expect(statSync(`${databasePath}-wal`).size).toBeGreaterThan(0);

    const { stdout } = await backup(databasePath);
    expect(stdout).toMatch(/integrity checked/);
    const [file, ...others] = readdirSync(join(dirname(databasePath), "backups"));
    expect(others).toEqual([]);
    expect(file).toMatch(/^samuh-\d{4}-\d\d-\d\dT.*\.sqlite$/);

    const copy = openSqlite(join(dirname(databasePath), "backups", file!));
    try {
      const restored = createRepositories(copy.db);
      expect(await restored.clusters.get(cluster.id)).toMatchObject({ name: cluster.name });
      expect(await restored.responseSets.byRespondent(respondent.id)).toHaveLength(1);
    } finally {
      copy.close();
    }
  });

  it("writes to the file it is given, and refuses to overwrite one or to back up a database that is not there", async () => {
    const databasePath = temporaryDatabasePath();
    live = openSqlite(databasePath);
    await makeCluster(live.db);
    const target = join(dirname(databasePath), "elsewhere", "copy.sqlite");

    await backup(databasePath, target);
    expect(existsSync(target)).toBe(true);
    await expect(backup(databasePath, target)).rejects.toMatchObject({ stderr: expect.stringMatching(/exists already/) });
    await expect(backup(join(dirname(databasePath), "missing.sqlite"))).rejects.toMatchObject({ stderr: expect.stringMatching(/no database file/) });
  });
});
