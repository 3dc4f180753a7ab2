import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const CONSOLE_ROLES = ["admin", "moderator", "viewer"] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export const consoleUsers = sqliteTable("console_users", {
  id: text("id").primaryKey(),
  /** Always lower-cased before it is stored or looked up. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: CONSOLE_ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: text("created_at").notNull(),
  disabledAt: text("disabled_at"),
});

/** Only a hash of the session token is stored, so a leaked database does not sign anyone in. */
export const consoleSessions = sqliteTable(
  "console_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => consoleUsers.id),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("console_sessions_user_idx").on(t.userId), index("console_sessions_expires_idx").on(t.expiresAt)],
);

/** Failed sign-ins per e-mail address or IP address, for lock-out after repeated failures. */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: text("last_failure_at").notNull(),
  lockedUntil: text("locked_until"),
});

export type ConsoleUser = typeof consoleUsers.$inferSelect;
export type ConsoleSession = typeof consoleSessions.$inferSelect;
export type LoginAttempt = typeof loginAttempts.$inferSelect;
