import { stringify } from "csv-stringify/sync";
import type { ClusterListItem } from "../clusters/view";
import { CLUSTER_EXPORT_COLUMNS } from "./cluster-columns";

/** Rows written per chunk: the response starts at once and memory stays flat for any list. */
const ROWS_PER_CHUNK = 200;

/**
 * The clusters as a CSV stream. It starts with a byte-order mark so that spreadsheet programs read
 * the UTF-8 correctly (names in Devanagari and other scripts).
 */
export function clustersCsv(clusters: readonly ClusterListItem[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${stringify([CLUSTER_EXPORT_COLUMNS.map((column) => column.header)])}`));
    },
    pull(controller) {
      const chunk = clusters.slice(next, next + ROWS_PER_CHUNK);
      next += chunk.length;
      if (chunk.length === 0) {
        controller.close();
        return;
      }
      const rows = chunk.map((cluster) => CLUSTER_EXPORT_COLUMNS.map((column) => column.value(cluster)));
      controller.enqueue(encoder.encode(stringify(rows, { cast: { boolean: (value) => (value ? "true" : "false") } })));
    },
  });
}
