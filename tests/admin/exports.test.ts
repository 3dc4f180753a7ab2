import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKED_EXAMPLE, consoleFixture, listUrl, seedCluster, uniformRatings } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;

beforeAll(async () => {
  fixture = await consoleFixture();
  await seedCluster(fixture.db, { name: "समालखा ढलाई", state: "haryana", people: [{ name: "R1", ratings: WORKED_EXAMPLE.r1 }, { name: "R2", ratings: WORKED_EXAMPLE.r2 }] });
  await seedCluster(fixture.db, { name: "Jaipur blue pottery", state: "rajasthan", people: [4, 4, 5].map((n, i) => ({ name: `P${i}`, ratings: uniformRatings(n) })) });
});
afterAll(() => fixture.close());

describe("exports", () => {
  it("stream the clusters list as CSV, filtered and sorted like the list, naming the scheme on every row", async () => {
    const response = await fixture.call("viewer", listUrl("/exports/clusters.csv", { sort: ["consolidated", "DESC"] }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="samuh-clusters-2026-03-02.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.name)).toEqual(["Jaipur blue pottery", "समालखा ढलाई"]);
    expect(Number(rows[1]?.consolidated_S)).toBeCloseTo(2.55, 10);
    expect(rows[1]).toMatchObject({ map_cell: "5", classes: "1EL 2EL", provisional: "true", scheme: "guide@1" });

    const filtered = await fixture.call("viewer", listUrl("/exports/clusters.csv", { filter: { state: "rajasthan" } }));
    expect((parse(await filtered.text(), { columns: true }) as unknown[]).length).toBe(1);
    expect((await fixture.call("viewer", listUrl("/exports/clusters.csv", { filter: { mapCell: 0 } }))).status).toBe(400);
  });

  it("write the same rows to XLSX, with a sheet stating the scheme", async () => {
    const response = await fixture.call("viewer", "/exports/clusters.xlsx");
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const clusters = workbook.getWorksheet("Clusters");
    expect(clusters?.rowCount).toBe(3);
    expect(clusters?.getRow(1).getCell(2).value).toBe("name");
    expect(clusters?.getRow(2).getCell(2).value).toBe("Jaipur blue pottery");
    expect(clusters?.getRow(3).getCell(6).value).toBeCloseTo(2.55, 10);
    const scheme = workbook.getWorksheet("Scheme");
    expect(scheme?.getRow(1).values).toEqual([undefined, "scheme", "guide@1"]);
    expect(scheme?.getRow(6).values).toEqual([undefined, "weight economic", 0.4]);
  });
});
