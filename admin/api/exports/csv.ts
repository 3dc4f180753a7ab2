import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { ClusterListItem } from "../clusters/view";
import { safeCell } from "../../../core/text/spreadsheet-cells";
import { CLUSTER_EXPORT_COLUMNS, type ExportColumn } from "./cluster-columns";
import { webStreamOf } from "./web-stream";

/** Rows written per chunk: one string per few hundred rows keeps the chunks (and the writes) few. */
const ROWS_PER_CHUNK = 500;

const CSV_OPTIONS = { cast: { boolean: (value: boolean) => (value ? "true" : "false") } };

/**
 * Rows as a CSV stream, written by csv-stringify a few hundred rows at a time as the client reads:
 * the rows are pulled from `rows` only as fast as the body goes out, so an export of any length stays
 * within a few pages of memory. It starts with a byte-order mark so that spreadsheet programs read the
 * UTF-8 correctly (names in Devanagari and other scripts); text cells are neutralised (`safeCell`).
 * A failure while reading breaks the body off instead of letting it look complete.
 */
export function csvStream<Row>(columns: readonly ExportColumn<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): ReadableStream<Uint8Array> {
  async function* chunks() {
    let records: unknown[][] = [columns.map((column) => column.header)];
    let first = true;
    const flush = () => {
      const text = stringify(records, { ...CSV_OPTIONS, bom: first });
      first = false;
      records = [];
      return Buffer.from(text);
    };
    for await (const row of rows) {
      records.push(columns.map((column) => safeCell(column.value(row))));
      if (records.length >= ROWS_PER_CHUNK) yield flush();
    }
    if (records.length > 0) yield flush();
  }
  return webStreamOf(Readable.from(chunks()));
}

/** The clusters list as CSV. */
export function clustersCsv(clusters: readonly ClusterListItem[]): ReadableStream<Uint8Array> {
  return csvStream(CLUSTER_EXPORT_COLUMNS, clusters);
}
