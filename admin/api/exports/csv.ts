import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import type { ClusterListItem } from "../clusters/view";
import { safeCell } from "../../../core/text/spreadsheet-cells";
import { CLUSTER_EXPORT_COLUMNS, type ExportColumn } from "./cluster-columns";
import { webStreamOf } from "./web-stream";

/**
 * Rows as a CSV stream, written by csv-stringify's streaming API as the client reads: the rows are
 * pulled from `rows` only as fast as the body goes out, so an export of any length stays within a
 * few pages of memory. It starts with a byte-order mark so that spreadsheet programs read the UTF-8
 * correctly (names in Devanagari and other scripts); text cells are neutralised (`safeCell`).
 */
export function csvStream<Row>(columns: readonly ExportColumn<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): ReadableStream<Uint8Array> {
  async function* lines() {
    yield columns.map((column) => column.header);
    for await (const row of rows) yield columns.map((column) => safeCell(column.value(row)));
  }
  const csv = stringify({ bom: true, cast: { boolean: (value) => (value ? "true" : "false") } });
  // An error on either side ends the other: the body then breaks off instead of looking complete.
  return webStreamOf(pipeline(Readable.from(lines()), csv, () => {}));
}

/** The clusters list as CSV. */
export function clustersCsv(clusters: readonly ClusterListItem[]): ReadableStream<Uint8Array> {
  return csvStream(CLUSTER_EXPORT_COLUMNS, clusters);
}
