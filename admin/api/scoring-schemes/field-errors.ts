import type { z } from "zod";

export interface FieldErrors<M> {
  [field: string]: M | FieldErrors<M>;
}

/**
 * zod's issues shaped like the form (`{ weights: { awareness: … } }`), the `errors` react-admin puts
 * under each input; the console's own check shares it, with translated messages. A field keeps its
 * first message, and a rule about a whole group (`weights`) gives way to its fields' own errors,
 * which are to be fixed first.
 *
 * @example fieldErrors(parsed.error.issues, (issue) => issue.message)
 */
export function fieldErrors<M>(issues: readonly z.core.$ZodIssue[], messageOf: (issue: z.core.$ZodIssue) => M): FieldErrors<M> {
  const errors: FieldErrors<M> = {};
  // Longest paths first, so a group is already a branch when a rule about the group comes.
  for (const issue of [...issues].sort((a, b) => b.path.length - a.path.length)) {
    const path = issue.path.map(String);
    const last = path.pop();
    if (last === undefined) continue;
    const parent = path.reduce((node, key) => (node[key] ??= {}) as FieldErrors<M>, errors);
    parent[last] ??= messageOf(issue);
  }
  return errors;
}
