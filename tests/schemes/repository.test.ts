import { beforeEach, describe, expect, it } from "vitest";
import { SCHEMES } from "../../core/schemes/catalogue";
import type { Scheme } from "../../core/schemes/types";
import type { Database } from "../../db/database";
import { schemeRepository, type SchemeRepository } from "../../db/repositories/schemes";
import { searchSchemes } from "../../db/repositories/schemes-search";
import { testDrivers } from "../db/drivers";

const NOW = "2025-02-01T10:00:00.000Z";
const LATER = "2025-02-02T10:00:00.000Z";

const tannery: Scheme = {
  id: "state-tannery-effluent-grant",
  name: "State Tannery Effluent Grant",
  ministry: "Department of Industries, Tamil Nadu",
  objective: "Co-finances chrome recovery units for tannery clusters.",
  links: [],
  categories: ["environment_energy"],
  issues: ["water_pollution"],
  topics: ["waste"],
  groups: ["msmes"],
  areas: ["environment"],
  status: "active",
  successorId: null,
  statusNote: null,
  source: "custom",
};

describe.each(testDrivers())("scheme repository on $name", (driver) => {
  let db: Database;
  let repo: SchemeRepository;
  const find = async (text: string) =>
    (await searchSchemes(db, { text, locale: "en", limit: 50, offset: 0 })).hits.map((hit) => hit.scheme.id);

  beforeEach(async () => {
    db = await driver.open();
    repo = schemeRepository(db);
  });

  it("starts with the seeded catalogue", async () => {
    const { total } = await repo.list();
    expect(total).toBe(SCHEMES.length);
    expect(await repo.get("pm-vishwakarma")).toMatchObject({ name: "PM Vishwakarma", retiredAt: null });
  });

  it("creates a scheme that search finds at once", async () => {
    const created = await repo.create(tannery, NOW);
    expect(created).toMatchObject({ status: "saved", scheme: { ...tannery, createdAt: NOW, updatedAt: NOW } });
    expect(await find("chrome recovery")).toEqual([tannery.id]);
  });

  it("refuses an invalid scheme, a taken id and an unknown successor", async () => {
    expect((await repo.create({ ...tannery, issues: ["smog" as never] }, NOW)).status).toBe("invalid");
    expect((await repo.create({ ...tannery, id: "Not A Slug" }, NOW)).status).toBe("invalid");
    expect((await repo.create({ ...tannery, id: "pmegp" }, NOW)).status).toBe("id_taken");
    expect((await repo.create({ ...tannery, status: "merged", successorId: "nowhere" }, NOW)).status).toBe("unknown_successor");
  });

  it("updates the search index with the scheme", async () => {
    await repo.create(tannery, NOW);
    const updated = await repo.update(tannery.id, { objective: "Co-finances common salt recovery for tanneries." }, LATER);
    expect(updated).toMatchObject({ status: "saved", scheme: { updatedAt: LATER, createdAt: NOW } });
    expect(await find("chrome")).toEqual([]);
    expect(await find("salt recovery")).toEqual([tannery.id]);
  });

  it("refuses a successor that leads back to the scheme", async () => {
    await repo.create(tannery, NOW);
    const result = await repo.update("samagra-shiksha", { status: "merged", successorId: "national-child-labour-project" }, LATER);
    expect(result.status).toBe("successor_cycle");
    expect(await repo.update("nowhere", { name: "x" }, LATER)).toEqual({ status: "not_found" });
  });

  it("retires a scheme: kept, listed as retired, no longer found", async () => {
    await repo.create(tannery, NOW);
    expect(await repo.retire(tannery.id, LATER)).toMatchObject({ retiredAt: LATER });
    expect(await find("chrome recovery")).toEqual([]);
    expect((await repo.list({ filter: { retired: true } })).rows.map((row) => row.id)).toEqual([tannery.id]);
    expect(await repo.retire("nowhere", LATER)).toBeNull();
  });

  it("lists with filters, sorting and an inclusive range", async () => {
    const active = await repo.list({ filter: { status: "active", group: "artisans" }, sort: { field: "name", order: "DESC" }, range: [0, 2] });
    expect(active.rows.length).toBeLessThanOrEqual(3);
    expect(active.total).toBeGreaterThanOrEqual(active.rows.length);
    for (const row of active.rows) expect(row).toMatchObject({ status: "active", groups: expect.arrayContaining(["artisans"]) });
    const names = active.rows.map((row) => row.name);
    expect(names).toEqual([...names].sort().reverse());

    const byIssue = await repo.list({ filter: { issue: "noise_pollution", source: "annex_i" }, range: [0, 99] });
    expect(byIssue.rows.map((row) => row.id)).toEqual(["clean-technologies"]);

    const named = await repo.list({ filter: { q: "mahila" } });
    expect(named.rows.map((row) => row.id).sort()).toEqual(["mahila-vikas-nidhi", "rashtriya-mahila-kosh"]);
  });

  it("names the ministries of current schemes once each, sorted", async () => {
    const ministries = await repo.ministries();
    expect(ministries).toContain("Ministry of Micro, Small and Medium Enterprises");
    expect(ministries).toEqual([...new Set(ministries)].sort());
  });
});
