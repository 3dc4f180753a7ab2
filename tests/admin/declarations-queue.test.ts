/**
 * The console's declarations queue, through the real router: the list it reads (submitted first),
 * one declaration with what its show page needs, and the two review decisions with their roles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { elementsOf, nvgAnnexIII, type DeclaredAnswers } from "../../core/declarations";
import { declarationRepository } from "../../db/repositories/declarations";
import { enterpriseRepository } from "../../db/repositories/enterprises";
import { respondentRepository } from "../../db/repositories/respondents";
import { START, consoleFixture, listUrl, seedCluster } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;
let clusterId: string;
const ids: string[] = [];

const answers: DeclaredAnswers = {
  ...Object.fromEntries(elementsOf(nvgAnnexIII).map((ref) => [ref.code, { answer: "yes" as const }])),
  "P3.2": { answer: "partly", note: "checking suppliers" },
};

beforeAll(async () => {
  fixture = await consoleFixture();
  ({ clusterId } = await seedCluster(fixture.db, { name: "Moradabad brassware", people: [] }));
  const now = START.toISOString();
  const { respondent } = await respondentRepository(fixture.db).findOrCreateByIdentity({ channel: "telegram", externalId: "owner-1", now, newId: "resp-decl" });
  for (const [index, name] of ["Brass works", "Bell metal"].entries()) {
    const enterpriseId = `ent-${index}`;
    await enterpriseRepository(fixture.db).create({ id: enterpriseId, clusterId, name, now });
    const stored = await declarationRepository(fixture.db).submit({
      id: `decl-${index}`,
      respondentId: respondent.id,
      enterpriseId,
      clusterId,
      principleSet: { id: nvgAnnexIII.id, version: nvgAnnexIII.version },
      answers,
      declarant: { name: "Imran Ali", role: "owner" },
      declaredAt: new Date(START.getTime() + index * 60_000).toISOString(),
      previous: null,
    });
    if (stored.status !== "stored") throw new Error("declaration not stored");
    ids.push(stored.declaration.id);
  }
});
afterAll(() => fixture.close());

describe("the declarations queue", () => {
  it("lists submitted declarations newest first with names and adherence, filtered by cluster and enterprise", async () => {
    const response = await fixture.call("viewer", listUrl("/declarations", { filter: { status: "submitted", clusterId }, sort: ["declaredAt", "DESC"], range: [0, 24] }));
    expect(response.headers.get("content-range")).toBe("declarations 0-1/2");
    const rows = (await response.json()) as { id: string; enterpriseName: string; clusterName: string; overall: number; answers?: unknown }[];
    expect(rows.map((row) => row.enterpriseName)).toEqual(["Bell metal", "Brass works"]);
    expect(rows[0]).toMatchObject({ clusterName: "Moradabad brassware" });
    expect(rows[0]?.overall).toBeGreaterThan(0.9);
    expect(rows[0]?.answers).toBeUndefined();
    const one = await fixture.call("viewer", listUrl("/declarations", { filter: { enterpriseId: "ent-0" } }));
    expect(one.headers.get("content-range")).toBe("declarations 0-0/1");
  });

  it("shows one declaration with its answers, per-principle adherence and a verified hash", async () => {
    const record = await (await fixture.call("viewer", `/declarations/${ids[0]}`)).json();
    expect(record.answers["P3.2"]).toEqual({ answer: "partly", note: "checking suppliers" });
    expect(record.adherence.principles).toHaveLength(nvgAnnexIII.principles.length);
    expect(record.verified).toBe(true);
    expect(record.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const print = await fixture.call("viewer", `/declarations/${ids[0]}/print?lang=hi`);
    expect(print.status).toBe(200);
    expect(print.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("lets moderators approve and return with a reason, never viewers, and only once", async () => {
    const [first, second] = ids as [string, string];
    expect((await fixture.call("viewer", `/declarations/${first}/approve`, { method: "POST", body: {} })).status).toBe(403);
    expect((await fixture.call("viewer", `/declarations/${second}/return`, { method: "POST", body: { reason: "Check P3.2" } })).status).toBe(403);

    const approved = await fixture.call("moderator", `/declarations/${first}/approve`, { method: "POST", body: {} });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: "approved", notified: false });
    // Repeated by the same moderator at the same instant counts as the same decision; a later try is refused.
    fixture.clock.advance(1000);
    const again = await fixture.call("moderator", `/declarations/${first}/approve`, { method: "POST", body: {} });
    expect(again.status).toBe(409);

    const noReason = await fixture.call("moderator", `/declarations/${second}/return`, { method: "POST", body: { reason: "" } });
    expect(noReason.status).toBe(400);
    const returned = await fixture.call("admin", `/declarations/${second}/return`, { method: "POST", body: { reason: "Say which suppliers" } });
    expect(await returned.json()).toMatchObject({ status: "returned", reviewReason: "Say which suppliers" });

    const queue = await fixture.call("viewer", listUrl("/declarations", { filter: { status: "submitted" } }));
    expect(queue.headers.get("content-range")).toBe("declarations */0");
    const audit = fixture.sqlite.prepare("select actor, action from audit_log where entity = 'declaration' order by id").all();
    expect(audit).toEqual([
      { actor: `user:${fixture.ids.moderator}`, action: "declaration.approve" },
      { actor: `user:${fixture.ids.admin}`, action: "declaration.return" },
    ]);
  });
});
