import simpleRestProvider from "ra-data-simple-rest";
import type { DataProvider } from "react-admin";
import { API_ROOT, apiUrl, httpClient } from "./api";

/** What the exclude and restore calls answer: the set as it is now and the cluster's new score. */
export interface ModerationResult {
  id: string;
  excluded: boolean;
  changed: boolean;
  clusterScore: { consolidated: number | null; provisional: boolean; countedRespondents: number } | null;
}

export interface ConsoleDataProvider extends DataProvider {
  /** Leaves a response set out of its cluster's score; the score is recomputed before this resolves. */
  moderate(id: string, action: "exclude" | "restore", reason: string): Promise<ModerationResult>;
  /** The scoring scheme in use and the method's fixed parts. */
  getMethodology(): Promise<Methodology>;
  /** Makes a scoring scheme version the active one; every cluster is rescored before this resolves. */
  activateScoringScheme(id: string): Promise<ScoringSchemeActivation>;
}

/** What activating a scoring scheme answers: the scheme now active and how many clusters were rescored. */
export interface ScoringSchemeActivation {
  scheme: { id: string; name: string; version: number };
  rescored: number;
  /** False when the scheme was active already and the call only recomputed. */
  changed: boolean;
}

/**
 * Where the browser downloads the clusters list as a file, filtered and sorted like the page. A plain
 * function, not a data provider method: react-admin wraps those to return promises.
 */
export function clusterExportUrl(format: "csv" | "xlsx", filter: object, sort: { field: string; order: string }): string {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify([sort.field, sort.order]) });
  return apiUrl(`/exports/clusters.${format}?${query.toString()}`);
}

export interface Methodology {
  scheme: {
    name: string;
    version: number;
    weights: { awareness: number; intensity: number; engagement: number; economic: number };
    engagementMethod: "linear" | "guide-reciprocal";
    minimumCountedRespondents: number;
    divergenceSd: number;
    classThresholds: { aware: number; engagedLow: number; engagedModerate: number; engagedHigh: number };
    mapLevels: { medium: number; high: number };
    moderation: { speedingMinimumSeconds: number; outlierZ: number };
  };
  priorityCells: number[];
}

/** ra-data-simple-rest on `/api` with the session cookie, plus the API's non-CRUD calls. */
export function createDataProvider(): ConsoleDataProvider {
  const rest = simpleRestProvider(API_ROOT, httpClient);
  return {
    ...rest,
    async moderate(id, action, reason) {
      const { json } = await httpClient(apiUrl(`/response-sets/${encodeURIComponent(id)}/${action}`), {
        method: "POST",
        body: JSON.stringify({ reason }),
      });
      return json as ModerationResult;
    },
    async getMethodology() {
      const { json } = await httpClient(apiUrl("/methodology"));
      return json as Methodology;
    },
    async activateScoringScheme(id) {
      const { json } = await httpClient(apiUrl(`/scoring-schemes/${encodeURIComponent(id)}/activate`), { method: "POST" });
      return json as ScoringSchemeActivation;
    },
  };
}
