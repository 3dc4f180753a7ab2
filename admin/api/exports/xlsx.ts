import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ScoringScheme } from "../../../core/scoring";
import type { ClusterListItem } from "../clusters/view";
import { CLUSTER_EXPORT_COLUMNS } from "./cluster-columns";

/**
 * The clusters as an XLSX workbook, written row by row by exceljs's streaming writer: one sheet of
 * clusters, and one that states the scoring scheme in use, its weights and method.
 */
export function clustersXlsx(clusters: readonly ClusterListItem[], scheme: ScoringScheme): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });

  async function write() {
    const sheet = workbook.addWorksheet("Clusters", { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = CLUSTER_EXPORT_COLUMNS.map(({ key, header, width }) => ({ key, header, width }));
    sheet.getRow(1).font = { bold: true };
    for (const cluster of clusters) {
      sheet.addRow(Object.fromEntries(CLUSTER_EXPORT_COLUMNS.map((column) => [column.key, column.value(cluster)]))).commit();
    }
    sheet.commit();
    const about = workbook.addWorksheet("Scheme");
    about.columns = [{ key: "field", width: 34 }, { key: "value", width: 24 }];
    const facts: [string, string | number][] = [
      ["scheme", `${scheme.name}@${scheme.version}`],
      ["engagement method", scheme.engagementMethod],
      ["weight awareness", scheme.weights.awareness],
      ["weight intensity", scheme.weights.intensity],
      ["weight engagement", scheme.weights.engagement],
      ["weight economic", scheme.weights.economic],
      ["minimum counted respondents", scheme.minimumCountedRespondents],
    ];
    for (const [field, value] of facts) about.addRow({ field, value }).commit();
    about.commit();
    await workbook.commit();
  }

  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
