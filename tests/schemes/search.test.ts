import { beforeAll, describe, expect, it } from "vitest";
import { KEYWORDS } from "../../core/schemes/keywords";
import type { Database } from "../../db/database";
import { searchSchemes, suggestForCluster, type SchemeHit } from "../../db/repositories/schemes-search";
import { testDrivers } from "../db/drivers";

const ids = (hits: readonly SchemeHit[]) => hits.map((hit) => hit.scheme.id);
const reasonKeys = (hit: SchemeHit | undefined) => hit?.reasons.map((reason) => reason.key) ?? [];

describe.each(testDrivers())("scheme search on $name", (driver) => {
  let db: Database;
  const search = (text: string, extra: Partial<Parameters<typeof searchSchemes>[1]> = {}) =>
    searchSchemes(db, { text, locale: "en", limit: 10, offset: 0, ...extra });

  beforeAll(async () => {
    db = await driver.open();
  });

  it("puts the current child-labour scheme first for “child labour”, saying why", async () => {
    const { hits, total } = await search("child labour");
    expect(total).toBeGreaterThanOrEqual(3);
    expect(hits[0]?.scheme.id).toBe("samagra-shiksha");
    expect(hits[0]?.reasons).toContainEqual({ key: "schemes:reasons.concept", params: { concept: "child_labour" } });
    expect(reasonKeys(hits[0])).toContain("schemes:reasons.text");
    for (const hit of hits) expect(hit.scheme.issues).toContain("working_conditions_child_labour");
  });

  it("finds the same schemes for “बाल श्रम” in Hindi", async () => {
    const english = await search("child labour");
    const hindi = await search("बाल श्रम", { locale: "hi" });
    expect(ids(hindi.hits)).toEqual(ids(english.hits));
  });

  it.each(Object.entries(KEYWORDS))("finds Samagra Shiksha first for the %s word for child labour", async (language, table) => {
    const word = table.child_labour[0] ?? "";
    const { hits } = await search(word, { locale: language });
    expect(hits[0]?.scheme.id).toBe("samagra-shiksha");
  });

  it("puts energy-efficiency support first for “energy audit foundry”", async () => {
    const { hits } = await search("energy audit foundry");
    expect(hits[0]?.scheme.id).toBe("adeetie");
    expect(hits[0]?.reasons).toContainEqual({ key: "schemes:reasons.text", params: { field: "objective", match: "audit" } });
    for (const hit of hits.slice(0, 5)) expect(hit.scheme.areas).toContain("energy");
  });

  it("answers “women weavers health insurance” with insurance for weavers and health cover first", async () => {
    const { hits } = await search("women weavers health insurance");
    expect(ids(hits.slice(0, 2)).sort()).toEqual(["handloom-weavers-welfare", "pm-jay"]);
    for (const hit of hits.slice(0, 2)) expect(hit.reasons).toContainEqual({ key: "schemes:reasons.concept", params: { concept: "insurance" } });
  });

  it("ranks closed and merged schemes after the others and points them to their successor", async () => {
    const { hits } = await search("child labour");
    const tiers = hits.map((hit) => (["closed", "merged"].includes(hit.scheme.status) ? 1 : 0));
    expect(tiers).toEqual([...tiers].sort());
    const nclp = hits.find((hit) => hit.scheme.id === "national-child-labour-project");
    expect(nclp?.reasons).toContainEqual({
      key: "schemes:reasons.merged_successor",
      params: { successor: "Samagra Shiksha", successorId: "samagra-shiksha", note: "Moved into Samagra Shiksha." },
    });
  });

  it("finds a closed scheme by name, first among the closed and merged ones, marked closed", async () => {
    const { hits } = await search("Rashtriya Mahila Kosh", { limit: 50 });
    const inactive = hits.filter((hit) => ["closed", "merged"].includes(hit.scheme.status));
    expect(inactive[0]?.scheme.id).toBe("rashtriya-mahila-kosh");
    expect(inactive[0]?.reasons).toContainEqual({ key: "schemes:reasons.closed", params: { note: "Closed at the end of 2023." } });
    expect(inactive[0]?.reasons).toContainEqual({ key: "schemes:reasons.text", params: { field: "name", match: "rashtriya" } });
  });

  it("filters by issue, group, ministry and status", async () => {
    const byIssue = await search("", { filters: { issue: "water_pollution" }, limit: 50 });
    expect(byIssue.total).toBeGreaterThan(0);
    for (const hit of byIssue.hits) expect(hit.scheme.issues).toContain("water_pollution");

    const women = await search("loan", { filters: { group: "women" } });
    expect(women.total).toBeGreaterThan(0);
    for (const hit of women.hits) expect(hit.scheme.groups).toContain("women");

    const ministry = "Ministry of Micro, Small and Medium Enterprises";
    const msme = await search("", { filters: { ministry, status: "active" }, limit: 50 });
    expect(ids(msme.hits)).toEqual(expect.arrayContaining(["mse-cdp", "pm-vishwakarma"]));
    for (const hit of msme.hits) expect(hit.scheme).toMatchObject({ ministry, status: "active" });

    const closed = await search("", { filters: { status: "closed" }, limit: 50 });
    expect(ids(closed.hits)).toContain("rashtriya-mahila-kosh");
    for (const hit of closed.hits) expect(hit.scheme.status).toBe("closed");
  });

  it("pages through results with a stable total", async () => {
    const first = await search("women", { limit: 3, offset: 0 });
    const second = await search("women", { limit: 3, offset: 3 });
    expect(first.total).toBeGreaterThan(6);
    expect(second.total).toBe(first.total);
    expect(ids(first.hits).filter((id) => ids(second.hits).includes(id))).toEqual([]);
    const beyond = await search("women", { limit: 3, offset: 1000 });
    expect(beyond).toEqual({ hits: [], total: first.total });
  });

  it.each([
    ["empty", ""],
    ["5,000 characters", "energy ".repeat(715)],
    ["a quote", '"'],
    ["a star", "*"],
    ["NEAR(", "NEAR("],
    ["OR", "OR"],
    ["a OR b", "a OR b"],
    ["unbalanced parentheses", "((child labour"],
    ["emoji", "🙂🔥 women 👩‍🏭"],
    ["SQL", "'; DROP TABLE schemes; --"],
    ["column filter syntax", "name:energy objective:^water"],
  ])("answers %s without an error", async (_label, text) => {
    const result = await search(text);
    expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
    const still = await search("child labour");
    expect(still.total).toBeGreaterThan(0);
  });

  it("lets a cluster's priority issue change the order", async () => {
    const plain = await search("loan");
    const forCluster = await search("loan", { cluster: { priorityIssues: ["air_pollution"] } });
    const plainRank = ids(plain.hits).indexOf("adeetie");
    const clusterRank = ids(forCluster.hits).indexOf("adeetie");
    expect(clusterRank).toBeGreaterThanOrEqual(0);
    expect(clusterRank).toBeLessThan(plainRank === -1 ? Infinity : plainRank);
    expect(forCluster.hits[clusterRank]?.reasons).toContainEqual({
      key: "schemes:reasons.cluster_priority",
      params: { issue: "air_pollution", rank: 1 },
    });
  });

  it("boosts schemes for women where women are most of the workforce", async () => {
    const mostlyMen = await search("loan", { cluster: { priorityIssues: [], womenShare: 0.2 } });
    const mostlyWomen = await search("loan", { cluster: { priorityIssues: [], womenShare: 0.7 } });
    const womenFirst = (hits: SchemeHit[]) => hits.findIndex((hit) => hit.scheme.groups.includes("women"));
    expect(womenFirst(mostlyWomen.hits)).toBeLessThanOrEqual(womenFirst(mostlyMen.hits));
    expect(mostlyWomen.hits[womenFirst(mostlyWomen.hits)]?.reasons).toContainEqual({
      key: "schemes:reasons.women_workforce",
      params: { share: 70 },
    });
    expect(mostlyMen.hits.flatMap((hit) => reasonKeys(hit))).not.toContain("schemes:reasons.women_workforce");
  });

  it("suggests current schemes and Annex IV activities for a cluster's priorities, with reasons", async () => {
    const { schemes, activities } = await suggestForCluster(db, { priorityIssues: ["air_pollution", "wages_benefits"], limit: 5 });
    expect(schemes).toHaveLength(5);
    for (const hit of schemes) {
      expect(["closed", "merged"]).not.toContain(hit.scheme.status);
      expect(hit.scheme.issues.some((issue) => issue === "air_pollution" || issue === "wages_benefits")).toBe(true);
      expect(reasonKeys(hit)).toContain("schemes:reasons.cluster_priority");
    }
    expect(schemes[0]?.scheme.issues).toContain("air_pollution");
    expect(activities.length).toBeGreaterThan(0);
    expect(activities[0]?.activity.issues).toContain("air_pollution");
    for (const suggestion of activities) expect(suggestion.reasons.length).toBeGreaterThan(0);
  });

  it("suggests nothing for a cluster without priorities", async () => {
    expect(await suggestForCluster(db, { priorityIssues: [], limit: 5 })).toEqual({ schemes: [], activities: [] });
  });
});
