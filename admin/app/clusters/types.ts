import type { ClusterListItem, clusterDetail } from "../../api/clusters/view";

/** The API's shapes, taken from the API's own code so the two cannot drift apart. */
export type ClusterRow = ClusterListItem;
export type ClusterRecord = ReturnType<typeof clusterDetail>;
