import type { Database } from "../../db/database";
import { consoleSessionRepository, consoleUserRepository } from "../../db/repositories/console-users";
import { processedUpdateRepository } from "../../db/repositories/processed-updates";
import { DELIVERY_MEMORY_MS } from "../../bot/housekeeping";

const DAY = 24 * 60 * 60 * 1000;

/** Deliveries either side of the memory's edge, and a console sign-in past its expiry beside a live one. */
export async function leftovers(db: Database, now: Date) {
  const deliveries = processedUpdateRepository(db);
  const back = (ms: number) => new Date(now.getTime() - ms).toISOString();
  await deliveries.markProcessed("telegram", "last-month", back(30 * DAY));
  await deliveries.markProcessed("slack", "eight-days", back(DELIVERY_MEMORY_MS + DAY));
  await deliveries.markProcessed("telegram", "yesterday", back(DAY));
  await consoleUserRepository(db).create({ id: "moderator", email: "m@example.org", name: "M", role: "moderator", passwordHash: "x", now: back(40 * DAY) });
  const sessions = consoleSessionRepository(db);
  await sessions.create({ tokenHash: "expired", userId: "moderator", now: back(10 * DAY), expiresAt: back(3 * DAY) });
  await sessions.create({ tokenHash: "live", userId: "moderator", now: back(DAY), expiresAt: new Date(now.getTime() + DAY).toISOString() });
}

export async function remaining(db: Database, now: Date) {
  const deliveries = processedUpdateRepository(db);
  const sessions = consoleSessionRepository(db);
  return {
    deliveries: {
      lastMonth: await deliveries.wasProcessed("telegram", "last-month"),
      eightDays: await deliveries.wasProcessed("slack", "eight-days"),
      yesterday: await deliveries.wasProcessed("telegram", "yesterday"),
    },
    sessions: {
      expired: (await sessions.get("expired", new Date(now.getTime() - 4 * DAY).toISOString())) !== null,
      live: (await sessions.get("live", now.toISOString())) !== null,
    },
  };
}

/** What housekeeping leaves of `leftovers`. */
export const tidied = {
  deliveries: { lastMonth: false, eightDays: false, yesterday: true },
  sessions: { expired: false, live: true },
};
