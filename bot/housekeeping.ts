import type { Database } from "../db/database";
import { consoleSessionRepository } from "../db/repositories/console-users";
import { processedUpdateRepository } from "../db/repositories/processed-updates";
import type { Logger } from "./logger";

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long a webhook delivery's key is remembered. Telegram gives up on an update after 24 hours and
 * Slack after three retries within the hour; a week leaves room for an outage on our side.
 */
export const DELIVERY_MEMORY_MS = 7 * 24 * HOUR_MS;

/** Deliveries forgotten per pass: a backlog drains over a few passes in short writes. */
const DELIVERIES_PER_PASS = 5000;

/** How often the Node process tidies up; a Worker does it on every cron pass instead. */
export const HOUSEKEEPING_INTERVAL_MS = HOUR_MS;

export interface HousekeepingResult {
  deliveriesForgotten: number;
  consoleSessionsExpired: number;
}

/**
 * Removes what the product no longer needs and would otherwise keep forever: delivery keys older than
 * any sender's retries, and console sign-ins past their expiry. Safe to run from several places at
 * once; each pass is a couple of short indexed deletes.
 */
export async function keepHouse(db: Database, now: Date): Promise<HousekeepingResult> {
  const deliveryCutoff = new Date(now.getTime() - DELIVERY_MEMORY_MS).toISOString();
  const [deliveriesForgotten, consoleSessionsExpired] = await Promise.all([
    processedUpdateRepository(db).prune(deliveryCutoff, DELIVERIES_PER_PASS),
    consoleSessionRepository(db).deleteExpired(now.toISOString()),
  ]);
  return { deliveriesForgotten, consoleSessionsExpired };
}

/** One pass, logged; a failure is logged and left for the next pass rather than thrown. */
export async function keepHouseLogged(db: Database, now: Date, logger: Logger): Promise<void> {
  try {
    const result = await keepHouse(db, now);
    if (result.deliveriesForgotten > 0 || result.consoleSessionsExpired > 0) logger.info(result, "housekeeping");
  } catch (error) {
    logger.error({ err: error }, "housekeeping failed");
  }
}
