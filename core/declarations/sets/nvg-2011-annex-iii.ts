import { checkPrincipleSet, type PrincipleSet } from "../principle-set";

const ANNEX_III = "The guide, Annex III: principles and core elements of the National Voluntary Guidelines";

/**
 * The principles of Annex III as the guide prints them (Principles 1–8 with their core elements), and
 * Principle 9 of the final 2011 guidelines, which the guide leaves out (SPEC §7). Principle 3's sixth
 * element lists three practices (training, help into new work, joint welfare programmes); they are one
 * element there and one statement here, as printed.
 */
export const nvgAnnexIII: PrincipleSet = checkPrincipleSet({
  id: "nvg-2011-annex-iii",
  version: 1,
  principles: [
    { number: 1, elements: 7, source: ANNEX_III },
    { number: 2, elements: 6, source: ANNEX_III },
    { number: 3, elements: 9, source: ANNEX_III },
    { number: 4, elements: 5, source: ANNEX_III },
    { number: 5, elements: 6, source: ANNEX_III },
    { number: 6, elements: 5, source: ANNEX_III },
    { number: 7, elements: 3, source: ANNEX_III },
    { number: 8, elements: 7, source: ANNEX_III },
    { number: 9, elements: 6, source: "National Voluntary Guidelines, Ministry of Corporate Affairs, 2011, Principle 9 (not printed in the guide)" },
  ],
});
