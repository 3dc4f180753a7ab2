import { and, count, eq, gt, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { constraintFailure, type Database } from "../database";
import { type ConsoleRole, type ConsoleSession, type ConsoleUser, consoleSessions, consoleUsers, loginAttempts } from "../schema";
import { containsText, type ListQuery, type ListResult, orderFor, pageFor } from "./listing";

export interface NewConsoleUser {
  id: string;
  email: string;
  name: string;
  role: ConsoleRole;
  passwordHash: string;
  now: string;
}

export type ConsoleUserPatch = Partial<Pick<ConsoleUser, "name" | "role" | "passwordHash" | "disabledAt">>;

export interface ConsoleUserFilter {
  q?: string;
  ids?: string[];
  role?: ConsoleRole;
  disabled?: boolean;
}

/** Console accounts are found by e-mail address in any letter case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const sortable = { email: consoleUsers.email, name: consoleUsers.name, role: consoleUsers.role, createdAt: consoleUsers.createdAt };

/** Console accounts. */
export function consoleUserRepository(db: Database) {
  return {
    /** Creates an account; `email_taken` when the address already has one. */
    async create(input: NewConsoleUser): Promise<{ status: "created"; user: ConsoleUser } | { status: "email_taken" }> {
      const { now, ...fields } = input;
      try {
        const [user] = await db
          .insert(consoleUsers)
          .values({ ...fields, email: normaliseEmail(fields.email), createdAt: now })
          .returning();
        if (!user) throw new Error(`console user ${input.id} was not stored`);
        return { status: "created", user };
      } catch (error) {
        const failure = constraintFailure(error);
        if (failure?.kind === "unique" && failure.columns === "console_users.email") return { status: "email_taken" };
        throw error;
      }
    },

    async get(id: string): Promise<ConsoleUser | null> {
      const [row] = await db.select().from(consoleUsers).where(eq(consoleUsers.id, id));
      return row ?? null;
    },

    async byEmail(email: string): Promise<ConsoleUser | null> {
      const [row] = await db.select().from(consoleUsers).where(eq(consoleUsers.email, normaliseEmail(email)));
      return row ?? null;
    },

    async list(query: ListQuery<ConsoleUserFilter> = {}): Promise<ListResult<ConsoleUser>> {
      const f = query.filter ?? {};
      const conditions: (SQL | undefined)[] = [
        f.q ? sql`(${containsText(consoleUsers.email, f.q)} OR ${containsText(consoleUsers.name, f.q)})` : undefined,
        f.ids ? inArray(consoleUsers.id, f.ids) : undefined,
        f.role === undefined ? undefined : eq(consoleUsers.role, f.role),
        f.disabled === undefined ? undefined : f.disabled ? isNotNull(consoleUsers.disabledAt) : isNull(consoleUsers.disabledAt),
      ];
      const where = and(...conditions);
      const { limit, offset } = pageFor(query.range);
      const rows = await db
        .select()
        .from(consoleUsers)
        .where(where)
        .orderBy(...orderFor(query.sort, sortable, { field: "email", order: "ASC" }, consoleUsers.id))
        .limit(limit)
        .offset(offset);
      const [counted] = await db.select({ total: count() }).from(consoleUsers).where(where);
      return { rows, total: counted?.total ?? 0 };
    },

    /** Changes role, name, password or disables the account; null when there is no such user. */
    async update(id: string, patch: ConsoleUserPatch): Promise<ConsoleUser | null> {
      const [row] = await db.update(consoleUsers).set(patch).where(eq(consoleUsers.id, id)).returning();
      return row ?? null;
    },
  };
}

export interface NewConsoleSession {
  tokenHash: string;
  userId: string;
  now: string;
  expiresAt: string;
}

/** Signed-in console sessions, stored by token hash. */
export function consoleSessionRepository(db: Database) {
  return {
    async create(input: NewConsoleSession): Promise<ConsoleSession> {
      const [row] = await db
        .insert(consoleSessions)
        .values({ tokenHash: input.tokenHash, userId: input.userId, createdAt: input.now, expiresAt: input.expiresAt })
        .returning();
      if (!row) throw new Error("console session was not stored");
      return row;
    },

    /** The session and its user, if the session has not expired and the user is not disabled. */
    async get(tokenHash: string, now: string): Promise<{ session: ConsoleSession; user: ConsoleUser } | null> {
      const [row] = await db
        .select({ session: consoleSessions, user: consoleUsers })
        .from(consoleSessions)
        .innerJoin(consoleUsers, eq(consoleUsers.id, consoleSessions.userId))
        .where(and(eq(consoleSessions.tokenHash, tokenHash), gt(consoleSessions.expiresAt, now), isNull(consoleUsers.disabledAt)));
      return row ?? null;
    },

    async delete(tokenHash: string): Promise<void> {
      await db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, tokenHash));
    },

    /** Signs a user out everywhere, e.g. after a password change or when disabling the account. */
    async deleteForUser(userId: string): Promise<void> {
      await db.delete(consoleSessions).where(eq(consoleSessions.userId, userId));
    },

    /** Removes expired sessions; returns how many. */
    async deleteExpired(now: string): Promise<number> {
      const rows = await db.delete(consoleSessions).where(lte(consoleSessions.expiresAt, now)).returning({ tokenHash: consoleSessions.tokenHash });
      return rows.length;
    },
  };
}

export interface LockoutPolicy {
  /** Failures in a row that lock the key. */
  maxFailures: number;
  /** How long a lock lasts. */
  lockMs: number;
}

/** Failed sign-ins counted per e-mail address or IP address, with a temporary lock. */
export function loginAttemptRepository(db: Database) {
  return {
    /**
     * Counts one failure, atomically even when failures arrive together. Reaching `maxFailures`
     * locks the key and starts the count again. Returns the lock's end, if locked.
     */
    async recordFailure(key: string, now: string, policy: LockoutPolicy): Promise<{ lockedUntil: string | null }> {
      const lockEnd = new Date(Date.parse(now) + policy.lockMs).toISOString();
      const locks = policy.maxFailures <= 1;
      const reachesLimit = sql`${loginAttempts.failures} + 1 >= ${policy.maxFailures}`;
      const [row] = await db
        .insert(loginAttempts)
        .values({ key, failures: locks ? 0 : 1, lastFailureAt: now, lockedUntil: locks ? lockEnd : null })
        .onConflictDoUpdate({
          target: loginAttempts.key,
          set: {
            failures: sql`case when ${reachesLimit} then 0 else ${loginAttempts.failures} + 1 end`,
            lastFailureAt: now,
            lockedUntil: sql`case when ${reachesLimit} then ${lockEnd} else ${loginAttempts.lockedUntil} end`,
          },
        })
        .returning({ lockedUntil: loginAttempts.lockedUntil });
      const lockedUntil = row?.lockedUntil ?? null;
      return { lockedUntil: lockedUntil !== null && lockedUntil > now ? lockedUntil : null };
    },

    /** Forgets the failures, after a successful sign-in. */
    async clear(key: string): Promise<void> {
      await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
    },

    /** The end of the key's lock, or null when it may try now. */
    async lockedUntil(key: string, now: string): Promise<string | null> {
      const [row] = await db
        .select({ lockedUntil: loginAttempts.lockedUntil })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.key, key), gt(loginAttempts.lockedUntil, now)));
      return row?.lockedUntil ?? null;
    },
  };
}

export type ConsoleUserRepository = ReturnType<typeof consoleUserRepository>;
export type ConsoleSessionRepository = ReturnType<typeof consoleSessionRepository>;
export type LoginAttemptRepository = ReturnType<typeof loginAttemptRepository>;
