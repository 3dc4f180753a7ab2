import type { Database } from "../../db/database";
import { consoleSessionRepository } from "../../db/repositories/console-users";
import type { ConsoleUser } from "../../db/schema";
import { sha256Hex, toBase64Url } from "./encoding";
import { SESSION_HOURS } from "./session-cookie";

const TOKEN_BYTES = 32;

/**
 * Console sessions. The browser holds a random token; the database holds only its SHA-256, so a
 * copy of the database cannot be used to sign in.
 */
export function consoleSessions(db: Database) {
  const sessions = consoleSessionRepository(db);

  return {
    /** Starts a session for `userId` and returns the token for the cookie. */
    async start(userId: string, now: Date): Promise<string> {
      const token = toBase64Url(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 60 * 60_000).toISOString();
      await sessions.create({ tokenHash: await sha256Hex(token), userId, now: now.toISOString(), expiresAt });
      return token;
    },

    /**
     * The user a token signs in, or null when it is unknown, expired or the user was disabled. The
     * lookup is by the token's hash, so no comparison ever touches the token itself.
     */
    async user(token: string, now: Date): Promise<ConsoleUser | null> {
      const found = await sessions.get(await sha256Hex(token), now.toISOString());
      return found?.user ?? null;
    },

    async end(token: string): Promise<void> {
      await sessions.delete(await sha256Hex(token));
    },
  };
}
