import { existsSync } from "node:fs";
import { recomputeAllClusterScores } from "../../db/repositories/scores";
import { scoringSchemeRepository } from "../../db/repositories/scoring-schemes";
import { openSqlite } from "../../db/sqlite";
import { loadConfig } from "../config";

/**
 * `npm run scores:recompute`: every cluster's cached score recomputed with the active scheme. Scores
 * are recomputed on every change that feeds them; this is for what does not pass through the product —
 * an upgrade that changes how scores are computed, or a scheme activated in the database.
 */
async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const storage = openSqlite(config.DATABASE_URL);
  try {
    const scheme = await scoringSchemeRepository(storage.db).active();
    const scored = await recomputeAllClusterScores(storage.db, scheme, new Date().toISOString());
    console.log(`Recomputed ${scored} cluster scores in ${config.DATABASE_URL} with scheme ${scheme.name}@${scheme.version}.`);
  } finally {
    storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
