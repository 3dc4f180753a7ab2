import { sql, type SQL } from "drizzle-orm";
import type { ClusterTally, Issue, IssueTally, RatingTally, Template } from "../../core/scoring";
import { EMPTY_RATING_TALLY, ISSUES, TEMPLATES } from "../../core/scoring";
import type { Database } from "../database";
import { answers, responseSets } from "../schema";

const issueSet: ReadonlySet<string> = new Set(ISSUES);

/** Which clusters to tally: one, or a page of ids in order (bounds inclusive). */
export type ClusterSelection = { clusterId: string } | { from: string; through: string };

type TallyRow = { clusterId: string; issue: string; respondents: number } & {
  [column in `${Template}_${"count" | "sum" | "squares" | "min" | "max"}`]: number | null;
};

interface SetCountRow {
  clusterId: string;
  total: number;
  counted: number;
}

/**
 * A usable rating as core's `isRating` reads one: a JSON number from 0 to 5 ("don't know" is null).
 * Values are JSON as `JSON.stringify` writes it, where only a number starts with a digit (a string
 * starts with a quote); testing the first character costs less than half of parsing it with `json_type`.
 */
const isUsableRating = sql`unicode(${answers.value}) between 48 and 57 and cast(${answers.value} as real) between 0 and 5`;

/** Per template, what core's `RatingTally` holds, over the per-set ratings `e`, `i`, `f`. */
const TEMPLATE_COLUMNS = { existence: "e", intensity: "i", efforts: "f" } as const satisfies Record<Template, string>;

const templateAggregates = sql.raw(
  TEMPLATES.map((template) => {
    const v = TEMPLATE_COLUMNS[template];
    return `count(${v}) as ${template}_count, total(${v}) as ${template}_sum, total(${v} * ${v}) as ${template}_squares, min(${v}) as ${template}_min, max(${v}) as ${template}_max`;
  }).join(", "),
);

const perSetRatings = sql.raw(
  TEMPLATES.map((template) => `max(case when template = '${template}' then value end) as ${TEMPLATE_COLUMNS[template]}`).join(", "),
);

function clustersWhere(selection: ClusterSelection): SQL {
  return "clusterId" in selection
    ? sql`${responseSets.clusterId} = ${selection.clusterId}`
    : sql`${responseSets.clusterId} between ${selection.from} and ${selection.through}`;
}

/**
 * Reduces the completed, counted score cards of the selected clusters to core's `ClusterTally`
 * inside the database, so a rescore reads a few rows per issue instead of every answer. The inner
 * query folds each set's ratings of an issue into one row (so an issue's respondents are a count);
 * the outer one sums, squares, counts and bounds them per issue. Works the same on better-sqlite3
 * and D1 (both have the JSON functions). Clusters without a completed set are absent from the map.
 */
export async function tallyClusters(db: Database, questionnaireId: string, selection: ClusterSelection): Promise<Map<string, ClusterTally>> {
  const inClusters = clustersWhere(selection);
  const completed = sql`${inClusters} and ${responseSets.status} = 'completed' and ${responseSets.questionnaireId} = ${questionnaireId}`;
  const [perIssue, setCounts] = await Promise.all([
    db.all<TallyRow>(sql`
      select cluster_id as clusterId, issue, count(*) as respondents, ${templateAggregates}
      from (
        select cluster_id, issue, ${perSetRatings}
        from (
          select ${responseSets.clusterId} as cluster_id, ${answers.responseSetId} as set_id,
            substr(${answers.itemId}, 1, instr(${answers.itemId}, '.') - 1) as issue,
            substr(${answers.itemId}, instr(${answers.itemId}, '.') + 1) as template,
            cast(${answers.value} as real) as value
          from ${answers} join ${responseSets} on ${responseSets.id} = ${answers.responseSetId}
          where ${completed} and ${responseSets.excludedAt} is null and ${isUsableRating}
        )
        group by cluster_id, set_id, issue
      )
      group by cluster_id, issue`),
    countCompletedSets(db, questionnaireId, selection),
  ]);

  const tallies = new Map<string, ClusterTally>();
  for (const [clusterId, counts] of setCounts) tallies.set(clusterId, { ...counts, issues: {} });
  for (const row of perIssue) {
    const tally = tallies.get(row.clusterId);
    if (!tally || !issueSet.has(row.issue)) continue;
    tally.issues[row.issue as Issue] = issueTally(row);
  }
  return tallies;
}

/** Completed score cards per cluster: how many count, and how many a moderator excluded. */
export async function countCompletedSets(
  db: Database,
  questionnaireId: string,
  selection: ClusterSelection,
): Promise<Map<string, { counted: number; excluded: number }>> {
  const rows = await db.all<SetCountRow>(sql`
    select ${responseSets.clusterId} as clusterId, count(*) as total, count(*) - count(${responseSets.excludedAt}) as counted
    from ${responseSets}
    where ${clustersWhere(selection)} and ${responseSets.status} = 'completed' and ${responseSets.questionnaireId} = ${questionnaireId}
    group by ${responseSets.clusterId}`);
  return new Map(rows.map((row) => [row.clusterId, { counted: Number(row.counted), excluded: Number(row.total) - Number(row.counted) }]));
}

function issueTally(row: TallyRow): IssueTally {
  const templates = {} as Record<Template, RatingTally>;
  for (const template of TEMPLATES) {
    const count = Number(row[`${template}_count`] ?? 0);
    templates[template] = count === 0
      ? EMPTY_RATING_TALLY
      : {
          count,
          sum: Number(row[`${template}_sum`]),
          sumOfSquares: Number(row[`${template}_squares`]),
          min: Number(row[`${template}_min`]),
          max: Number(row[`${template}_max`]),
        };
  }
  return { respondents: Number(row.respondents), templates };
}

/** One cluster's tally; a cluster without completed score cards tallies to nothing counted. */
export async function clusterTally(db: Database, clusterId: string, questionnaireId: string): Promise<ClusterTally> {
  const tallies = await tallyClusters(db, questionnaireId, { clusterId });
  return tallies.get(clusterId) ?? { counted: 0, excluded: 0, issues: {} };
}
