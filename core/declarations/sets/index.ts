import type { PrincipleSet } from "../principle-set";
import { nvgAnnexIII } from "./nvg-2011-annex-iii";

export { nvgAnnexIII } from "./nvg-2011-annex-iii";

/** Every principle set declarations may refer to; old ones stay so old declarations can be read. */
export const PRINCIPLE_SETS: readonly PrincipleSet[] = [nvgAnnexIII];

/** The set with this id and version, or undefined. */
export function findPrincipleSet(id: string, version: number): PrincipleSet | undefined {
  return PRINCIPLE_SETS.find((set) => set.id === id && set.version === version);
}
