import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../../db/sqlite";
import { keepHouse } from "../../bot/housekeeping";
import { testDrivers } from "../db/drivers";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { leftovers, remaining, tidied } from "../helpers/housekeeping";
import { temporaryDatabasePath } from "../helpers/product";
import { freePort, startServerProcess, type ServerProcess } from "../helpers/server-process";

const NOW = new Date("2026-11-23T12:00:00.000Z");

describe.each(testDrivers())("housekeeping on $name", (driver) => {
  it("forgets delivery keys past every sender's retries and console sign-ins past their expiry", async () => {
    const db = await driver.open();
    await leftovers(db, NOW);
    expect(await remaining(db, NOW)).toEqual({ deliveries: { lastMonth: true, eightDays: true, yesterday: true }, sessions: { expired: true, live: true } });

    expect(await keepHouse(db, NOW)).toEqual({ deliveriesForgotten: 2, consoleSessionsExpired: 1 });
    expect(await remaining(db, NOW)).toEqual(tidied);
    expect(await keepHouse(db, NOW)).toEqual({ deliveriesForgotten: 0, consoleSessionsExpired: 0 });
  });
});

describe("housekeeping in the Node process", () => {
  let server: ServerProcess | undefined;
  let botApi: FakeBotApi | undefined;

  afterEach(async () => {
    await server?.kill("SIGTERM");
    await botApi?.close();
    server = botApi = undefined;
  });

  it("tidies up as it starts, without waiting for the first hour", async () => {
    const databasePath = temporaryDatabasePath();
    const now = new Date();
    const storage = openSqlite(databasePath);
    await leftovers(storage.db, now);
    storage.close();

    botApi = await startFakeBotApi();
    server = await startServerProcess({ port: await freePort(), databasePath, botApiUrl: botApi.url });

    const reader = openSqlite(databasePath);
    try {
      await expect.poll(() => remaining(reader.db, now), { timeout: 10_000 }).toEqual(tidied);
    } finally {
      reader.close();
    }
  }, 30_000);
});
