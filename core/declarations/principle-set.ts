/**
 * Principle sets as versioned data (SPEC §7). A set is never edited once declarations point at it: a
 * reworded or new set (NGRBC 2019, say) gets a new id or version, and its texts live under their own
 * keys, so an old declaration keeps reading exactly what its declarant saw.
 */

export interface Principle {
  /** 1-based, as the guidelines number them. */
  number: number;
  /** How many core elements the principle has; element n is `P<principle>.<n>`. */
  elements: number;
  /** Where the principle and its elements come from, for the methodology page and the printout. */
  source: string;
}

export interface PrincipleSet {
  /** Stable, lower-case, e.g. `nvg-2011-annex-iii`. */
  id: string;
  version: number;
  principles: readonly Principle[];
}

/** One core element of a set, addressed the way people cite it: `P3.2`. */
export interface ElementRef {
  principle: number;
  element: number;
  /** `P3.2` */
  code: string;
}

/** `P3.2` for principle 3, element 2. */
export function elementCode(principle: number, element: number): string {
  return `P${principle}.${element}`;
}

/** Every core element of a set, principle by principle. */
export function elementsOf(set: PrincipleSet): ElementRef[] {
  return set.principles.flatMap((principle) =>
    Array.from({ length: principle.elements }, (_, index) => ({
      principle: principle.number,
      element: index + 1,
      code: elementCode(principle.number, index + 1),
    })),
  );
}

/**
 * Where a set's texts live in the `declarations` namespace: `sets.<id with _>.v<version>`. Keys
 * carry the version so that a later version may reword a statement without changing an earlier one.
 *
 * @example textKeys(nvgAnnexIII).element(3, 2) // "declarations:sets.nvg_2011_annex_iii.v1.p3.e2"
 */
export function textKeys(set: Pick<PrincipleSet, "id" | "version">) {
  const base = `declarations:sets.${set.id.replace(/-/g, "_")}.v${set.version}`;
  return {
    title: `${base}.title`,
    principleTitle: (principle: number) => `${base}.p${principle}.title`,
    principleIntro: (principle: number) => `${base}.p${principle}.intro`,
    element: (principle: number, element: number) => `${base}.p${principle}.e${element}`,
  };
}

/** Checks what would make a set unusable: gaps in the numbering, principles without elements. */
export function checkPrincipleSet(set: PrincipleSet): PrincipleSet {
  if (!/^[a-z][a-z0-9-]*$/.test(set.id)) throw new Error(`principle set id "${set.id}" must be lower-case words joined by -`);
  if (!Number.isInteger(set.version) || set.version < 1) throw new Error(`${set.id}: the version must be a positive whole number`);
  set.principles.forEach((principle, index) => {
    if (principle.number !== index + 1) throw new Error(`${set.id} v${set.version}: principle ${index + 1} is numbered ${principle.number}`);
    if (!Number.isInteger(principle.elements) || principle.elements < 1) {
      throw new Error(`${set.id} v${set.version}: principle ${principle.number} needs at least one element`);
    }
  });
  return set;
}
