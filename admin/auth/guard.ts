import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Database } from "../../db/database";
import type { ConsoleRole, ConsoleUser } from "../../db/schema";
import { hasRole } from "./roles";
import { readSessionCookie } from "./session-cookie";
import { consoleSessions } from "./sessions";

/** What the API's handlers find on the context once a guard let the request through. */
export interface ApiEnv {
  Variables: { user: ConsoleUser };
}

/**
 * A route's declared access, attached to its first middleware so that tests can read it back from
 * the router (`app.routes`) and check every route: `null` for the few routes anyone may call.
 */
export interface AccessDeclaration {
  minimumRole: ConsoleRole | null;
}

export type Guard = MiddlewareHandler<ApiEnv> & AccessDeclaration;

/** Who did it, as the audit log names console users. */
export function actorOf(user: ConsoleUser): string {
  return `user:${user.id}`;
}

/** The signed-in user; only valid behind a guard. */
export function currentUser(c: Context<ApiEnv>): ConsoleUser {
  return c.get("user");
}

/**
 * Guards for the API's routes: `guard("moderator")` answers 401 without a valid session and 403 when
 * the user's role is below the route's minimum.
 *
 * @example app.post("/response-sets/:id/exclude", guard("moderator"), handler)
 */
export function roleGuards(db: Database, clock: () => Date) {
  const sessions = consoleSessions(db);

  function guard(minimumRole: ConsoleRole): Guard {
    const middleware: MiddlewareHandler<ApiEnv> = async (c, next) => {
      const token = readSessionCookie(c);
      const user = token ? await sessions.user(token, clock()) : null;
      if (!user) throw new HTTPException(401, { message: "Please sign in." });
      if (!hasRole(user.role, minimumRole)) {
        throw new HTTPException(403, { message: `This needs the ${minimumRole} role; you are signed in as ${user.role}.` });
      }
      c.set("user", user);
      await next();
    };
    return Object.assign(middleware, { minimumRole });
  }

  return guard;
}

/** Marks a route anyone may call (signing in); it declares its access like every other route. */
export const publicRoute: Guard = Object.assign<MiddlewareHandler<ApiEnv>, AccessDeclaration>(
  async (_c, next) => {
    await next();
  },
  { minimumRole: null },
);
