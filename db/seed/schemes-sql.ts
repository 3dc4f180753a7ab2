/**
 * Writes the `schemes_search` migration: the full-text index over the schemes catalogue, the triggers
 * that keep it in step with the `schemes` table, and the built-in catalogue as INSERT statements.
 * Seeding by migration puts the same rows on SQLite and on D1 (`wrangler d1 migrations apply`).
 *
 *   npx tsx db/seed/schemes-sql.ts db/migrations/0003_schemes_search.sql
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ACTIVITIES, SCHEMES } from "../../core/schemes/catalogue";
import { tagKeyText, tagSearchText } from "../../core/schemes/tags";
import type { Scheme } from "../../core/schemes/types";

const BREAKPOINT = "\n--> statement-breakpoint\n";

/**
 * The index and its triggers. Porter stemming lets "weavers" find "weaver"; unicode61 keeps Indian
 * scripts' vowel signs inside words. bm25 weighs the columns in this order: name, ministry,
 * objective, tags (see db/repositories/schemes-search.ts).
 */
export const SEARCH_INDEX_STATEMENTS = [
  `CREATE VIRTUAL TABLE \`schemes_fts\` USING fts5(name, ministry, objective, tags, tokenize = 'porter unicode61 remove_diacritics 2');`,
  `CREATE TRIGGER \`schemes_fts_after_insert\` AFTER INSERT ON \`schemes\` BEGIN
	INSERT INTO schemes_fts (rowid, name, ministry, objective, tags) VALUES (new.seq, new.name, new.ministry, new.objective, new.search_tags);
END;`,
  `CREATE TRIGGER \`schemes_fts_after_update\` AFTER UPDATE OF seq, name, ministry, objective, search_tags ON \`schemes\` BEGIN
	DELETE FROM schemes_fts WHERE rowid = old.seq;
	INSERT INTO schemes_fts (rowid, name, ministry, objective, tags) VALUES (new.seq, new.name, new.ministry, new.objective, new.search_tags);
END;`,
  `CREATE TRIGGER \`schemes_fts_after_delete\` AFTER DELETE ON \`schemes\` BEGIN
	DELETE FROM schemes_fts WHERE rowid = old.seq;
END;`,
];

function literal(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** Successors before the schemes that point to them, so that every foreign key holds on insert. */
function successorsFirst(schemes: readonly Scheme[]): Scheme[] {
  const byId = new Map(schemes.map((scheme) => [scheme.id, scheme]));
  const ordered: Scheme[] = [];
  const placed = new Set<string>();
  const place = (scheme: Scheme) => {
    if (placed.has(scheme.id)) return;
    placed.add(scheme.id);
    const successor = scheme.successorId === null ? undefined : byId.get(scheme.successorId);
    if (successor) place(successor);
    ordered.push(scheme);
  };
  schemes.forEach(place);
  return ordered;
}

/** One INSERT per built-in scheme and activity, stamped with `at` as their creation time. */
export function catalogueStatements(at: string): string[] {
  const schemeRows = successorsFirst(SCHEMES).map((scheme) => {
    const values = [
      scheme.id,
      scheme.name,
      scheme.ministry,
      scheme.objective,
      JSON.stringify(scheme.links),
      JSON.stringify(scheme.categories),
      JSON.stringify(scheme.issues),
      JSON.stringify(scheme.topics),
      JSON.stringify(scheme.groups),
      JSON.stringify(scheme.areas),
      tagKeyText(scheme),
      tagSearchText(scheme),
      scheme.status,
      scheme.successorId,
      scheme.statusNote,
      scheme.source,
      at,
      at,
    ];
    return `INSERT INTO \`schemes\` (\`id\`, \`name\`, \`ministry\`, \`objective\`, \`links\`, \`categories\`, \`issues\`, \`topics\`, \`groups\`, \`areas\`, \`tag_keys\`, \`search_tags\`, \`status\`, \`successor_id\`, \`status_note\`, \`source\`, \`created_at\`, \`updated_at\`) VALUES (${values.map(literal).join(", ")});`;
  });
  const activityRows = ACTIVITIES.map((activity, position) => {
    const values = [activity.id, position, activity.area, activity.description, JSON.stringify(activity.issues), JSON.stringify(activity.groups)];
    return `INSERT INTO \`br_activities\` (\`id\`, \`position\`, \`area\`, \`description\`, \`issues\`, \`groups\`) VALUES (${values.map(literal).join(", ")});`;
  });
  return [...schemeRows, ...activityRows];
}

/** The whole migration: index and triggers first, so the triggers index the seed rows. */
export function schemesSearchMigration(at: string): string {
  return `${[...SEARCH_INDEX_STATEMENTS, ...catalogueStatements(at)].join(BREAKPOINT)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2];
  if (!target) {
    console.error("usage: npx tsx db/seed/schemes-sql.ts <migration.sql>");
    process.exit(2);
  }
  writeFileSync(target, schemesSearchMigration(new Date().toISOString()));
  console.log(`wrote ${SCHEMES.length} schemes and ${ACTIVITIES.length} activities to ${target}`);
}
