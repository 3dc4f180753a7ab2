import type { Definition } from "../questionnaire";

/** Every version of every questionnaire the product can run, old ones kept for old sessions. */
export interface Catalogue {
  /** The definition with this id and version, or undefined. */
  get(id: string, version: number): Definition | undefined;
  /** The highest version of this questionnaire, or undefined. */
  latest(id: string): Definition | undefined;
  /** Every definition, by id then version. */
  all(): Definition[];
}

/**
 * A catalogue of the given definitions.
 *
 * @throws Error when the same id and version are given twice.
 * @example createCatalogue([registration, scoreCard]).latest("score_card")?.version // 1
 */
export function createCatalogue(definitions: readonly Definition[]): Catalogue {
  const byRef = new Map<string, Definition>();
  for (const definition of definitions) {
    const ref = `${definition.id} v${definition.version}`;
    if (byRef.has(ref)) throw new Error(`the catalogue holds ${ref} twice`);
    byRef.set(ref, definition);
  }
  const sorted = [...byRef.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  return {
    get: (id, version) => byRef.get(`${id} v${version}`),
    latest: (id) => sorted.filter((d) => d.id === id).at(-1),
    all: () => [...sorted],
  };
}
