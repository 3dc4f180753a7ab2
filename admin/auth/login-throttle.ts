/**
 * Slows down password guessing. Failures are counted per key (`email:<address>` and `ip:<address>`);
 * from the fifth failure in a row a key is locked, for 30 seconds at first and twice as long after
 * every further failure, up to an hour. A success clears the e-mail's count; a key that has not
 * failed for a day starts again from zero.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/database";
import { loginAttemptRepository } from "../../db/repositories/console-users";
import { loginAttempts } from "../../db/schema";

export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 60 * 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** How long the key is locked after its `failures`-th failure in a row; 0 while below the limit. */
export function lockDuration(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FAILURES_BEFORE_LOCK));
}

export function loginThrottle(db: Database) {
  const attempts = loginAttemptRepository(db);

  return {
    /** Seconds until the first of `keys` to unlock allows a try, or 0 when none is locked. */
    async retryAfter(keys: readonly string[], now: Date): Promise<number> {
      const ends = await Promise.all(keys.map((key) => attempts.lockedUntil(key, now.toISOString())));
      const latest = Math.max(0, ...ends.map((end) => (end === null ? 0 : Date.parse(end))));
      return latest === 0 ? 0 : Math.max(1, Math.ceil((latest - now.getTime()) / 1000));
    },

    /**
     * Counts a failure against each key. The count is raised in one statement, so failures arriving
     * together are all counted; the lock then follows from the count.
     */
    async recordFailure(keys: readonly string[], now: Date): Promise<void> {
      const at = now.toISOString();
      const stale = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
      for (const key of keys) {
        const [row] = await db
          .insert(loginAttempts)
          .values({ key, failures: 1, lastFailureAt: at, lockedUntil: null })
          .onConflictDoUpdate({
            target: loginAttempts.key,
            set: {
              failures: sql`case when ${loginAttempts.lastFailureAt} < ${stale} then 1 else ${loginAttempts.failures} + 1 end`,
              lastFailureAt: at,
            },
          })
          .returning({ failures: loginAttempts.failures });
        const lockMs = lockDuration(row?.failures ?? 0);
        if (lockMs > 0) {
          const until = new Date(now.getTime() + lockMs).toISOString();
          await db
            .update(loginAttempts)
            .set({ lockedUntil: sql`max(coalesce(${loginAttempts.lockedUntil}, ''), ${until})` })
            .where(sql`${loginAttempts.key} = ${key}`);
        }
      }
    },

    /** Forgets the failures of a key after a successful sign-in. */
    clear(key: string): Promise<void> {
      return attempts.clear(key);
    },
  };
}
