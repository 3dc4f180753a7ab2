import type { Database } from "../../../db/database";
import { clusterRepository } from "../../../db/repositories/clusters";
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
 * The clusters list. Filters the database can apply are applied there; the class labels and
 * eligibility badges are derived from JSON, so the filtered clusters are read in full pages and then
 * filtered, sorted and cut here. A deployment holds hundreds of clusters, not millions, and this keeps
 * every column of the list sortable.
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
  const items: ClusterListItem[] = [];
  for (let from = 0; ; from += MAX_PAGE_SIZE) {
    const page = await repository.list({ filter: dbFilter, range: [from, from + MAX_PAGE_SIZE - 1] });
    items.push(...page.rows.map(({ score, ...cluster }) => clusterListItem(cluster, score)));
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
