import { sql, type SQL } from "drizzle-orm";
import type { ConceptId } from "../../core/schemes/concepts";
import { analyseQuery } from "../../core/schemes/query";
import type { ActivitySuggestion, Boost, ClusterContext, Reason } from "../../core/schemes/ranking";
import { boostApplies, rankingBoosts, RELEVANCE_HALF, statusReason, suggestActivities, textReasons, WEIGHTS } from "../../core/schemes/ranking";
import { maskOf, tagBit, tagKeysOf } from "../../core/schemes/tags";
import type { Area, Group, SchemeStatus, Topic } from "../../core/schemes/types";
import type { CategoryId, Issue } from "../../core/scoring/issues";
import type { Database } from "../database";
import { brActivities, type Cluster } from "../schema";
import { scoreRepository } from "./scores";
import type { SchemeRecord } from "./schemes";

export interface SchemeSearchFilters {
  issue?: Issue;
  group?: Group;
  /** Exact ministry name, as `schemeRepository(db).ministries()` lists them. */
  ministry?: string;
  status?: SchemeStatus;
}

export interface SchemeSearch {
  /** Free text in any supported language; empty lists everything that passes the filters. */
  text: string;
  /** The asker's language, which settles words that two languages read differently. */
  locale: string;
  filters?: SchemeSearchFilters;
  cluster?: ClusterContext;
  limit: number;
  offset: number;
}

export interface SchemeHit {
  scheme: SchemeRecord;
  score: number;
  reasons: Reason[];
}

export interface SchemeSearchResult {
  hits: SchemeHit[];
  total: number;
}

/** The most hits one search returns. */
export const MAX_SEARCH_LIMIT = 50;

/**
 * bm25 weights of the index's columns (name, ministry, objective, tags): a word in the name says
 * most about a scheme, one in the ministry's name least.
 */
const COLUMN_WEIGHTS = sql.raw("4.0, 1.0, 2.0, 2.0");

/** Closed and merged schemes come after all others, whatever their score, and point to their successor. */
const TIER = sql.raw(`CASE WHEN s.status IN ('closed', 'merged') THEN 1 ELSE 0 END`);

/**
 * Whether row `s` has every tag of one of the boost's alternatives. Masks are inlined as integer
 * literals, not bound: they come from our vocabulary, and D1 caps bound parameters at 100.
 */
function boostTest(boost: Boost): SQL {
  const masks = boost.match.map((tags) => maskOf(tags));
  return sql.raw(`(${masks.map((mask) => `(s.tag_mask & ${mask}) = ${mask}`).join(" OR ")})`);
}

/** The sum of the boosts that apply to row `s`, plus the penalty for an unknown status. */
function boostScore(boosts: readonly Boost[]): SQL {
  const terms = boosts.map((boost) => sql`CASE WHEN ${boostTest(boost)} THEN ${sql.raw(String(boost.weight))} ELSE 0 END`);
  terms.push(sql.raw(`CASE WHEN s.status = 'unknown' THEN ${WEIGHTS.unknownStatus} ELSE 0 END`));
  return sql.join(terms, sql` + `);
}

function filterConditions(filters: SchemeSearchFilters = {}): SQL {
  const conditions: SQL[] = [sql`s.retired_at IS NULL`];
  if (filters.issue !== undefined) conditions.push(sql`(s.tag_mask & ${tagBit(`issue:${filters.issue}`)}) <> 0`);
  if (filters.group !== undefined) conditions.push(sql`(s.tag_mask & ${tagBit(`group:${filters.group}`)}) <> 0`);
  if (filters.ministry !== undefined) conditions.push(sql`s.ministry = ${filters.ministry}`);
  if (filters.status !== undefined) conditions.push(sql`s.status = ${filters.status}`);
  return sql.join(conditions, sql` AND `);
}

/** Columns of a hit row, read by `hitScheme`. */
const HIT_COLUMNS = sql.raw(
  `s.id, s.name, s.ministry, s.objective, s.links, s.categories, s.issues, s.topics, s.groups, s.areas, s.status,
   s.successor_id, s.status_note, s.source, s.created_at, s.updated_at, s.retired_at, successor.name AS successor_name`,
);

interface HitRow {
  id: string;
  name: string;
  ministry: string;
  objective: string;
  links: string;
  categories: string;
  issues: string;
  topics: string;
  groups: string;
  areas: string;
  status: SchemeStatus;
  successor_id: string | null;
  status_note: string | null;
  source: SchemeRecord["source"];
  created_at: string;
  updated_at: string;
  retired_at: string | null;
  successor_name: string | null;
  score: number;
  total: number;
}

function hitScheme(row: HitRow): SchemeRecord {
  return {
    id: row.id,
    name: row.name,
    ministry: row.ministry,
    objective: row.objective,
    links: JSON.parse(row.links) as string[],
    categories: JSON.parse(row.categories) as CategoryId[],
    issues: JSON.parse(row.issues) as Issue[],
    topics: JSON.parse(row.topics) as Topic[],
    groups: JSON.parse(row.groups) as Group[],
    areas: JSON.parse(row.areas) as Area[],
    status: row.status,
    successorId: row.successor_id,
    statusNote: row.status_note,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    retiredAt: row.retired_at,
  };
}

/** Why a row was found: text matches, applied boosts, then what became of it. */
function hit(row: HitRow, boosts: readonly Boost[], items: readonly string[]): SchemeHit {
  const scheme = hitScheme(row);
  const tags = new Set(tagKeysOf(scheme));
  const successor = row.successor_id && row.successor_name ? { id: row.successor_id, name: row.successor_name } : null;
  const status = statusReason(scheme, successor);
  return {
    scheme,
    score: row.score,
    reasons: [
      ...textReasons(items, scheme),
      ...boosts.filter((boost) => boostApplies(boost, tags)).map((boost) => boost.reason),
      ...(status ? [status] : []),
    ],
  };
}

function page(limit: number, offset: number): { limit: number; offset: number } {
  return {
    limit: Math.min(MAX_SEARCH_LIMIT, Math.max(0, Math.floor(Number.isFinite(limit) ? limit : 0))),
    offset: Math.max(0, Math.floor(Number.isFinite(offset) ? offset : 0)),
  };
}

/**
 * Ranks by full-text relevance plus the boosts; without text, by the boosts alone. Relevance is
 * bm25 (over name, ministry, objective and tags) mapped onto 0–1 as r / (r + RELEVANCE_HALF), which
 * needs no second pass over the matches. The total comes from a window over the same single pass:
 * running the MATCH again to count would cost nearly as much as the search.
 */
async function rankedPage(
  db: Database,
  match: string | null,
  where: SQL,
  boosts: readonly Boost[],
  limit: number,
  offset: number,
): Promise<HitRow[]> {
  const candidates = match
    ? sql`SELECT seq, tier, relevance / (relevance + ${sql.raw(String(RELEVANCE_HALF))}) + boost AS score
          FROM (SELECT s.seq, ${TIER} AS tier, -bm25(schemes_fts, ${COLUMN_WEIGHTS}) AS relevance, ${boostScore(boosts)} AS boost
                FROM schemes_fts JOIN schemes s ON s.seq = schemes_fts.rowid
                WHERE schemes_fts MATCH ${match} AND ${where})`
    : sql`SELECT s.seq, ${TIER} AS tier, ${boostScore(boosts)} AS score FROM schemes s WHERE ${where}`;
  return db.all<HitRow>(sql`
    SELECT ${HIT_COLUMNS}, ranked.score, ranked.total
    FROM (SELECT seq, tier, score, COUNT(*) OVER () AS total FROM (${candidates})
          ORDER BY tier, score DESC, seq LIMIT ${limit} OFFSET ${offset}) ranked
    JOIN schemes s ON s.seq = ranked.seq
    LEFT JOIN schemes successor ON successor.id = s.successor_id
    ORDER BY ranked.tier, ranked.score DESC, ranked.seq`);
}

/** How many rows a ranked query would have; needed only when the page lies past the end. */
async function countMatches(db: Database, match: string | null, where: SQL): Promise<number> {
  const [row] = await db.all<{ total: number }>(
    match
      ? sql`SELECT COUNT(*) AS total FROM schemes_fts JOIN schemes s ON s.seq = schemes_fts.rowid WHERE schemes_fts MATCH ${match} AND ${where}`
      : sql`SELECT COUNT(*) AS total FROM schemes s WHERE ${where}`,
  );
  return row?.total ?? 0;
}

/**
 * Finds schemes for free text in any supported language, with optional filters and the asker's
 * cluster. Text that holds nothing searchable (only punctuation, emoji or stop words) finds nothing;
 * empty text lists every scheme that passes the filters. Each hit says why it was found.
 *
 * @example
 * await searchSchemes(db, { text: "बाल श्रम", locale: "hi", limit: 5, offset: 0 })
 */
export async function searchSchemes(db: Database, search: SchemeSearch): Promise<SchemeSearchResult> {
  const { limit, offset } = page(search.limit, search.offset);
  const browsing = search.text.trim() === "";
  const query = browsing ? { concepts: [] as ConceptId[], items: [], match: null } : analyseQuery(search.text, search.locale);
  if (!browsing && query.match === null) return { hits: [], total: 0 };
  const boosts = rankingBoosts(query.concepts, search.cluster);
  const where = filterConditions(search.filters);
  const rows = limit === 0 ? [] : await rankedPage(db, query.match, where, boosts, limit, offset);
  const total = rows[0]?.total ?? (offset > 0 || limit === 0 ? await countMatches(db, query.match, where) : 0);
  return { hits: rows.map((row) => hit(row, boosts, query.items)), total };
}

/**
 * What the search knows about a cluster, read from what is stored: its issues in order of priority
 * for action (from the cached score) and the share of women in its workforce (from the profile).
 */
export async function clusterSearchContext(db: Database, cluster: Cluster): Promise<ClusterContext> {
  const cached = await scoreRepository(db).getCached(cluster.id);
  const priorityIssues: Issue[] = cached ? cached.breakdown.priorities.map((entry) => entry.issue) : [];
  const women = cluster.profile.women_percent;
  return { priorityIssues, womenShare: typeof women === "number" ? women / 100 : null };
}

export interface ClusterSuggestions {
  schemes: SchemeHit[];
  activities: ActivitySuggestion[];
}

/**
 * Schemes and Annex IV activities for a cluster's priority issues (SPEC §3 and §8): current schemes
 * (not closed or merged) tagged with one of the top three issues, and activities that work on them;
 * where women are the majority of the workforce, schemes and activities for women count too.
 */
export async function suggestForCluster(
  db: Database,
  request: ClusterContext & { limit: number },
): Promise<ClusterSuggestions> {
  const { limit } = page(request.limit, 0);
  const boosts = rankingBoosts([], request);
  if (boosts.length === 0 || limit === 0) return { schemes: [], activities: [] };
  const relevant = sql.join(boosts.map(boostTest), sql` OR `);
  const where = sql`${filterConditions()} AND s.status NOT IN ('closed', 'merged') AND (${relevant})`;
  const rows = await rankedPage(db, null, where, boosts, limit, 0);
  const activityRows = await db.select().from(brActivities).orderBy(brActivities.position);
  return {
    schemes: rows.map((row) => hit(row, boosts, [])),
    activities: suggestActivities(
      activityRows.map(({ position: _position, ...activity }) => activity),
      request,
      limit,
    ),
  };
}
