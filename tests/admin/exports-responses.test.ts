import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { items } from "../../core/questionnaire";
import { scoreCard } from "../../core/questionnaires";
import { CORE_ISSUES, TEMPLATES, ratingKey } from "../../core/scoring";
import { respondentRepository } from "../../db/repositories/respondents";
import { responseSetRepository } from "../../db/repositories/response-sets";
import { channelIdentities, enterprises } from "../../db/schema";
import { START, WORKED_EXAMPLE, consoleFixture, listUrl, seedCluster, uniformRatings } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
type Row = Record<string, string>;

const ITEM_IDS = items(scoreCard).map((item) => item.id);
const BASE_COLUMNS = ["response_set", "respondent", "cluster_id", "cluster", "stakeholder_type", "questionnaire_version", "status", "started_at", "completed_at", "excluded", "excluded_at", "exclusion_reason", "scheme"];
const PERSONAL_COLUMNS = ["respondent_name", "telegram_username", "enterprise_name"];

async function csvOf(response: Response): Promise<{ header: string[]; rows: Row[] }> {
  expect(response.status).toBe(200);
  const text = await response.text();
  const [header = []] = parse(text, { bom: true, to_line: 1 }) as string[][];
  return { header, rows: parse(text, { bom: true, columns: true }) as Row[] };
}

describe("response-set export", () => {
  let fixture: Fixture;
  let samalkha: { clusterId: string; responseSetIds: string[] };
  let formulaCluster: { clusterId: string; responseSetIds: string[] };
  let ravi: string;

  beforeAll(async () => {
    fixture = await consoleFixture();
    // R2 said "don't know" for noise pollution's existence: one value short of the seven issues.
    const r2 = { ...WORKED_EXAMPLE.r2, existence: WORKED_EXAMPLE.r2.existence.slice(0, 6) };
    samalkha = await seedCluster(fixture.db, { name: "Samalkha foundry", people: [{ name: "-Ravi Kumar", ratings: WORKED_EXAMPLE.r1 }, { name: "Sunita", ratings: r2 }] });
    formulaCluster = await seedCluster(fixture.db, { name: "=HYPERLINK(\"http://x\")", people: [{ name: "P1", ratings: uniformRatings(3) }] });
    const set = await responseSetRepository(fixture.db).get(samalkha.responseSetIds[0] ?? "");
    ravi = set?.respondentId ?? "";
    await fixture.db.insert(enterprises).values({ id: "ent-ravi", clusterId: samalkha.clusterId, name: "Kumar Castings", createdAt: START.toISOString() });
    await respondentRepository(fixture.db).update(ravi, { enterpriseId: "ent-ravi" }, START.toISOString());
    await fixture.db.update(channelIdentities).set({ username: "ravi_k" }).where(eq(channelIdentities.respondentId, ravi));
  });
  afterAll(() => fixture.close());

  it("writes a row per score card: facts, moderation, scheme, and every item in questionnaire order", async () => {
    const response = await fixture.call("viewer", "/exports/response-sets.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="samuh-response-sets-2026-03-02.csv"');
    const { header, rows } = await csvOf(response);
    expect(ITEM_IDS.slice(0, 3)).toEqual(["wages_benefits.existence", "wages_benefits.intensity", "wages_benefits.efforts"]);
    expect(ITEM_IDS).toHaveLength(21 + 1 + 6);
    expect(header).toEqual([...BASE_COLUMNS, ...ITEM_IDS]);
    expect(rows).toHaveLength(3);
    const [first, second] = samalkha.responseSetIds.map((id) => rows.find((row) => row.response_set === id));
    expect(first).toMatchObject({ respondent: ravi, cluster_id: samalkha.clusterId, cluster: "Samalkha foundry", stakeholder_type: "worker", status: "completed", excluded: "false", exclusion_reason: "", scheme: "guide@1" });
    expect(first?.started_at).toBe("2026-03-02T09:00:00.000Z");
    expect(first?.completed_at).toBe("2026-03-02T09:05:00.000Z");
    CORE_ISSUES.forEach((issue, index) => {
      for (const template of TEMPLATES) expect(first?.[ratingKey(issue, template)]).toBe(String(WORKED_EXAMPLE.r1[template][index]));
    });
    // "Don't know" is a marker; an item never asked (the optional issues) is an empty cell.
    expect(second?.["noise_pollution.existence"]).toBe("dont_know");
    expect(second?.["noise_pollution.intensity"]).toBe("0");
    expect(second?.optional_issues).toBe("");
    expect(second?.["community_health.existence"]).toBe("");
  });

  it("leaves personal data out unless an admin asks for it, and refuses anyone else who asks", async () => {
    for (const role of ["viewer", "moderator", "admin"] as const) {
      const text = await (await fixture.call(role, "/exports/response-sets.csv")).text();
      for (const personal of ["Ravi", "Sunita", "ravi_k", "Kumar Castings", ...PERSONAL_COLUMNS]) expect(text, `${role}: ${personal}`).not.toContain(personal);
    }
    const { header, rows } = await csvOf(await fixture.call("admin", "/exports/response-sets.csv?personal=true"));
    expect(header.slice(0, 5)).toEqual(["response_set", "respondent", ...PERSONAL_COLUMNS]);
    // The name starts with "-", which a spreadsheet would run as a formula.
    expect(rows.find((row) => row.respondent === ravi)).toMatchObject({ respondent_name: "'-Ravi Kumar", telegram_username: "ravi_k", enterprise_name: "Kumar Castings" });
    for (const role of ["moderator", "viewer"] as const) {
      for (const format of ["csv", "xlsx"]) {
        const refused = await fixture.call(role, `/exports/response-sets.${format}?personal=true`);
        expect(refused.status, `${role} ${format}`).toBe(403);
        expect((await refused.json()).message).toContain("admins only");
      }
    }
    expect((await fixture.call("admin", "/exports/response-sets.csv?personal=yes")).status).toBe(400);
  });

  it("neutralises cells a spreadsheet would run as formulas, as every export does", async () => {
    const excluded = await fixture.call("moderator", `/response-sets/${formulaCluster.responseSetIds[0]}/exclude`, { method: "POST", body: { reason: "+straight-lining, see =SUM(A1)" } });
    expect(excluded.status).toBe(200);
    const { rows } = await csvOf(await fixture.call("viewer", "/exports/response-sets.csv"));
    const row = rows.find((r) => r.cluster_id === formulaCluster.clusterId);
    expect(row).toMatchObject({ cluster: "'=HYPERLINK(\"http://x\")", exclusion_reason: "'+straight-lining, see =SUM(A1)", excluded: "true", excluded_at: "2026-03-02T09:00:00.000Z" });
    const clusters = (await (await fixture.call("viewer", "/exports/clusters.csv")).text()).split("\n");
    expect(clusters.some((line) => line.includes(`"'=HYPERLINK(""http://x"")"`))).toBe(true);
  });

  it("filters like the response-set list", async () => {
    const url = (filter: object) => listUrl("/exports/response-sets.csv", { filter });
    expect((await csvOf(await fixture.call("viewer", url({ clusterId: samalkha.clusterId })))).rows.map((r) => r.response_set).sort()).toEqual([...samalkha.responseSetIds].sort());
    expect((await csvOf(await fixture.call("viewer", url({ excluded: true })))).rows.map((r) => r.response_set)).toEqual(formulaCluster.responseSetIds);
    expect((await csvOf(await fixture.call("viewer", url({ excluded: false, status: "completed", questionnaireId: "score_card" })))).rows).toHaveLength(2);
    expect((await csvOf(await fixture.call("viewer", url({ status: "in_progress" })))).rows).toHaveLength(0);
    expect((await fixture.call("viewer", url({ sector: "foundry" }))).status).toBe(400);
  });

  it("writes the same rows to XLSX, with the scheme and how to read the file", async () => {
    const response = await fixture.call("admin", "/exports/response-sets.xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="samuh-response-sets-2026-03-02.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Responses");
    expect(sheet?.rowCount).toBe(4);
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...BASE_COLUMNS, ...ITEM_IDS]);
    const column = (name: string) => header.indexOf(name) + 1;
    const rows = [2, 3, 4].map((n) => sheet?.getRow(n));
    const second = rows.find((row) => row?.getCell(1).value === samalkha.responseSetIds[1]);
    expect(second?.getCell(column("wages_benefits.existence")).value).toBe(2);
    expect(second?.getCell(column("noise_pollution.existence")).value).toBe("dont_know");
    expect(second?.getCell(column("community_health.existence")).value).toBeNull();
    expect(second?.getCell(column("excluded")).value).toBe(false);
    const formula = rows.find((row) => row?.getCell(column("cluster_id")).value === formulaCluster.clusterId);
    expect(formula?.getCell(column("cluster")).value).toBe("'=HYPERLINK(\"http://x\")");
    expect(workbook.getWorksheet("Scheme")?.getRow(1).values).toEqual([undefined, "scheme", "guide@1"]);
    expect(workbook.getWorksheet("Notes")?.getRow(1).values).toEqual([undefined, "dont_know", "the respondent answered \"don't know\" (left out of every mean)"]);
    expect(workbook.getWorksheet("Notes")?.getRow(4).values).toEqual([undefined, "personal data", "left out"]);

    const personal = new ExcelJS.Workbook();
    await personal.xlsx.load(await (await fixture.call("admin", "/exports/response-sets.xlsx?personal=true")).arrayBuffer());
    expect((personal.getWorksheet("Responses")?.getRow(1).values as unknown[]).slice(3, 6)).toEqual(PERSONAL_COLUMNS);
  });

  it("leaves the declarant's and enterprise's names out of the declarations export the same way", async () => {
    const header = async (role: "viewer" | "admin", query = "") => (await (await fixture.call(role, `/declarations/export.csv${query}`)).text()).split("\n")[0];
    expect(await header("viewer")).toBe("declaration,version,status,cluster,declared_at,declarant_role,principle_set,principle_set_version,element,statement,answer,note,content_hash");
    expect(await header("admin")).not.toContain("declarant_name");
    expect(await header("admin", "?personal=true")).toBe("declaration,version,status,enterprise,cluster,declared_at,declarant_name,declarant_role,principle_set,principle_set_version,element,statement,answer,note,content_hash");
    expect((await fixture.call("moderator", "/declarations/export.csv?personal=true")).status).toBe(403);
  });
});

/** The live heap after a full collection: garbage not yet collected would hide what is really held. */
const collectGarbage = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

/** Live heap and the buffers outside it (where a compressor's backlog would sit), after a full collection. */
function liveMemory(): { heap: number; buffers: number } {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed, buffers: arrayBuffers };
}

/**
 * Reads a body to its end, measuring the server's live heap every `sampleBytes` received; returns the
 * body's size and the largest growth of the heap (and of buffers) over what they held before the request.
 */
async function measureWhileStreaming(response: Response, sampleBytes: number) {
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  const before = liveMemory();
  let bytes = 0;
  let nextSample = sampleBytes;
  let maxGrowth = 0;
  let maxBuffersGrowth = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (const byte of value) if (byte === 10) lines += 1;
    if (bytes >= nextSample) {
      const now = liveMemory();
      maxGrowth = Math.max(maxGrowth, now.heap - before.heap);
      maxBuffersGrowth = Math.max(maxBuffersGrowth, now.buffers - before.buffers);
      nextSample += sampleBytes;
    }
  }
  return { bytes, lines, maxGrowth, maxBuffersGrowth };
}

const MB = 1024 * 1024;

describe("response-set export of a large deployment", () => {
  const SETS = 200_000;
  const SMALL_CLUSTER_SETS = 20_000;
  let fixture: Fixture;

  beforeAll(async () => {
    fixture = await consoleFixture();
    const big = await seedCluster(fixture.db, { name: "Big cluster", people: [] });
    const small = await seedCluster(fixture.db, { name: "Small cluster", people: [] });
    const now = START.toISOString();
    const ratingKeys = JSON.stringify(CORE_ISSUES.flatMap((issue) => TEMPLATES.map((template) => ratingKey(issue, template))));
    // Generated inside SQLite: 200,000 score cards with 21 ratings each, in a few seconds.
    const { sqlite } = fixture;
    sqlite.transaction(() => {
      sqlite
        .prepare(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
           INSERT INTO respondents (id, cluster_id, stakeholder_type, display_name, created_at, updated_at)
           SELECT printf('gen-%07d', i), CASE WHEN i <= ? THEN ? ELSE ? END, 'worker', 'Generated person ' || i, ?, ? FROM n`,
        )
        .run(SETS, SMALL_CLUSTER_SETS, small.clusterId, big.clusterId, now, now);
      sqlite
        .prepare(
          `INSERT INTO sessions (id, respondent_id, questionnaire_id, questionnaire_version, state, status, version, channel, started_at, updated_at, completed_at)
           SELECT id, id, 'score_card', 1, '{}', 'completed', 1, 'telegram', ?, ?, ? FROM respondents WHERE id LIKE 'gen-%'`,
        )
        .run(now, now, now);
      sqlite
        .prepare(
          `INSERT INTO response_sets (id, respondent_id, cluster_id, questionnaire_id, questionnaire_version, status, started_at, completed_at, updated_at)
           SELECT id, id, cluster_id, 'score_card', 1, 'completed', ?, ?, ? FROM respondents WHERE id LIKE 'gen-%'`,
        )
        .run(now, now, now);
      sqlite
        .prepare(
          `INSERT INTO answers (response_set_id, item_id, value, answered_at)
           SELECT s.id, k.value, CAST((abs(random()) % 6) AS TEXT), ? FROM response_sets s, json_each(?) k WHERE s.id LIKE 'gen-%'`,
        )
        .run(now, ratingKeys);
    })();
  }, 120_000);
  afterAll(() => fixture.close());

  it(`streams ${SETS.toLocaleString("en")} rows of CSV with the server's heap flat`, async () => {
    const response = await fixture.call("viewer", "/exports/response-sets.csv");
    expect(response.status).toBe(200);
    const { bytes, lines, maxGrowth, maxBuffersGrowth } = await measureWhileStreaming(response, 4 * MB);
    expect(lines).toBe(SETS + 1);
    console.info(`CSV: ${SETS} rows, ${(bytes / MB).toFixed(1)} MB streamed, live heap grew at most ${(maxGrowth / MB).toFixed(1)} MB, buffers ${(maxBuffersGrowth / MB).toFixed(1)} MB`);
    // Holding the export (or even its rows) would grow the heap by more than the body's size.
    expect(bytes).toBeGreaterThan(30 * MB);
    expect(maxGrowth).toBeLessThan(16 * MB);
    expect(maxBuffersGrowth).toBeLessThan(16 * MB);
  }, 120_000);

  it(`streams ${SMALL_CLUSTER_SETS.toLocaleString("en")} rows of XLSX with the server's heap flat`, async () => {
    const response = await fixture.call("viewer", listUrl("/exports/response-sets.xlsx", { filter: { clusterId: (await firstCluster(fixture, "Small cluster")) } }));
    expect(response.status).toBe(200);
    const { bytes, maxGrowth, maxBuffersGrowth } = await measureWhileStreaming(response, 256 * 1024);
    console.info(`XLSX: ${SMALL_CLUSTER_SETS} rows, ${(bytes / MB).toFixed(1)} MB streamed, live heap grew at most ${(maxGrowth / MB).toFixed(1)} MB, buffers ${(maxBuffersGrowth / MB).toFixed(1)} MB`);
    // The sheet's XML is about ten times the compressed body; queued whole, it would show in the buffers.
    expect(maxGrowth).toBeLessThan(16 * MB);
    expect(maxBuffersGrowth).toBeLessThan(8 * MB);
  }, 120_000);
});

async function firstCluster(fixture: Fixture, name: string): Promise<string> {
  const rows = (await (await fixture.call("viewer", listUrl("/clusters", { filter: { q: name } }))).json()) as { id: string }[];
  return rows[0]?.id ?? "";
}
