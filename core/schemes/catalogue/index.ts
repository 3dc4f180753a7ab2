import type { Scheme } from "../types";
import { ANNEX_I_SCHEMES } from "./annex-i";
import { CURRENT_SCHEMES } from "./current";
import { SECTION_I_SCHEMES } from "./section-i";

export { ACTIVITIES } from "./activities";
export { ANNEX_I_SCHEMES, CURRENT_SCHEMES, SECTION_I_SCHEMES };

/** The built-in catalogue: the guide's schemes first, in its order, then current facts. */
export const SCHEMES: readonly Scheme[] = [...ANNEX_I_SCHEMES, ...SECTION_I_SCHEMES, ...CURRENT_SCHEMES];
