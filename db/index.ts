/**
 * The storage layer for both runtimes. Open a database with `openSqlite` (db/sqlite.ts, Node only)
 * or `openD1` (db/d1.ts, Workers), then build the repositories with `createRepositories(db)`.
 */
import type { Database } from "./database";
import { auditRepository } from "./repositories/audit";
import { clusterRepository } from "./repositories/clusters";
import { consoleSessionRepository, consoleUserRepository, loginAttemptRepository } from "./repositories/console-users";
import { enterpriseRepository } from "./repositories/enterprises";
import { processedUpdateRepository } from "./repositories/processed-updates";
import { respondentRepository } from "./repositories/respondents";
import { responseSetRepository } from "./repositories/response-sets";
import { scoreRepository } from "./repositories/scores";
import { scoringSchemeRepository } from "./repositories/scoring-schemes";
import { sessionRepository } from "./repositories/sessions";

export { atomically, constraintFailure, chunkRows, MAX_BOUND_PARAMETERS } from "./database";
export type { ConstraintFailure, Database, Statement } from "./database";
export { openD1 } from "./d1";
export type { D1Binding } from "./d1";
export * from "./schema";
export * from "./repositories/listing";
export * from "./repositories/audit";
export * from "./repositories/clusters";
export * from "./repositories/console-users";
export * from "./repositories/enterprises";
export * from "./repositories/processed-updates";
export * from "./repositories/respondents";
export * from "./repositories/response-sets";
export * from "./repositories/scores";
export * from "./repositories/scoring-schemes";
export * from "./repositories/sessions";

/** Every repository over one database. */
export function createRepositories(db: Database) {
  return {
    audit: auditRepository(db),
    clusters: clusterRepository(db),
    enterprises: enterpriseRepository(db),
    respondents: respondentRepository(db),
    sessions: sessionRepository(db),
    responseSets: responseSetRepository(db),
    scores: scoreRepository(db),
    scoringSchemes: scoringSchemeRepository(db),
    consoleUsers: consoleUserRepository(db),
    consoleSessions: consoleSessionRepository(db),
    loginAttempts: loginAttemptRepository(db),
    processedUpdates: processedUpdateRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
