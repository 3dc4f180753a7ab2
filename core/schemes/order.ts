import type { Scheme } from "./types";

/**
 * Orders schemes so that a successor comes before the schemes that point to it: inserting in this
 * order keeps every successor reference valid as each row lands.
 */
export function successorsFirst(schemes: readonly Scheme[]): Scheme[] {
  const byId = new Map(schemes.map((scheme) => [scheme.id, scheme]));
  const ordered: Scheme[] = [];
  const placed = new Set<string>();
  const place = (scheme: Scheme) => {
    if (placed.has(scheme.id)) return;
    placed.add(scheme.id);
    const successor = scheme.successorId === null ? undefined : byId.get(scheme.successorId);
    if (successor) place(successor);
    ordered.push(scheme);
  };
  schemes.forEach(place);
  return ordered;
}
