import { existsSync } from "node:fs";
import { seedDemo } from "../../db/seed/demo";
import { seededRandom } from "../../db/seed/random";
import { openSqlite } from "../../db/sqlite";
import { loadConfig } from "../config";

/** `npm run demo`: the guide's clusters and their respondents in the configured database. */
async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const storage = openSqlite(config.DATABASE_URL);
  try {
    const summary = await seedDemo(storage.db, {
      now: new Date(),
      random: seededRandom(2026),
      newId: () => crypto.randomUUID(),
    });
    console.log(`Demo data in ${config.DATABASE_URL}: ${summary.clusters} clusters, ${summary.respondents} respondents.`);
    console.log("Start the server with `npm start` and open http://127.0.0.1:8787/admin/");
  } finally {
    storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
