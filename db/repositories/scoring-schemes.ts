import { and, asc, eq } from "drizzle-orm";
import type { ScoringScheme } from "../../core/scoring";
import { GUIDE_SCHEME, parseScoringScheme } from "../../core/scoring";
import { atomically, constraintFailure, type Database } from "../database";
import { type ScoringSchemeRow, scoringSchemes } from "../schema";
import { auditRepository } from "./audit";

export type SaveSchemeResult = { status: "saved"; row: ScoringSchemeRow } | { status: "version_exists" };

/** Scoring schemes. A stored version never changes, so every cached score can name what made it. */
export function scoringSchemeRepository(db: Database) {
  const audit = auditRepository(db);

  return {
    /** The active scheme, validated; the guide's scheme when none is stored or active. */
    async active(): Promise<ScoringScheme> {
      const [row] = await db.select().from(scoringSchemes).where(eq(scoringSchemes.active, true));
      return row ? parseScoringScheme(row.definition) : GUIDE_SCHEME;
    },

    async list(): Promise<ScoringSchemeRow[]> {
      return db.select().from(scoringSchemes).orderBy(asc(scoringSchemes.name), asc(scoringSchemes.version));
    },

    async get(name: string, version: number): Promise<ScoringSchemeRow | null> {
      const [row] = await db
        .select()
        .from(scoringSchemes)
        .where(and(eq(scoringSchemes.name, name), eq(scoringSchemes.version, version)));
      return row ?? null;
    },

    /** Stores a new scheme version (validated, inactive); an existing name and version is refused. */
    async save(scheme: ScoringScheme, actor: string, now: string): Promise<SaveSchemeResult> {
      const definition = parseScoringScheme(scheme);
      const insert = db
        .insert(scoringSchemes)
        .values({ name: definition.name, version: definition.version, definition, active: false, createdAt: now });
      try {
        await atomically(db, [
          insert,
          audit.statement({ at: now, actor, action: "scoring_scheme.create", entity: "scoring_scheme", entityId: `${definition.name}@${definition.version}`, after: definition }),
        ]);
      } catch (error) {
        const failure = constraintFailure(error);
        if (failure?.kind === "unique" && failure.columns === "scoring_schemes.name, scoring_schemes.version") return { status: "version_exists" };
        throw error;
      }
      const [row] = await db
        .select()
        .from(scoringSchemes)
        .where(and(eq(scoringSchemes.name, definition.name), eq(scoringSchemes.version, definition.version)));
      if (!row) throw new Error(`scheme ${definition.name}@${definition.version} was not stored`);
      return { status: "saved", row };
    },

    /**
     * Makes one stored version the active scheme, in one transaction with the audit entry. False when
     * no such version is stored. The caller then recomputes every cluster (`recomputeAllClusterScores`,
     * or `npm run scores:recompute`), SPEC §3.
     */
    async activate(name: string, version: number, actor: string, now: string): Promise<boolean> {
      const [exists] = await db
        .select({ name: scoringSchemes.name })
        .from(scoringSchemes)
        .where(and(eq(scoringSchemes.name, name), eq(scoringSchemes.version, version)));
      if (!exists) return false;
      await atomically(db, [
        // Deactivate first: a unique index allows only one active row at any moment.
        db.update(scoringSchemes).set({ active: false }).where(eq(scoringSchemes.active, true)),
        db.update(scoringSchemes).set({ active: true }).where(and(eq(scoringSchemes.name, name), eq(scoringSchemes.version, version))),
        audit.statement({ at: now, actor, action: "scoring_scheme.activate", entity: "scoring_scheme", entityId: `${name}@${version}` }),
      ]);
      return true;
    },
  };
}

export type ScoringSchemeRepository = ReturnType<typeof scoringSchemeRepository>;
