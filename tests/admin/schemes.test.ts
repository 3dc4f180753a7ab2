/**
 * The schemes catalogue through the real router on a migrated SQLite file (which ships the
 * catalogue): viewers read and export, admins create, edit, retire and import, all audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { consoleFixture, listUrl } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;
beforeAll(async () => {
  fixture = await consoleFixture();
});
afterAll(() => fixture.close());

const newScheme = {
  id: "cluster-safety-grant",
  name: "Cluster safety grant",
  ministry: "Ministry of Micro, Small and Medium Enterprises",
  objective: "Pays half of the safety equipment of small units in a cluster.",
  issues: ["working_conditions_child_labour"],
  groups: ["workers", "msmes"],
  status: "active",
};

function auditOf(action: string) {
  return fixture.sqlite.prepare("select actor, entity_id as entityId from audit_log where action = ? order by id").all(action) as { actor: string; entityId: string | null }[];
}

describe("the schemes API", () => {
  it("lists the shipped catalogue with filters and sort, and the ministries for the filter", async () => {
    const all = await fixture.call("viewer", listUrl("/schemes", { sort: ["name", "DESC"], range: [0, 9] }));
    expect(all.status).toBe(200);
    const total = Number(all.headers.get("content-range")?.split("/")[1]);
    expect(total).toBeGreaterThan(20);
    const names = ((await all.json()) as { name: string }[]).map((row) => row.name);
    // SQLite compares names byte by byte, as JavaScript's default sort does.
    expect(names).toEqual([...names].sort().reverse());

    const women = (await (await fixture.call("viewer", listUrl("/schemes", { filter: { group: "women", status: "active" }, range: [0, 99] }))).json()) as { groups: string[]; status: string }[];
    expect(women.length).toBeGreaterThan(0);
    expect(women.every((row) => row.groups.includes("women") && row.status === "active")).toBe(true);

    const ministries = (await (await fixture.call("viewer", "/schemes/_ministries")).json()) as string[];
    const ministry = ministries[0]!;
    const byMinistry = (await (await fixture.call("viewer", listUrl("/schemes", { filter: { ministry }, range: [0, 99] }))).json()) as { ministry: string }[];
    expect(byMinistry.every((row) => row.ministry === ministry)).toBe(true);

    // getMany, as a successor's name is looked up.
    const many = await fixture.call("viewer", listUrl("/schemes", { filter: { id: ["step", "no-such-scheme"] } }));
    expect(((await many.json()) as { id: string }[]).map((row) => row.id)).toEqual(["step"]);

    expect((await fixture.call("viewer", listUrl("/schemes", { filter: { issue: "no_such_issue" } }))).status).toBe(400);
    expect((await fixture.call("viewer", listUrl("/schemes", { sort: ["objective", "ASC"] }))).status).toBe(400);
  });

  it("lets only admins create, edit and retire a scheme, audited; retiring keeps it readable", async () => {
    expect((await fixture.call("moderator", "/schemes", { method: "POST", body: newScheme })).status).toBe(403);
    const created = await fixture.call("admin", "/schemes", { method: "POST", body: newScheme });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ ...newScheme, links: [], topics: [], successorId: null, source: "custom", retiredAt: null });
    expect((await fixture.call("admin", "/schemes", { method: "POST", body: newScheme })).status).toBe(409);
    const invalid = await fixture.call("admin", "/schemes", { method: "POST", body: { ...newScheme, id: "Bad Id", groups: ["nobody"] } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).message).toMatch(/id: .*groups/s);

    // react-admin sends the whole record back, bookkeeping fields included.
    const record = await (await fixture.call("viewer", `/schemes/${newScheme.id}`)).json();
    expect((await fixture.call("moderator", `/schemes/${newScheme.id}`, { method: "PUT", body: record })).status).toBe(403);
    const edited = await fixture.call("admin", `/schemes/${newScheme.id}`, { method: "PUT", body: { ...record, groups: ["workers", "women"], statusNote: "Announced 2026" } });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ groups: ["workers", "women"], statusNote: "Announced 2026", createdAt: record.createdAt });
    const cycle = await fixture.call("admin", `/schemes/${newScheme.id}`, { method: "PUT", body: { successorId: newScheme.id } });
    expect(cycle.status).toBe(400);
    expect((await fixture.call("admin", "/schemes/no-such-scheme", { method: "PUT", body: { name: "x" } })).status).toBe(404);

    expect((await fixture.call("moderator", `/schemes/${newScheme.id}`, { method: "DELETE" })).status).toBe(403);
    const retired = await fixture.call("admin", `/schemes/${newScheme.id}`, { method: "DELETE" });
    expect((await retired.json()).retiredAt).toBe(fixture.clock.now().toISOString());
    expect((await fixture.call("viewer", `/schemes/${newScheme.id}`)).status).toBe(200);
    const current = await fixture.call("viewer", listUrl("/schemes", { filter: { q: "safety grant", retired: false } }));
    expect(current.headers.get("content-range")).toBe("schemes */0");

    const actor = `user:${fixture.ids.admin}`;
    expect(auditOf("scheme.create")).toEqual([{ actor, entityId: newScheme.id }]);
    expect(auditOf("scheme.update")).toEqual([{ actor, entityId: newScheme.id }]);
    expect(auditOf("scheme.retire")).toEqual([{ actor, entityId: newScheme.id }]);
  });

  it("lets only admins reinstate a retired scheme, which search finds again, audited", async () => {
    const scheme = { ...newScheme, id: "cluster-dyeing-grant", name: "Cluster dyeing effluent grant" };
    expect((await fixture.call("admin", "/schemes", { method: "POST", body: scheme })).status).toBe(201);
    await fixture.call("admin", `/schemes/${scheme.id}`, { method: "DELETE" });
    const search = () => fixture.call("viewer", listUrl("/schemes", { filter: { q: "dyeing effluent", retired: false } }));
    expect((await search()).headers.get("content-range")).toBe("schemes */0");

    expect((await fixture.call("moderator", `/schemes/${scheme.id}/reinstate`, { method: "POST" })).status).toBe(403);
    const reinstated = await fixture.call("admin", `/schemes/${scheme.id}/reinstate`, { method: "POST" });
    expect(reinstated.status).toBe(200);
    expect((await reinstated.json()).retiredAt).toBeNull();
    expect((await search()).headers.get("content-range")).toBe("schemes 0-0/1");
    // Reinstating a current scheme changes and records nothing.
    expect((await (await fixture.call("admin", `/schemes/${scheme.id}/reinstate`, { method: "POST" })).json()).retiredAt).toBeNull();
    expect((await fixture.call("admin", "/schemes/no-such-scheme/reinstate", { method: "POST" })).status).toBe(404);
    expect(auditOf("scheme.reinstate")).toEqual([{ actor: `user:${fixture.ids.admin}`, entityId: scheme.id }]);

    await fixture.call("admin", `/schemes/${scheme.id}`, { method: "DELETE" });
  });

  it("exports current schemes as CSV to viewers, and imports only a wholly valid file, reporting bad rows", async () => {
    const exported = await fixture.call("viewer", "/schemes.csv");
    expect(exported.headers.get("content-type")).toMatch(/text\/csv/);
    const csv = await exported.text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.some((row) => row.id === newScheme.id)).toBe(false);
    const first = rows[0]!;

    const headers = (type: string) => ({ "content-type": type });
    expect((await fixture.call("moderator", "/schemes/import", { method: "POST", body: csv, headers: headers("text/csv") })).status).toBe(403);
    expect((await fixture.call("admin", "/schemes/import", { method: "POST", body: {} })).status).toBe(415);

    const header = Object.keys(first);
    const line = (row: Record<string, string>) => header.map((column) => JSON.stringify(row[column] ?? "")).join(",");
    const bad = [header.join(","), line({ ...first, name: "Renamed" }), line({ ...first, id: "new-one", status: "dormant" }), line({ ...first, id: "other", successor_id: "missing" })].join("\n");
    const refused = await fixture.call("admin", "/schemes/import", { method: "POST", body: bad, headers: headers("text/csv") });
    expect(refused.status).toBe(400);
    const report = await refused.json();
    expect(report.errors.map((error: { row: number }) => error.row)).toEqual([3, 4]);
    expect(report.message).toMatch(/rows 3, 4/);
    expect((await (await fixture.call("viewer", `/schemes/${first.id}`)).json()).name).toBe(first.name);

    const good = [header.join(","), line({ ...first, name: "Renamed" }), line({ ...first, id: "brand-new-scheme", successor_id: "" })].join("\n");
    const imported = await fixture.call("admin", "/schemes/import", { method: "POST", body: good, headers: headers("text/csv") });
    expect(await imported.json()).toEqual({ created: 1, updated: 1 });
    expect((await (await fixture.call("viewer", `/schemes/${first.id}`)).json()).name).toBe("Renamed");
    expect(auditOf("scheme.import")).toEqual([{ actor: `user:${fixture.ids.admin}`, entityId: null }]);
  });
});
