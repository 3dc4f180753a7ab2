import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import { sessionRepository } from "../../db/repositories/sessions";
import { answers } from "../../db/schema";
import { openSqlite } from "../../db/sqlite";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { temporaryDatabasePath } from "../helpers/product";
import { freePort, startServerProcess, type ServerProcess } from "../helpers/server-process";
import { deliverUntilAccepted, scoreCardWalk, seededRandom } from "../helpers/synthetic-respondents";
import { user } from "../helpers/telegram-updates";

const RESPONDENTS = 500;
const KILLS = 5;
const SEED = 20261123;

let botApi: FakeBotApi;
let databasePath: string;

beforeAll(async () => {
  botApi = await startFakeBotApi();
  databasePath = temporaryDatabasePath();
  const storage = openSqlite(databasePath);
  await clusterRepository(storage.db).create({
    id: "crash-cluster",
    name: "Crash test cluster",
    inviteCode: "CRASH",
    now: new Date().toISOString(),
  });
  storage.close();
});

afterAll(async () => {
  await botApi.close();
});

describe("a server killed with SIGKILL under load", () => {
  it(`keeps every acknowledged answer of ${RESPONDENTS} concurrent respondents through ${KILLS} kills, and all of them finish`, async () => {
    const random = seededRandom(SEED);
    const walks = Array.from({ length: RESPONDENTS }, (_, index) => scoreCardWalk(user(800_000 + index), "CRASH", random));
    const total = walks.reduce((sum, walk) => sum + walk.updates.length, 0);
    // Kill points spread over the run, at moments the seed picks.
    const killPoints = Array.from({ length: KILLS }, (_, index) => Math.floor(total * ((index + 0.2 + random() * 0.6) / (KILLS + 1))));

    const port = await freePort();
    let server: ServerProcess = await startServerProcess({ port, databasePath, botApiUrl: botApi.url });
    let accepted = 0;
    let kills = 0;
    let restart: Promise<void> | undefined;
    const deadline = Date.now() + 240_000;

    const killIfDue = () => {
      if (restart || kills >= KILLS || accepted < killPoints[kills]!) return;
      kills++;
      restart = (async () => {
        await server.kill("SIGKILL");
        server = await startServerProcess({ port, databasePath, botApiUrl: botApi.url });
        restart = undefined;
      })();
    };

    const acknowledged = new Map<number, Set<string>>();
    await Promise.all(
      walks.map(async (walk) => {
        const mine = new Set<string>();
        acknowledged.set(walk.person.id, mine);
        for (const update of walk.updates) {
          await deliverUntilAccepted(server.url, update, deadline);
          const data = "callback_query" in update ? update.callback_query.data : undefined;
          if (data) mine.add(data.split("|")[1]!);
          accepted++;
          killIfDue();
        }
      }),
    );
    await restart;
    expect(kills).toBe(KILLS);

    const storage = openSqlite(databasePath);
    try {
      const respondents = respondentRepository(storage.db);
      const sessions = sessionRepository(storage.db);
      for (const walk of walks) {
        const found = await respondents.byIdentity("telegram", String(walk.person.id));
        expect(found, `respondent ${walk.person.id}`).not.toBeNull();
        const session = await sessions.latest(found!.respondent.id, "score_card");
        expect(session?.status, `score card of ${walk.person.id}`).toBe("completed");
        const stored = await storage.db.select().from(answers).where(eq(answers.responseSetId, session!.id));
        const values = Object.fromEntries(stored.map((row) => [row.itemId, row.value]));
        for (const itemId of acknowledged.get(walk.person.id) ?? []) {
          if (itemId in walk.ratings) expect(values[itemId], `${walk.person.id} ${itemId}`).toBe(walk.ratings[itemId]);
        }
      }
    } finally {
      storage.close();
      await server.kill("SIGTERM");
    }
  }, 300_000);
});
