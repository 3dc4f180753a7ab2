import { describe, expect, it } from "vitest";
import { flagResponseSets, GUIDE_SCHEME } from "../../core/scoring";
import { clusterRepository } from "../../db/repositories/clusters";
import { responseSetRepository } from "../../db/repositories/response-sets";
import { scoreRepository } from "../../db/repositories/scores";
import { DEMO_CLUSTERS } from "../../db/seed/demo-clusters";
import { seedDemo } from "../../db/seed/demo";
import { seededRandom } from "../../db/seed/random";
import { openSqlite } from "../../db/sqlite";
import { temporaryDatabasePath } from "../helpers/product";

describe("npm run demo", () => {
  it("fills an empty database with the guide's clusters, scored, with flaggable response sets", async () => {
    const storage = openSqlite(temporaryDatabasePath());
    let ids = 0;
    const options = { now: new Date("2026-11-20T10:00:00Z"), random: seededRandom(1), newId: () => `demo-${++ids}` };
    const summary = await seedDemo(storage.db, options);
    expect(summary).toEqual({ clusters: DEMO_CLUSTERS.length, respondents: DEMO_CLUSTERS.reduce((sum, c) => sum + c.respondents, 0) });

    const scores = scoreRepository(storage.db);
    for (const cluster of DEMO_CLUSTERS) {
      const cached = await scores.getCached(cluster.id);
      expect(cached?.countedRespondents, cluster.id).toBe(cluster.respondents);
      expect(cached?.provisional, cluster.id).toBe(cluster.respondents < GUIDE_SCHEME.minimumCountedRespondents);
    }

    const samalkha = await responseSetRepository(storage.db).completedForScoring("samalkha-foundry", "score_card");
    const flags = [...flagResponseSets(samalkha, GUIDE_SCHEME).values()].flat().map((flag) => flag.kind);
    expect(flags).toContain("straight_lining");
    const tirupur = await responseSetRepository(storage.db).completedForScoring("tirupur-knitwear", "score_card");
    expect([...flagResponseSets(tirupur, GUIDE_SCHEME).values()].flat().map((flag) => flag.kind)).toContain("speeding");

    await expect(seedDemo(storage.db, options)).rejects.toThrow(/empty database/);
    expect((await clusterRepository(storage.db).list()).total).toBe(DEMO_CLUSTERS.length);
    storage.close();
  });
});
