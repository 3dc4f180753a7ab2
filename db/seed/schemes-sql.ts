/**
 * Writes the built-in catalogue (core/schemes/catalogue) as SQL for a custom migration, so that the
 * same rows land on SQLite and on D1 (`wrangler d1 migrations apply`). To ship a catalogue revision:
 *
 *   npx drizzle-kit generate --config db/drizzle.config.ts --custom --name schemes_catalogue
 *   npx tsx db/seed/schemes-sql.ts db/migrations/<that file>.sql
 *
 * Rows are upserted by id: built-in entries take the catalogue's content, entries an admin added
 * (source `custom`) are left alone. Migrations, once written, are frozen: `0003_schemes_search` was
 * written by this script's first version, together with the full-text index and its triggers.
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ACTIVITIES, SCHEMES } from "../../core/schemes/catalogue";
import { tagMask, tagSearchText } from "../../core/schemes/tags";
import type { Scheme } from "../../core/schemes/types";
import { successorsFirst } from "../../core/schemes/order";

const BREAKPOINT = "\n--> statement-breakpoint\n";

function literal(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** `INSERT … ON CONFLICT DO UPDATE` for `columns`, updating all but the key and `keep`. */
function upsert(table: string, columns: readonly string[], values: readonly (string | number | null)[], keep: readonly string[], where = ""): string {
  const names = columns.map((column) => `\`${column}\``).join(", ");
  const updates = columns
    .filter((column) => column !== "id" && !keep.includes(column))
    .map((column) => `\`${column}\` = excluded.\`${column}\``)
    .join(", ");
  return `INSERT INTO \`${table}\` (${names}) VALUES (${values.map(literal).join(", ")}) ON CONFLICT (\`id\`) DO UPDATE SET ${updates}${where};`;
}

const SCHEME_COLUMNS = [
  "id",
  "name",
  "ministry",
  "objective",
  "links",
  "categories",
  "issues",
  "topics",
  "groups",
  "areas",
  "tag_mask",
  "search_tags",
  "status",
  "successor_id",
  "status_note",
  "source",
  "created_at",
  "updated_at",
] as const;

const ACTIVITY_COLUMNS = ["id", "position", "area", "description", "issues", "groups"] as const;

/** One upsert per built-in scheme and activity, stamped with `at`. */
export function catalogueStatements(at: string): string[] {
  const schemeRows = successorsFirst(SCHEMES).map((scheme) =>
    upsert(
      "schemes",
      SCHEME_COLUMNS,
      [
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
        tagMask(scheme),
        tagSearchText(scheme),
        scheme.status,
        scheme.successorId,
        scheme.statusNote,
        scheme.source,
        at,
        at,
      ],
      ["created_at"],
      " WHERE `schemes`.`source` <> 'custom'",
    ),
  );
  const activityRows = ACTIVITIES.map((activity, position) =>
    upsert(
      "br_activities",
      ACTIVITY_COLUMNS,
      [activity.id, position, activity.area, activity.description, JSON.stringify(activity.issues), JSON.stringify(activity.groups)],
      [],
    ),
  );
  return [...schemeRows, ...activityRows];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2];
  if (!target) {
    console.error("usage: npx tsx db/seed/schemes-sql.ts <migration.sql>");
    process.exit(2);
  }
  writeFileSync(target, `${catalogueStatements(new Date().toISOString()).join(BREAKPOINT)}\n`);
  console.log(`wrote ${SCHEMES.length} schemes and ${ACTIVITIES.length} activities to ${target}`);
}
