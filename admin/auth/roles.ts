import type { ConsoleRole } from "../../db/schema";

export type { ConsoleRole } from "../../db/schema";

/**
 * Roles in rising order of power: viewers read; moderators also exclude and restore response sets
 * and edit clusters; admins also manage users and read the audit log.
 */
const RANK: Record<ConsoleRole, number> = { viewer: 0, moderator: 1, admin: 2 };

/** Whether someone with `role` may do what needs `minimum`. */
export function hasRole(role: ConsoleRole, minimum: ConsoleRole): boolean {
  return RANK[role] >= RANK[minimum];
}
