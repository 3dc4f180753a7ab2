import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepository } from "../../db/repositories/audit";
import { respondentRepository } from "../../db/repositories/respondents";
import { responseSetRepository } from "../../db/repositories/response-sets";
import { START, WORKED_EXAMPLE, consoleFixture, listUrl, seedCluster } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;
let clusterId: string;
let ravi: string;

beforeAll(async () => {
  fixture = await consoleFixture();
  const seeded = await seedCluster(fixture.db, { name: "Samalkha foundry", people: [{ name: "Ravi Kumar", ratings: WORKED_EXAMPLE.r1 }, { name: "Sunita", ratings: WORKED_EXAMPLE.r2 }] });
  clusterId = seeded.clusterId;
  ravi = (await responseSetRepository(fixture.db).get(seeded.responseSetIds[0] ?? ""))?.respondentId ?? "";
});
afterAll(() => fixture.close());

async function listAs(role: "admin" | "moderator", filter: object = {}) {
  const response = await fixture.call(role, listUrl("/respondents", { filter, sort: ["createdAt", "ASC"] }));
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>[];
}

async function clusterScore() {
  return (await (await fixture.call("viewer", `/clusters/${clusterId}`)).json()) as { consolidated: number; countedRespondents: number };
}

describe("respondents", () => {
  it("are listed with names for admins and by pseudonymous id alone for moderators", async () => {
    const forAdmin = await listAs("admin", { clusterId });
    expect(forAdmin.map((row) => row.displayName).sort()).toEqual(["Ravi Kumar", "Sunita"]);
    expect(forAdmin.find((row) => row.id === ravi)).toMatchObject({ displayName: "Ravi Kumar", clusterId, stakeholderType: "worker", completedScoreCards: 1, forgotten: false });
    const forModerator = await listAs("moderator", { clusterId });
    expect(forModerator.map((row) => row.id)).toEqual(forAdmin.map((row) => row.id));
    expect(JSON.stringify(forModerator)).not.toMatch(/Ravi|Sunita|displayName|telegramUsername|enterpriseName/);
    expect((await listAs("admin", { q: "ravi" })).map((row) => row.id)).toEqual([ravi]);
    expect((await fixture.call("moderator", listUrl("/respondents", { filter: { q: "ravi" } }))).status).toBe(403);
    expect((await fixture.call("viewer", "/respondents")).status).toBe(403);
  });

  it("are forgotten by an admin only: the name leaves the list and the export, the score stays", async () => {
    const before = await clusterScore();
    expect((await fixture.call("moderator", `/respondents/${ravi}/forget`, { method: "POST" })).status).toBe(403);
    const response = await fixture.call("admin", `/respondents/${ravi}/forget`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: ravi, forgottenAt: START.toISOString(), rescoredClusters: [clusterId] });

    const listed = await listAs("admin", { clusterId });
    expect(listed.find((row) => row.id === ravi)).toMatchObject({ displayName: null, forgotten: true });
    expect(listed.find((row) => row.id !== ravi)).toMatchObject({ displayName: "Sunita", forgotten: false });
    const exported = await (await fixture.call("admin", "/exports/response-sets.csv?personal=true")).text();
    expect(exported).not.toContain("Ravi");
    const rows = parse(exported, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.respondent === ravi)).toMatchObject({ respondent_name: "", "wages_benefits.existence": "4" });

    const after = await clusterScore();
    expect(after.countedRespondents).toBe(before.countedRespondents);
    expect(after.consolidated).toBe(before.consolidated);
    expect((await respondentRepository(fixture.db).get(ravi))?.displayName).toBeNull();
    const audit = await auditRepository(fixture.db).list({ filter: { entity: "respondent", entityId: ravi } });
    expect(audit.rows.map((entry) => [entry.action, entry.actor])).toEqual([["respondent.forget", `user:${fixture.ids.admin}`]]);
    expect((await fixture.call("admin", "/respondents/nobody/forget", { method: "POST" })).status).toBe(404);
  });
});
