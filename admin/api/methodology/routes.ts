import { Hono } from "hono";
import { CATEGORIES, CLASSIFICATION_GRID, CORE_ISSUES, ECONOMIC_PARAMETERS, OPTIONAL_ISSUES } from "../../../core/scoring";
import { scoringSchemeRepository } from "../../../db/repositories/scoring-schemes";
import type { ApiEnv, Guard } from "../../auth/guard";
import type { ConsoleRole } from "../../auth/roles";
import type { ApiDeps } from "../deps";

/** The map cells the guide prioritises, in its order (SPEC §5). */
const PRIORITY_CELLS = [9, 8, 6, 5];

/** `GET /methodology`: the scoring scheme in use and the fixed parts of the method, for the methodology page. */
export function methodologyRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const schemes = scoringSchemeRepository(deps.db);

  return new Hono<ApiEnv>().get("/", guard("viewer"), async (c) =>
    c.json({
      scheme: await schemes.active(),
      coreIssues: CORE_ISSUES,
      optionalIssues: OPTIONAL_ISSUES,
      categories: CATEGORIES,
      economicParameters: ECONOMIC_PARAMETERS,
      grid: CLASSIFICATION_GRID,
      priorityCells: PRIORITY_CELLS,
    }),
  );
}
