import { drizzle } from "drizzle-orm/d1";
import type { Database } from "./database";

/** The D1 binding a Worker receives (`env.DB`), as drizzle accepts it. */
export type D1Binding = Parameters<typeof drizzle>[0];

/**
 * Wraps a Worker's D1 binding. Migrations are not applied here: `wrangler d1 migrations apply`
 * runs the same SQL files from db/migrations before a deploy.
 */
export function openD1(binding: D1Binding): Database {
  return drizzle(binding);
}
