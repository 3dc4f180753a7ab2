import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKED_EXAMPLE, consoleFixture, listUrl, seedCluster, uniformRatings, type Seeded } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;
let cluster: Seeded;

beforeAll(async () => {
  fixture = await consoleFixture();
  cluster = await seedCluster(fixture.db, {
    name: "Samalkha foundry",
    people: [
      { name: "R1", ratings: WORKED_EXAMPLE.r1 },
      { name: "R2", ratings: WORKED_EXAMPLE.r2 },
      { name: "Hasty", ratings: uniformRatings(5), seconds: 20 },
    ],
  });
});
afterAll(() => fixture.close());

async function consolidated(): Promise<number> {
  return (await (await fixture.call("viewer", `/clusters/${cluster.clusterId}`)).json()).consolidated;
}

describe("response sets", () => {
  it("are listed per cluster with their moderation flags", async () => {
    const response = await fixture.call("viewer", listUrl("/response-sets", { filter: { clusterId: cluster.clusterId }, sort: ["startedAt", "ASC"], range: [0, 9] }));
    expect(response.headers.get("content-range")).toBe("response-sets 0-2/3");
    const rows = (await response.json()) as { id: string; respondentName: string; durationSeconds: number; flags: { kind: string }[]; excluded: boolean }[];
    const hasty = rows.find((row) => row.respondentName === "Hasty");
    expect(hasty?.flags.map((flag) => flag.kind)).toEqual(["straight_lining", "speeding"]);
    expect(hasty?.durationSeconds).toBe(20);
    expect(rows.filter((row) => row.respondentName !== "Hasty").every((row) => row.flags.length === 0 && !row.excluded)).toBe(true);
  });

  it("come one at a time with their answers", async () => {
    const response = await fixture.call("viewer", `/response-sets/${cluster.responseSetIds[0]}`);
    const set = await response.json();
    expect(set.answers).toHaveLength(21);
    expect(set.answers).toContainEqual({ itemId: "wages_benefits.existence", value: 4, note: null });
  });

  it("excluding one recomputes the cluster's score at once and audits who, why, before and after", async () => {
    const hasty = cluster.responseSetIds[2]!;
    const before = await consolidated();
    const response = await fixture.call("moderator", `/response-sets/${hasty}/exclude`, { method: "POST", body: { reason: "Same answer everywhere in 20 seconds" } });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ excluded: true, exclusionReason: "Same answer everywhere in 20 seconds", changed: true, excludedByName: "The moderator" });
    // Left with the worked example's two respondents: S = 2.55 (SPEC §10).
    expect(result.clusterScore.consolidated).toBeCloseTo(2.55, 10);
    expect(result.clusterScore.countedRespondents).toBe(2);
    expect(before).not.toBeCloseTo(2.55, 5);
    expect(await consolidated()).toBeCloseTo(2.55, 10);

    const audit = fixture.sqlite.prepare("select actor, action, before, after from audit_log where entity_id = ?").all(hasty) as { actor: string; action: string; before: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: `user:${fixture.ids.moderator}`, action: "response_set.exclude" });
    expect(JSON.parse(audit[0]!.before)).toMatchObject({ excludedAt: null });
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ exclusionReason: "Same answer everywhere in 20 seconds" });

    const again = await fixture.call("moderator", `/response-sets/${hasty}/exclude`, { method: "POST", body: { reason: "twice" } });
    expect((await again.json()).changed).toBe(false);

    const restored = await fixture.call("moderator", `/response-sets/${hasty}/restore`, { method: "POST", body: { reason: "Checked by phone: they meant it" } });
    expect(await restored.json()).toMatchObject({ excluded: false, changed: true });
    expect(await consolidated()).toBeCloseTo(before, 10);
  });

  it("filters by excluded, and refuses a missing reason or unknown set", async () => {
    const noReason = await fixture.call("moderator", `/response-sets/${cluster.responseSetIds[0]}/exclude`, { method: "POST", body: {} });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).message).toMatch(/reason/);
    const shortReason = await fixture.call("moderator", `/response-sets/${cluster.responseSetIds[0]}/exclude`, { method: "POST", body: { reason: "x" } });
    expect((await shortReason.json()).message).toMatch(/Say in a few words why/);
    expect((await fixture.call("moderator", "/response-sets/nope/exclude", { method: "POST", body: { reason: "because" } })).status).toBe(404);
    const excluded = await fixture.call("viewer", listUrl("/response-sets", { filter: { clusterId: cluster.clusterId, excluded: true } }));
    expect(excluded.headers.get("content-range")).toBe("response-sets */0");
    expect((await fixture.call("viewer", listUrl("/response-sets", { sort: ["respondentName", "ASC"] }))).status).toBe(400);
  });
});
