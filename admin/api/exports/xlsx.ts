import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { ScoringScheme } from "../../../core/scoring";
import type { ClusterListItem } from "../clusters/view";
import { safeCell } from "../../../core/text/spreadsheet-cells";
import { CLUSTER_EXPORT_COLUMNS, type ExportColumn } from "./cluster-columns";
import { webStreamOf } from "./web-stream";

/** A sheet of facts about an export (the scheme it used, how to read it), one field and value a row. */
export interface FactSheet {
  name: string;
  facts: readonly (readonly [string, string | number])[];
}

/** Rows written between checks that the workbook's earlier rows have moved on towards the client. */
const ROWS_PER_CHECK = 500;
/** Bytes of sheet XML allowed to wait for the compressor before writing pauses. */
const MAX_QUEUED_BYTES = 1 << 20;

interface QueueState {
  length: number;
}

/**
 * exceljs hands a sheet's XML to the zip without waiting for it to be taken (it ignores
 * backpressure), so rows written faster than they are compressed and sent pile up in the stream
 * archiver reads the sheet from. That stream's queue is the only place the backlog shows; it is read
 * from exceljs 4's internals, and without them writing falls back to waiting for the output only.
 */
function queuedBytes(sheet: ExcelJS.Worksheet): () => number {
  const stream = (sheet as unknown as { stream?: { pipes?: { _readableState?: QueueState; _writableState?: QueueState }[] } }).stream;
  const queue = stream?.pipes?.[0];
  return () => (queue?._readableState?.length ?? 0) + (queue?._writableState?.length ?? 0);
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done).off("close", done);
      resolve();
    };
    stream.on("drain", done).on("close", done);
  });
}

/**
 * A workbook written row by row with exceljs's streaming writer, which needs Node's streams: one
 * sheet of rows, then the fact sheets. Rows are taken from `rows` only while the workbook keeps up
 * with the client, so memory stays flat for any number of rows; a download that is cancelled stops
 * the reading.
 */
export function xlsxStream<Row>(
  sheet: { name: string; columns: readonly ExportColumn<Row>[]; rows: Iterable<Row> | AsyncIterable<Row> },
  factSheets: readonly FactSheet[],
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  // Shared strings would keep every distinct text in memory until the end; inline strings do not.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });

  /** Waits, without spinning while the client is slow, until the rows written so far have moved on. */
  async function keepUp(queued: () => number) {
    for (;;) {
      if (output.destroyed) throw new Error("the download was cancelled");
      if (output.writableNeedDrain) await drainedOrClosed(output);
      else if (queued() > MAX_QUEUED_BYTES) await turn();
      else return;
    }
  }

  async function write() {
    const rowsSheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    rowsSheet.columns = sheet.columns.map(({ key, header, width }) => ({ key, header, width }));
    rowsSheet.getRow(1).font = { bold: true };
    const queued = queuedBytes(rowsSheet);
    let written = 0;
    for await (const row of sheet.rows) {
      rowsSheet.addRow(Object.fromEntries(sheet.columns.map((column) => [column.key, safeCell(column.value(row))]))).commit();
      written += 1;
      if (written % ROWS_PER_CHECK === 0) await keepUp(queued);
    }
    rowsSheet.commit();
    for (const { name, facts } of factSheets) {
      const about = workbook.addWorksheet(name);
      about.columns = [{ key: "field", width: 34 }, { key: "value", width: 24 }];
      for (const [field, value] of facts) about.addRow({ field, value: safeCell(value) }).commit();
      about.commit();
    }
    await workbook.commit();
  }

  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return webStreamOf(output);
}

/** What every workbook says about the scoring scheme its scores were computed with (SPEC §3). */
export function schemeSheet(scheme: ScoringScheme): FactSheet {
  return {
    name: "Scheme",
    facts: [
      ["scheme", `${scheme.name}@${scheme.version}`],
      ["engagement method", scheme.engagementMethod],
      ["weight awareness", scheme.weights.awareness],
      ["weight intensity", scheme.weights.intensity],
      ["weight engagement", scheme.weights.engagement],
      ["weight economic", scheme.weights.economic],
      ["minimum counted respondents", scheme.minimumCountedRespondents],
    ],
  };
}

/** The clusters as an XLSX workbook: one sheet of clusters, and one that states the scoring scheme. */
export function clustersXlsx(clusters: readonly ClusterListItem[], scheme: ScoringScheme): ReadableStream<Uint8Array> {
  return xlsxStream({ name: "Clusters", columns: CLUSTER_EXPORT_COLUMNS, rows: clusters }, [schemeSheet(scheme)]);
}
