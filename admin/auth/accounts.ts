import { z } from "zod";
import type { Database } from "../../db/database";
import { consoleUserRepository } from "../../db/repositories/console-users";
import { auditRepository } from "../../db/repositories/audit";
import { CONSOLE_ROLES, type ConsoleUser } from "../../db/schema";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters; a short sentence is easy to remember.`)
  .max(1024);

export const newAccountSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  name: z.string().trim().min(1).max(120),
  role: z.enum(CONSOLE_ROLES),
  password: passwordSchema,
});

export type NewAccount = z.infer<typeof newAccountSchema>;

/** A console user as the API shows it: never the password hash. */
export function accountView(user: ConsoleUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
    disabled: user.disabledAt !== null,
  };
}

export type AccountView = ReturnType<typeof accountView>;

/**
 * Creates a console account with a freshly hashed password and records it in the audit log. Used by
 * the users API, the first-admin bootstrap and the `admin:create` command alike.
 */
export async function createAccount(
  db: Database,
  input: NewAccount,
  context: { id: string; actor: string; now: string },
): Promise<{ status: "created"; user: ConsoleUser } | { status: "email_taken" }> {
  const result = await consoleUserRepository(db).create({
    id: context.id,
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    now: context.now,
  });
  if (result.status === "created") {
    await auditRepository(db).record({
      at: context.now,
      actor: context.actor,
      action: "console_user.create",
      entity: "console_user",
      entityId: result.user.id,
      after: accountView(result.user),
    });
  }
  return result;
}
