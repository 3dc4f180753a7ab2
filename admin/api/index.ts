import { Hono } from "hono";
import { authRoutes } from "../auth/routes";
import { roleGuards, type ApiEnv } from "../auth/guard";
import { auditLogRoutes } from "./audit-log/routes";
import { campaignRoutes } from "./campaigns";
import { clusterRoutes } from "./clusters/routes";
import { declarationRoutes } from "./declarations";
import type { ApiDeps } from "./deps";
import { apiErrorHandler } from "./errors";
import { exportRoutes } from "./exports/routes";
import { methodologyRoutes } from "./methodology/routes";
import { respondentRoutes } from "./respondents/routes";
import { responseSetRoutes } from "./response-sets/routes";
import { schemeRoutes } from "./schemes";
import { scoringSchemeRoutes } from "./scoring-schemes/routes";
import { simulatorRoutes } from "./simulator";
import { userRoutes } from "./users/routes";

export type { ApiDeps } from "./deps";

/**
 * The console's REST API in ra-data-simple-rest's dialect, to be mounted at `/api`. Every route
 * declares the least role it needs; only signing in is open.
 *
 * @example app.route("/api", createApiRoutes({ db, clock, newId, logger, rescore }))
 */
export function createApiRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const guard = roleGuards(deps.db, deps.clock);
  const api = new Hono<ApiEnv>();
  api.onError(apiErrorHandler(deps.logger));
  api.notFound((c) => c.json({ message: `There is no ${c.req.method} ${c.req.path} in the API.` }, 404));
  api.route("/auth", authRoutes({ db: deps.db, clock: deps.clock, guard }));
  api.route("/clusters", clusterRoutes(deps, guard));
  api.route("/response-sets", responseSetRoutes(deps, guard));
  api.route("/respondents", respondentRoutes(deps, guard));
  if (deps.campaigns) api.route("/campaigns", campaignRoutes({ ...deps, ...deps.campaigns }, guard));
  api.route("/declarations", declarationRoutes(deps, guard, deps.onDeclarationReviewed ? { onReviewed: deps.onDeclarationReviewed } : {}));
  api.route("/users", userRoutes(deps, guard));
  api.route("/audit-log", auditLogRoutes(deps, guard));
  api.route("/methodology", methodologyRoutes(deps, guard));
  api.route("/scoring-schemes", scoringSchemeRoutes(deps, guard));
  api.route("/exports", exportRoutes(deps, guard));
  api.route("/simulator", simulatorRoutes(deps, guard));
  api.route("/", schemeRoutes(deps, guard));
  return api;
}
