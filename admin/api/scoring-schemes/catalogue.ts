import { GUIDE_RECIPROCAL_SCHEME, GUIDE_SCHEME, type ScoringScheme } from "../../../core/scoring";
import type { ScoringSchemeRow } from "../../../db/schema";

/** The schemes every installation offers, stored or not: the guide's two readings of engagement. */
const BUILT_IN_SCHEMES: readonly ScoringScheme[] = [GUIDE_SCHEME, GUIDE_RECIPROCAL_SCHEME];

/** One scheme version as the console lists it; `createdAt` is null for a built-in never stored. */
export interface ScoringSchemeView extends ScoringScheme {
  id: string;
  active: boolean;
  builtIn: boolean;
  createdAt: string | null;
}

export function schemeId(scheme: { name: string; version: number }): string {
  return `${scheme.name}@${scheme.version}`;
}

/** `name@version` back into its parts; names may hold `@`, versions never do. Null when malformed. */
export function parseSchemeId(id: string): { name: string; version: number } | null {
  const match = /^(.+)@([1-9]\d{0,8})$/.exec(id);
  return match?.[1] && match[2] ? { name: match[1], version: Number(match[2]) } : null;
}

/**
 * Every stored version plus the built-ins not stored yet. Exactly one is active: the stored active
 * row, or else the guide's scheme, which is what scoring falls back to (`scoringSchemeRepository.active`).
 */
export function schemeCatalogue(rows: readonly ScoringSchemeRow[]): ScoringSchemeView[] {
  const builtInIds = new Set(BUILT_IN_SCHEMES.map(schemeId));
  const storedIds = new Set(rows.map(schemeId));
  const fallbackActive = !rows.some((row) => row.active);
  const isFallback = (id: string) => fallbackActive && id === schemeId(GUIDE_SCHEME);
  const stored = rows.map((row): ScoringSchemeView => {
    const id = schemeId(row);
    return { ...row.definition, name: row.name, version: row.version, id, active: row.active || isFallback(id), builtIn: builtInIds.has(id), createdAt: row.createdAt };
  });
  const unstored = BUILT_IN_SCHEMES.filter((scheme) => !storedIds.has(schemeId(scheme))).map(
    (scheme): ScoringSchemeView => ({ ...scheme, id: schemeId(scheme), active: isFallback(schemeId(scheme)), builtIn: true, createdAt: null }),
  );
  return [...stored, ...unstored];
}

/** The version a new scheme called `name` gets when none is asked for: one past the highest known. */
export function nextFreeVersion(catalogue: readonly ScoringSchemeView[], name: string): number {
  return Math.max(0, ...catalogue.filter((scheme) => scheme.name === name).map((scheme) => scheme.version)) + 1;
}
