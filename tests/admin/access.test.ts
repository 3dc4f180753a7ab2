import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessDeclaration } from "../../admin/auth/guard";
import { hasRole } from "../../admin/auth/roles";
import { CONSOLE_ROLES, type ConsoleRole } from "../../db/schema";
import { consoleFixture } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;
beforeAll(async () => {
  fixture = await consoleFixture();
});
afterAll(() => fixture.close());

interface DeclaredRoute {
  method: string;
  path: string;
  minimumRole: ConsoleRole | null;
}

/** Every route of the router with the access its first handler declares; read from hono's own table. */
function declaredRoutes(): DeclaredRoute[] {
  const byRoute = new Map<string, DeclaredRoute>();
  for (const route of fixture.api.routes) {
    const key = `${route.method} ${route.path}`;
    const declaration = route.handler as Partial<AccessDeclaration>;
    if (byRoute.has(key)) continue;
    if (!("minimumRole" in declaration)) throw new Error(`${key} does not declare who may call it`);
    byRoute.set(key, { method: route.method, path: route.path, minimumRole: declaration.minimumRole ?? null });
  }
  return [...byRoute.values()];
}

/** A concrete URL for a route pattern; the id does not exist, which the guard never gets to know. */
function urlOf(path: string): string {
  return path.replace(/:id/g, "no-such-id");
}

function request(route: DeclaredRoute, role: ConsoleRole | null) {
  const body = route.method === "GET" ? undefined : {};
  return fixture.call(role, urlOf(route.path), { method: route.method, ...(body === undefined ? {} : { body }) });
}

describe("every API route", () => {
  it("declares its access, and only signing in is open", () => {
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((route) => route.minimumRole === null).map((route) => `${route.method} ${route.path}`)).toEqual(["POST /auth/login"]);
  });

  it("answers 401 without a session", async () => {
    for (const route of declaredRoutes().filter((r) => r.minimumRole !== null)) {
      const response = await request(route, null);
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect((await response.json()).message).toBe("Please sign in.");
    }
  });

  it("answers 401 with a forged or expired session cookie", async () => {
    for (const route of declaredRoutes().filter((r) => r.minimumRole !== null)) {
      const response = await fixture.api.request(urlOf(route.path), { method: route.method, headers: { cookie: "samuh_console=forged" } });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it("answers 403 to every role below the route's minimum, and lets the others through", async () => {
    // Signing out ends the session the other requests use, so it goes last.
    const routes = declaredRoutes()
      .filter((r) => r.minimumRole !== null)
      .sort((a, b) => Number(a.path === "/auth/logout") - Number(b.path === "/auth/logout"));
    for (const route of routes) {
      for (const role of CONSOLE_ROLES) {
        const response = await request(route, role);
        const allowed = hasRole(role, route.minimumRole as ConsoleRole);
        if (allowed) expect([401, 403], `${role} on ${route.method} ${route.path}`).not.toContain(response.status);
        else expect(response.status, `${role} on ${route.method} ${route.path}`).toBe(403);
      }
    }
  });

  it("gives viewers reading, moderators moderation and cluster edits, admins users and the audit log", () => {
    const minimum = (method: string, path: string) => declaredRoutes().find((r) => r.method === method && r.path === path)?.minimumRole;
    expect(minimum("GET", "/clusters")).toBe("viewer");
    expect(minimum("GET", "/clusters/:id")).toBe("viewer");
    expect(minimum("GET", "/methodology")).toBe("viewer");
    expect(minimum("POST", "/response-sets/:id/exclude")).toBe("moderator");
    expect(minimum("POST", "/response-sets/:id/restore")).toBe("moderator");
    expect(minimum("PUT", "/clusters/:id")).toBe("moderator");
    expect(minimum("POST", "/users")).toBe("admin");
    expect(minimum("GET", "/audit-log")).toBe("admin");
  });
});
