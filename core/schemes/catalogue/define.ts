import type { Scheme, SchemeSource } from "../types";

/** A catalogue entry as written in these files: lists that are empty and nulls may be left out. */
export type SchemeEntry = Pick<Scheme, "id" | "name" | "ministry" | "objective" | "status"> &
  Partial<Omit<Scheme, "id" | "name" | "ministry" | "objective" | "status" | "source">>;

/** Completes entries from one source into full `Scheme` records. */
export function defineSchemes(source: SchemeSource, entries: readonly SchemeEntry[]): Scheme[] {
  return entries.map((entry) => ({
    links: [],
    categories: [],
    issues: [],
    topics: [],
    groups: [],
    areas: [],
    successorId: null,
    statusNote: null,
    ...entry,
    source,
  }));
}
