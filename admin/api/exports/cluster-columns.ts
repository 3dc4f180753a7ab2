import type { ClusterListItem } from "../clusters/view";
import type { Cell } from "../../../core/text/spreadsheet-cells";

/** One column of an export: its heading, its spreadsheet width, and how a row fills it. */
export interface ExportColumn<Row> {
  key: string;
  header: string;
  /** Column width in characters, for the spreadsheet. */
  width: number;
  value: (row: Row) => Cell;
}

/**
 * The columns of a clusters export, one row per cluster. Scores keep full precision (a spreadsheet
 * rounds for display); every row names the scheme its score was computed with (SPEC §3).
 */
export const CLUSTER_EXPORT_COLUMNS: readonly ExportColumn<ClusterListItem>[] = [
  { key: "id", header: "id", width: 38, value: (c) => c.id },
  { key: "name", header: "name", width: 30, value: (c) => c.name },
  { key: "state", header: "state", width: 16, value: (c) => c.state },
  { key: "district", header: "district", width: 16, value: (c) => c.district },
  { key: "sector", header: "sector", width: 14, value: (c) => c.sector },
  { key: "consolidated", header: "consolidated_S", width: 14, value: (c) => c.consolidated },
  { key: "awareness", header: "awareness_A", width: 12, value: (c) => c.awareness },
  { key: "intensity", header: "intensity_I", width: 12, value: (c) => c.intensity },
  { key: "engagement", header: "engagement_G", width: 13, value: (c) => c.engagement },
  { key: "economic", header: "economic_C", width: 12, value: (c) => c.economic },
  { key: "brSignificance", header: "br_significance_B", width: 16, value: (c) => c.brSignificance },
  { key: "mapCell", header: "map_cell", width: 9, value: (c) => c.mapCell },
  { key: "priorityRank", header: "map_priority", width: 12, value: (c) => c.priorityRank },
  { key: "classes", header: "classes", width: 14, value: (c) => c.classes.join(" ") },
  { key: "provisional", header: "provisional", width: 11, value: (c) => c.provisional },
  { key: "countedRespondents", header: "counted_respondents", width: 12, value: (c) => c.countedRespondents },
  { key: "excludedRespondents", header: "excluded_respondents", width: 12, value: (c) => c.excludedRespondents },
  { key: "eligibleFor", header: "eligible_for", width: 24, value: (c) => c.eligibleFor.join(" ") },
  { key: "scheme", header: "scheme", width: 16, value: (c) => c.scheme },
  { key: "scoredAt", header: "scored_at", width: 24, value: (c) => c.scoredAt },
];
