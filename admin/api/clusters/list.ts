import type { Database } from "../../../db/database";
import { CLUSTER_SORTABLE_FIELDS, clusterRepository, type ClusterWithScore } from "../../../db/repositories/clusters";
import { MAX_PAGE_SIZE } from "../../../db/repositories/listing";
import type { ListParams } from "../list-params";
import type { ClusterFilter, ClusterSortField } from "./schemas";
import { clusterListItem, type ClusterListItem } from "./view";

function matchesClass(item: ClusterListItem, wanted: string): boolean {
  return /^[1-4]/.test(wanted) ? item.classes.includes(wanted) : item.classes.some((label) => label.slice(1) === wanted);
}

function sortKey(item: ClusterListItem, field: ClusterSortField): string | number | null {
  const value = item[field];
  if (Array.isArray(value)) return field === "classes" ? value.join(" ") || null : value.length;
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Nulls (clusters nobody has answered for yet) go last whichever way the list is sorted. */
function compare(a: ClusterListItem, b: ClusterListItem, field: ClusterSortField, order: "ASC" | "DESC"): number {
  const x = sortKey(a, field);
  const y = sortKey(b, field);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const direction = order === "ASC" ? 1 : -1;
  if (typeof x === "number" && typeof y === "number") return (x - y) * direction;
  return String(x).localeCompare(String(y), "en", { sensitivity: "base" }) * direction;
}

/**
 * The clusters list. The database filters, sorts and pages whatever its columns hold; the class
 * labels, priority ranks, badges and the provisional flag of a never-scored cluster are derived from
 * JSON, so a list filtered or sorted by one of those reads the filtered clusters in full pages and
 * filters, sorts and cuts them here (fine for the hundreds a deployment holds, slow for millions).
 */
export async function listClusters(db: Database, params: ListParams<ClusterFilter, ClusterSortField>) {
  const { filter, sort, range } = params;
  const repository = clusterRepository(db);
  const dbFilter = {
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.id ? { ids: filter.id } : {}),
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.district ? { district: filter.district } : {}),
    ...(filter.sector ? { sector: filter.sector } : {}),
    ...(filter.mapCell === undefined ? {} : { mapCell: filter.mapCell }),
    // getMany by id must find archived clusters too: a response set can point at one.
    archived: filter.id ? filter.archived : (filter.archived ?? false),
  };
  const toItem = ({ score, ...cluster }: ClusterWithScore) => clusterListItem(cluster, score);
  if (filter.provisional === undefined && filter.class === undefined && CLUSTER_SORTABLE_FIELDS.has(sort.field)) {
    const page = await repository.list({ filter: dbFilter, sort, range });
    return { rows: page.rows.map(toItem), total: page.total };
  }
  const items: ClusterListItem[] = [];
  for (let from = 0; ; from += MAX_PAGE_SIZE) {
    const page = await repository.list({ filter: dbFilter, sort: { field: "id", order: "ASC" }, range: [from, from + MAX_PAGE_SIZE - 1] });
    items.push(...page.rows.map(toItem));
    if (page.rows.length < MAX_PAGE_SIZE) break;
  }
  const kept = items.filter(
    (item) =>
      (filter.provisional === undefined || item.provisional === filter.provisional) &&
      (filter.class === undefined || matchesClass(item, filter.class)),
  );
  kept.sort((a, b) => compare(a, b, sort.field, sort.order) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { rows: kept.slice(range[0], range[1] + 1), total: kept.length };
}
