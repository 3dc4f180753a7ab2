import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKED_EXAMPLE, consoleFixture, listUrl, seedCluster, uniformRatings } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;
let samalkha: string;
let jaipur: string;
let moradabad: string;

beforeAll(async () => {
  fixture = await consoleFixture({ telegramBotUsername: "samuh_bot" });
  samalkha = (await seedCluster(fixture.db, {
    name: "Samalkha foundry",
    state: "haryana",
    sector: "manufacturing",
    people: [
      { name: "R1", ratings: WORKED_EXAMPLE.r1 },
      { name: "R2", ratings: WORKED_EXAMPLE.r2 },
    ],
    profile: { participating_units: 60 },
  })).clusterId;
  jaipur = (await seedCluster(fixture.db, {
    name: "Jaipur blue pottery",
    state: "rajasthan",
    sector: "handicraft",
    people: [4, 4, 5].map((n, i) => ({ name: `P${i + 1}`, ratings: uniformRatings(n) })),
  })).clusterId;
  moradabad = (await seedCluster(fixture.db, { name: "Moradabad brassware", state: "uttar_pradesh", sector: "handicraft", people: [] })).clusterId;
});
afterAll(() => fixture.close());

async function list(query: Parameters<typeof listUrl>[1]) {
  const response = await fixture.call("viewer", listUrl("/clusters", query));
  expect(response.status).toBe(200);
  return { rows: (await response.json()) as Record<string, unknown>[], range: response.headers.get("content-range") };
}

describe("the clusters list", () => {
  it("follows ra-data-simple-rest's contract: a page of rows and Content-Range with the total", async () => {
    const response = await fixture.call("viewer", listUrl("/clusters", { sort: ["name", "ASC"], range: [0, 1] }));
    expect(response.headers.get("content-range")).toBe("clusters 0-1/3");
    expect(response.headers.get("access-control-expose-headers")).toBe("Content-Range");
    const rows = (await response.json()) as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(["Jaipur blue pottery", "Moradabad brassware"]);
    const second = await list({ sort: ["name", "ASC"], range: [2, 3] });
    expect(second.range).toBe("clusters 2-2/3");
    const empty = await list({ range: [10, 19] });
    expect(empty.rows).toEqual([]);
    expect(empty.range).toBe("clusters */3");
  });

  it("shows the consolidated score, the four criteria, classes, map cell, badges and counts", async () => {
    const { rows } = await list({ filter: { q: "samalkha" } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.consolidated).toBeCloseTo(2.55, 10);
    expect(row.awareness).toBeCloseTo(20 / 7, 10);
    expect(row.intensity).toBeCloseTo(17 / 7, 10);
    expect(row.engagement).toBeCloseTo(8 / 7, 10);
    expect(row.economic).toBeCloseTo(3, 10);
    expect(row).toMatchObject({ mapCell: 5, priorityRank: 4, provisional: true, classes: ["1EL", "2EL"], countedRespondents: 2, excludedRespondents: 0 });
    expect(row.eligibleFor).toEqual(["critical_mass"]);
  });

  it("filters by state, sector, map cell, provisional and class", async () => {
    const names = async (filter: object) => (await list({ filter, sort: ["name", "ASC"] })).rows.map((r) => r.name);
    expect(await names({ state: "rajasthan" })).toEqual(["Jaipur blue pottery"]);
    expect(await names({ sector: "handicraft" })).toEqual(["Jaipur blue pottery", "Moradabad brassware"]);
    expect(await names({ mapCell: 5 })).toEqual(["Samalkha foundry"]);
    expect(await names({ provisional: false })).toEqual(["Jaipur blue pottery"]);
    expect(await names({ provisional: true })).toEqual(["Moradabad brassware", "Samalkha foundry"]);
    expect(await names({ class: "1EL" })).toEqual(["Samalkha foundry"]);
    expect(await names({ mapCell: 8 })).toEqual(["Jaipur blue pottery"]);
    expect(await names({ class: "A" })).toEqual(["Jaipur blue pottery"]);
    expect(await names({ class: "EH" })).toEqual([]);
  });

  it("sorts by any column, clusters without a score last", async () => {
    const order = async (sort: [string, string]) => (await list({ sort })).rows.map((r) => r.name);
    // Jaipur: A = I = E = 13/3, so G = 2/3 and S = 3.25; Samalkha: G = 8/7, S = 2.55; Moradabad: no answers.
    expect(await order(["engagement", "ASC"])).toEqual(["Jaipur blue pottery", "Samalkha foundry", "Moradabad brassware"]);
    expect(await order(["engagement", "DESC"])).toEqual(["Samalkha foundry", "Jaipur blue pottery", "Moradabad brassware"]);
    expect(await order(["consolidated", "DESC"])).toEqual(["Jaipur blue pottery", "Samalkha foundry", "Moradabad brassware"]);
    expect(await order(["countedRespondents", "DESC"])).toEqual(["Jaipur blue pottery", "Samalkha foundry", "Moradabad brassware"]);
    expect(await order(["classes", "DESC"])).toEqual(["Samalkha foundry", "Jaipur blue pottery", "Moradabad brassware"]);
  });

  it("refuses malformed sort, range and filter parameters with 400 and says what is wrong", async () => {
    const cases: [string, RegExp][] = [
      ["/clusters?sort=name", /Invalid sort: it must be JSON/],
      ['/clusters?sort=["password","ASC"]', /Invalid sort/],
      ['/clusters?sort=["name","UP"]', /Invalid sort/],
      ["/clusters?range=[5,1]", /Invalid range: .*end of the range/],
      ["/clusters?range=[0,5000]", /at most 1000 rows/],
      ['/clusters?filter={"mapCell":12}', /Invalid filter: mapCell/],
      ['/clusters?filter={"colour":"red"}', /Invalid filter/],
      ['/clusters?filter={"class":"9Z"}', /Invalid filter: class/],
      ['/clusters?filter={"state":"atlantis"}', /Invalid filter: state/],
    ];
    for (const [url, message] of cases) {
      const response = await fixture.call("viewer", encodeURI(url));
      expect(response.status, url).toBe(400);
      expect((await response.json()).message, url).toMatch(message);
    }
  });

  it("answers react-admin's getMany (filter by ids)", async () => {
    const { rows } = await list({ filter: { id: [samalkha, moradabad] }, sort: ["name", "ASC"] });
    expect(rows.map((r) => r.id)).toEqual([moradabad, samalkha]);
  });
});

describe("one cluster", () => {
  it("has the full breakdown, the Table 1.4 grid, eligibility, priorities and the invite", async () => {
    const response = await fixture.call("viewer", `/clusters/${samalkha}`);
    expect(response.status).toBe(200);
    const cluster = await response.json();
    expect(cluster.score.priorities.map((p: { issue: string }) => p.issue).slice(0, 3)).toEqual(["working_conditions_child_labour", "wages_benefits", "collective_bargaining"]);
    expect(cluster.score.issues[0].divergence.sd).toBe(0);
    expect(cluster.grid).toHaveLength(4);
    expect(cluster.grid[0].cells.map((cell: { label: string }) => cell.label)).toEqual(["1B", "1A", "1EL", "1EM", "1EH"]);
    expect(cluster.eligibility.find((check: { id: string }) => check.id === "critical_mass")).toMatchObject({ met: true });
    expect(cluster.invite.deepLink).toBe(`https://t.me/samuh_bot?start=${cluster.inviteCode}`);
    expect(cluster.invite.qrCodeUrl).toBe(`/api/clusters/${samalkha}/qr.svg`);
  });

  it("serves the invite QR code as SVG", async () => {
    const response = await fixture.call("viewer", `/clusters/${samalkha}/qr.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(await response.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("is 404 when unknown", async () => {
    const response = await fixture.call("viewer", "/clusters/nope");
    expect(response.status).toBe(404);
    expect((await response.json()).message).toBe("There is no cluster nope.");
  });
});

describe("creating and editing clusters", () => {
  it("creates a cluster with a fresh invite code, scores it and audits it", async () => {
    const response = await fixture.call("moderator", "/clusters", {
      method: "POST",
      body: { name: "Ludhiana knitwear", state: "punjab", sector: "manufacturing", profile: { "economic.turnover": 5, "economic.employment": 4, core_enterprises: 120 } },
    });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created.inviteCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(created.economic).toBe(4.5);
    expect(created.provisional).toBe(true);
    expect(created.profile).toMatchObject({ state: "punjab", core_enterprises: 120 });
    const audit = fixture.sqlite.prepare("select actor, action, after from audit_log where entity_id = ?").all(created.id) as { actor: string; action: string; after: string }[];
    expect(audit).toEqual([{ actor: `user:${fixture.ids.moderator}`, action: "cluster.create", after: expect.stringContaining("Ludhiana knitwear") }]);
  });

  it("edits the profile's economic ratings, rescoring at once, with before and after in the audit log", async () => {
    const before = await (await fixture.call("viewer", `/clusters/${jaipur}`)).json();
    const profile = { ...before.profile, "economic.turnover": 5, "economic.exports": 5, "economic.employment": 5, "economic.raw_materials": 5, "economic.value_chain_importance": 5 };
    const response = await fixture.call("moderator", `/clusters/${jaipur}`, { method: "PUT", body: { ...before, profile, district: "Jaipur" } });
    expect(response.status).toBe(200);
    const after = await response.json();
    expect(after.economic).toBe(5);
    expect(after.consolidated).toBeCloseTo(before.consolidated + 0.4 * (5 - 3), 10);
    expect(after.district).toBe("Jaipur");
    const row = fixture.sqlite.prepare("select before, after from audit_log where action = 'cluster.update' and entity_id = ?").get(jaipur) as { before: string; after: string };
    expect(JSON.parse(row.before).profile["economic.turnover"]).toBe(2);
    expect(JSON.parse(row.after).profile["economic.turnover"]).toBe(5);
  });

  it("refuses invalid bodies with 400: bad names, ratings out of range, unknown profile items, taken codes", async () => {
    const bad: [unknown, RegExp][] = [
      [{ name: "" }, /name/],
      [{ name: "X", profile: { "economic.turnover": 7 } }, /profile.economic.turnover/],
      [{ name: "X", profile: { favourite_colour: "blue" } }, /profile/],
      [{ name: "X", sector: "banking" }, /sector/],
      [{ name: "X", inviteCode: "no spaces please" }, /inviteCode/],
      ["not json at all", /must be JSON/],
    ];
    for (const [body, message] of bad) {
      const response = await fixture.call("moderator", "/clusters", { method: "POST", body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
    const first = await fixture.call("moderator", "/clusters", { method: "POST", body: { name: "A", inviteCode: "SAME-CODE" } });
    expect(first.status).toBe(201);
    const second = await fixture.call("moderator", "/clusters", { method: "POST", body: { name: "B", inviteCode: "same-code" } });
    expect(second.status).toBe(409);
  });

  it("archives on delete: the cluster leaves the list but can be asked for", async () => {
    const created = await (await fixture.call("moderator", "/clusters", { method: "POST", body: { name: "Short-lived" } })).json();
    expect((await fixture.call("moderator", `/clusters/${created.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await list({ filter: { q: "Short-lived" } })).rows).toEqual([]);
    expect((await list({ filter: { q: "Short-lived", archived: true } })).rows).toHaveLength(1);
  });
});
