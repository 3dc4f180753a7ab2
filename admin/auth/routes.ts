import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { Database } from "../../db/database";
import { auditRepository } from "../../db/repositories/audit";
import { consoleUserRepository, normaliseEmail } from "../../db/repositories/console-users";
import { readBody } from "../api/validation";
import { accountView } from "./accounts";
import { clientAddress } from "./client-address";
import { actorOf, currentUser, publicRoute, type ApiEnv, type Guard } from "./guard";
import { loginThrottle } from "./login-throttle";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "./session-cookie";
import { consoleSessions } from "./sessions";
import type { ConsoleRole } from "./roles";

const loginSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

/** One answer for an unknown address, a wrong password and a disabled account: none of them says which. */
const WRONG_CREDENTIALS = "Wrong e-mail address or password.";

export interface AuthRouteDeps {
  db: Database;
  clock: () => Date;
  guard: (minimumRole: ConsoleRole) => Guard;
}

/** `POST /auth/login`, `POST /auth/logout`, `GET /auth/me`. */
export function authRoutes({ db, clock, guard }: AuthRouteDeps) {
  const users = consoleUserRepository(db);
  const sessions = consoleSessions(db);
  const throttle = loginThrottle(db);
  const audit = auditRepository(db);

  return new Hono<ApiEnv>()
    .post("/login", publicRoute, async (c) => {
      const { email, password } = await readBody(c, loginSchema);
      const now = clock();
      const emailKey = `email:${normaliseEmail(email)}`;
      const keys = [emailKey, `ip:${clientAddress(c)}`];
      const wait = await throttle.retryAfter(keys, now);
      if (wait > 0) {
        throw new HTTPException(429, {
          message: `Too many failed sign-ins. Try again in ${wait} seconds.`,
          res: new Response(null, { headers: { "Retry-After": String(wait) } }),
        });
      }
      const user = await users.byEmail(email);
      // The decoy makes an unknown address cost the same time as a known one.
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !matches || user.disabledAt !== null) {
        await throttle.recordFailure(keys, now);
        throw new HTTPException(401, { message: WRONG_CREDENTIALS });
      }
      await throttle.clear(emailKey);
      if (needsRehash(user.passwordHash)) await users.update(user.id, { passwordHash: await hashPassword(password) });
      writeSessionCookie(c, await sessions.start(user.id, now));
      await audit.record({ at: now.toISOString(), actor: actorOf(user), action: "console_user.sign_in", entity: "console_user", entityId: user.id });
      return c.json(accountView(user));
    })
    .post("/logout", guard("viewer"), async (c) => {
      const token = readSessionCookie(c);
      if (token) await sessions.end(token);
      clearSessionCookie(c);
      return c.json({ signedOut: true });
    })
    .get("/me", guard("viewer"), (c) => c.json(accountView(currentUser(c))));
}
