/**
 * Scoring schemes through the real router on a migrated SQLite file: everyone reads them, admins add
 * versions (checked by core's rules) and activate one, which rescores every cluster with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CORE_ISSUES,
  GUIDE_RECIPROCAL_SCHEME,
  GUIDE_SCHEME,
  TEMPLATES,
  ratingKey,
  scoreCluster,
  type Ratings,
  type ResponseSet,
  type ScoringScheme,
} from "../../core/scoring";
import { economicRatingsFromProfile } from "../../db/repositories/scores";
import { ECONOMIC_PROFILE, WORKED_EXAMPLE, consoleFixture, listUrl, seedCluster, uniformRatings } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
type People = { name: string; ratings: Record<(typeof TEMPLATES)[number], number[]> }[];

let fixture: Fixture;
const clusters: { id: string; people: People; profile: Record<string, number> }[] = [];

beforeAll(async () => {
  fixture = await consoleFixture();
  const seeds: { name: string; people: People; profile: Record<string, number> }[] = [
    { name: "Samalkha foundry", people: [{ name: "R1", ratings: WORKED_EXAMPLE.r1 }, { name: "R2", ratings: WORKED_EXAMPLE.r2 }], profile: {} },
    { name: "Jaipur blue pottery", people: [4, 1, 5].map((n, i) => ({ name: `Potter ${i}`, ratings: uniformRatings(n) })), profile: { "economic.exports": 4 } },
  ];
  for (const seed of seeds) {
    const { clusterId } = await seedCluster(fixture.db, seed);
    clusters.push({ id: clusterId, people: seed.people, profile: { ...ECONOMIC_PROFILE, ...seed.profile } });
  }
});
afterAll(() => fixture.close());

/** The guide's scheme as a new version with other weights, as an admin would enter it. */
const GUIDE_2: ScoringScheme = { ...GUIDE_SCHEME, version: 2, weights: { awareness: 0.3, intensity: 0.3, engagement: 0.1, economic: 0.3 } };

/** What core computes for a seeded cluster under `scheme`, from the same answers and profile. */
function expectedScore(cluster: (typeof clusters)[number], scheme: ScoringScheme) {
  const responseSets: ResponseSet[] = cluster.people.map((person, index) => {
    const ratings: Ratings = {};
    CORE_ISSUES.forEach((issue, at) => {
      for (const template of TEMPLATES) ratings[ratingKey(issue, template)] = person.ratings[template][at] ?? null;
    });
    return { id: `set-${index}`, respondentId: `respondent-${index}`, counted: true, ratings };
  });
  return scoreCluster({ responseSets, economicRatings: economicRatingsFromProfile(cluster.profile), scheme });
}

async function clusterRows() {
  const response = await fixture.call("viewer", listUrl("/clusters", { range: [0, 9] }));
  return (await response.json()) as { id: string; scheme: string | null; consolidated: number | null }[];
}

async function listed() {
  const response = await fixture.call("viewer", listUrl("/scoring-schemes", { sort: ["name", "ASC"], range: [0, 9] }));
  return (await response.json()) as { id: string; active: boolean; builtIn: boolean; createdAt: string | null }[];
}

function auditOf(action: string) {
  const rows = fixture.sqlite.prepare("select actor, entity_id as entityId, before, after from audit_log where action = ? order by id").all(action) as { actor: string; entityId: string; before: string | null; after: string | null }[];
  return rows.map((row) => ({ ...row, before: row.before === null ? null : JSON.parse(row.before), after: row.after === null ? null : JSON.parse(row.after) }));
}

const activate = (role: "admin" | "moderator" | "viewer", id: string) => fixture.call(role, `/scoring-schemes/${encodeURIComponent(id)}/activate`, { method: "POST" });

describe("the scoring schemes API", () => {
  it("lists the built-in schemes to every role, the guide's in use while nothing is stored", async () => {
    const response = await fixture.call("viewer", listUrl("/scoring-schemes", { sort: ["name", "ASC"], range: [0, 9] }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-range")).toBe("scoring-schemes 0-1/2");
    expect(await response.json()).toEqual([
      { ...GUIDE_SCHEME, id: "guide@1", active: true, builtIn: true, createdAt: null },
      { ...GUIDE_RECIPROCAL_SCHEME, id: "guide-reciprocal@1", active: false, builtIn: true, createdAt: null },
    ]);
    const one = await fixture.call("viewer", "/scoring-schemes/guide-reciprocal%401");
    expect(await one.json()).toMatchObject({ id: "guide-reciprocal@1", engagementMethod: "guide-reciprocal" });
    expect((await fixture.call("viewer", "/scoring-schemes/guide%409")).status).toBe(404);
    expect((await fixture.call("viewer", "/scoring-schemes/guide")).status).toBe(404);
    expect((await fixture.call("viewer", listUrl("/scoring-schemes", { sort: ["weights", "ASC"] }))).status).toBe(400);
    expect((await clusterRows()).map((row) => row.scheme)).toEqual(["guide@1", "guide@1"]);
  });

  it("lets neither viewers nor moderators create or activate a scheme", async () => {
    for (const role of ["viewer", "moderator"] as const) {
      expect((await fixture.call(role, "/scoring-schemes", { method: "POST", body: GUIDE_2 })).status).toBe(403);
      expect((await activate(role, "guide-reciprocal@1")).status).toBe(403);
    }
    expect(await listed()).toHaveLength(2);
  });

  it("refuses a definition core's rules refuse, naming the fields", async () => {
    const bad = { ...GUIDE_2, weights: { ...GUIDE_2.weights, awareness: 0.4 }, classThresholds: { ...GUIDE_SCHEME.classThresholds, engagedModerate: 4.5 } };
    const response = await fixture.call("admin", "/scoring-schemes", { method: "POST", body: bad });
    expect(response.status).toBe(400);
    const refusal = await response.json();
    expect(refusal.message).toMatch(/^Invalid body: weights: The four weights must add up to 1; these add up to 1\.1\..*classThresholds: /);
    expect(refusal.errors).toEqual({
      weights: "The four weights must add up to 1; these add up to 1.1.",
      classThresholds: expect.stringMatching(/must rise/),
    });

    // A field's own error comes first; the rule about its group waits until the field is fixed.
    const outOfRange = await fixture.call("admin", "/scoring-schemes", { method: "POST", body: { ...GUIDE_2, weights: { ...GUIDE_2.weights, economic: 1.5 }, mapLevels: { medium: 3, high: 2 } } });
    expect(outOfRange.status).toBe(400);
    expect((await outOfRange.json()).errors).toEqual({ weights: { economic: expect.any(String) }, mapLevels: expect.stringMatching(/Medium bound/) });

    expect((await fixture.call("admin", "/scoring-schemes", { method: "POST", body: "not json" })).status).toBe(400);
    expect(await listed()).toHaveLength(2);
  });

  it("lets an admin add a version, inactive, and refuses one that exists, built-in or stored", async () => {
    const response = await fixture.call("admin", "/scoring-schemes", { method: "POST", body: { ...GUIDE_2, name: "  guide " } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ...GUIDE_2, id: "guide@2", active: false, builtIn: false, createdAt: fixture.clock.now().toISOString() });

    const duplicate = await fixture.call("admin", "/scoring-schemes", { method: "POST", body: GUIDE_2 });
    expect(duplicate.status).toBe(409);
    const refusal = await duplicate.json();
    expect(refusal.message).toBe('There is already a scoring scheme guide@2; the next free version of "guide" is 3.');
    expect(refusal.errors).toEqual({ version: refusal.message });
    // Built-in schemes are taken even before anyone stored them.
    expect((await fixture.call("admin", "/scoring-schemes", { method: "POST", body: GUIDE_RECIPROCAL_SCHEME })).status).toBe(409);

    expect((await listed()).map((row) => [row.id, row.active])).toEqual([
      ["guide@1", true],
      ["guide@2", false],
      ["guide-reciprocal@1", false],
    ]);
    expect(auditOf("scoring_scheme.create").map((entry) => [entry.actor, entry.entityId])).toEqual([[`user:${fixture.ids.admin}`, "guide@2"]]);
    // Storing a version changes no score.
    expect((await clusterRows()).map((row) => row.scheme)).toEqual(["guide@1", "guide@1"]);
  });

  it("activates guide@2, audited, and rescores every cluster with its weights", async () => {
    fixture.clock.advance(60_000);
    const response = await activate("admin", "guide@2");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scheme: { id: "guide@2", active: true, weights: GUIDE_2.weights }, rescored: 2, changed: true });

    expect((await listed()).filter((row) => row.active).map((row) => row.id)).toEqual(["guide@2"]);
    const actor = `user:${fixture.ids.admin}`;
    expect(auditOf("scoring_scheme.activate").map((entry) => [entry.actor, entry.entityId])).toEqual([[actor, "guide@2"]]);
    expect(auditOf("scoring_scheme.recompute")).toEqual([{ actor, entityId: "guide@2", before: { active: "guide@1" }, after: { active: "guide@2", rescored: 2 } }]);

    const rows = await clusterRows();
    expect(rows).toHaveLength(2);
    for (const cluster of clusters) {
      const row = rows.find((candidate) => candidate.id === cluster.id);
      const expected = expectedScore(cluster, GUIDE_2).consolidated;
      expect(expected).not.toBeCloseTo(expectedScore(cluster, GUIDE_SCHEME).consolidated ?? 0, 3);
      expect(row?.scheme).toBe("guide@2");
      expect(row?.consolidated).toBeCloseTo(expected ?? Number.NaN, 9);
    }
    const cached = fixture.sqlite.prepare("select scheme_name || '@' || scheme_version as scheme, computed_at as at from cluster_scores").all();
    expect(cached).toEqual(clusters.map(() => ({ scheme: "guide@2", at: fixture.clock.now().toISOString() })));
  });

  it("recomputes when the active scheme is activated again, without a second activation", async () => {
    const response = await activate("admin", "guide@2");
    expect(await response.json()).toMatchObject({ scheme: { id: "guide@2" }, rescored: 2, changed: false });
    expect(auditOf("scoring_scheme.activate")).toHaveLength(1);
    expect(auditOf("scoring_scheme.recompute")).toHaveLength(2);
    expect((await activate("admin", "guide@7")).status).toBe(404);
  });

  it("stores a built-in scheme when it is first activated", async () => {
    const response = await activate("admin", "guide-reciprocal@1");
    expect(await response.json()).toMatchObject({ scheme: { id: "guide-reciprocal@1", active: true, builtIn: true, createdAt: fixture.clock.now().toISOString() }, changed: true });
    expect(auditOf("scoring_scheme.create").map((entry) => entry.entityId)).toEqual(["guide@2", "guide-reciprocal@1"]);
    expect((await listed()).map((row) => [row.id, row.active])).toEqual([
      ["guide@1", false],
      ["guide@2", false],
      ["guide-reciprocal@1", true],
    ]);
    for (const row of await clusterRows()) {
      const cluster = clusters.find((candidate) => candidate.id === row.id);
      expect(row.scheme).toBe("guide-reciprocal@1");
      expect(row.consolidated).toBeCloseTo(expectedScore(cluster!, GUIDE_RECIPROCAL_SCHEME).consolidated ?? Number.NaN, 9);
    }
  });
});
