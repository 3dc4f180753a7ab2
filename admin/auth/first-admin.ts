import type { Database } from "../../db/database";
import { consoleUserRepository } from "../../db/repositories/console-users";
import { createAccount, newAccountSchema } from "./accounts";

export interface FirstAdminEnv {
  ADMIN_EMAIL?: string | undefined;
  ADMIN_PASSWORD?: string | undefined;
  ADMIN_NAME?: string | undefined;
}

export type FirstAdminResult = "created" | "admin_exists" | "not_configured";

/**
 * Creates the first admin from `ADMIN_EMAIL` and `ADMIN_PASSWORD` when the console has no admin yet,
 * so a fresh installation can be signed into. Once an admin exists the variables are ignored (and
 * may be removed): changing them never resets anyone's password. A password that is too short stops
 * the start-up with a message saying so.
 *
 * @example await ensureFirstAdmin(db, process.env, new Date().toISOString(), () => crypto.randomUUID())
 */
export async function ensureFirstAdmin(db: Database, env: FirstAdminEnv, now: string, newId: () => string): Promise<FirstAdminResult> {
  const users = consoleUserRepository(db);
  const admins = await users.list({ filter: { role: "admin", disabled: false }, range: [0, 0] });
  if (admins.total > 0) return "admin_exists";
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return "not_configured";
  const parsed = newAccountSchema.safeParse({
    email: env.ADMIN_EMAIL,
    name: env.ADMIN_NAME ?? "Administrator",
    role: "admin",
    password: env.ADMIN_PASSWORD,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `ADMIN_${String(issue.path[0]).toUpperCase()}: ${issue.message}`);
    throw new Error(`Cannot create the first console admin:\n  ${problems.join("\n  ")}`);
  }
  const result = await createAccount(db, parsed.data, { id: newId(), actor: "system", now });
  if (result.status === "email_taken") {
    // The address belongs to a disabled or non-admin account: promoting it silently would be a surprise.
    throw new Error(`Cannot create the first console admin: ${parsed.data.email} already has an account that is not an active admin.`);
  }
  return "created";
}
