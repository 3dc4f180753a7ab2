import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { backupSqlite } from "../../db/sqlite";
import { loadConfig } from "../config";

/**
 * `npm run db:backup [-- <file>]`: a consistent copy of the embedded database, safe to take while the
 * server runs. Without a file it goes to `backups/` beside the database, named by the time, so that a
 * nightly cron job keeps one copy per night.
 */
async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const source = config.DATABASE_URL;
  if (source === ":memory:" || !existsSync(source)) throw new Error(`There is no database file at ${source} to back up.`);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = process.argv[2] ?? join(dirname(source), "backups", `samuh-${stamp}.sqlite`);
  if (existsSync(destination)) throw new Error(`${destination} exists already; name another file.`);
  const { bytes } = await backupSqlite(source, destination);
  console.log(`Backed up ${source} to ${destination} (${(bytes / 1024 / 1024).toFixed(1)} MiB), integrity checked.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
