import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { auditRepository } from "../../../db/repositories/audit";
import { consoleSessionRepository, consoleUserRepository, type ConsoleUserPatch } from "../../../db/repositories/console-users";
import { CONSOLE_ROLES, type ConsoleUser } from "../../../db/schema";
import { accountView, createAccount, newAccountSchema, passwordSchema } from "../../auth/accounts";
import { actorOf, currentUser, type ApiEnv, type Guard } from "../../auth/guard";
import { hashPassword } from "../../auth/password";
import type { ConsoleRole } from "../../auth/roles";
import type { ApiDeps } from "../deps";
import { booleanFilter, idsFilter, listParams, listResponse } from "../list-params";
import { idParam, readBody } from "../validation";

const filterSchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  id: idsFilter,
  role: z.enum(CONSOLE_ROLES).optional(),
  disabled: booleanFilter,
});

const SORT_FIELDS = ["id", "email", "name", "role", "createdAt"] as const;

/** An edit; react-admin sends the whole record, so read-only fields are dropped. Empty password: unchanged. */
const patchSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(CONSOLE_ROLES).optional(),
  disabled: z.boolean().optional(),
  password: z.union([z.literal(""), z.null(), passwordSchema]).optional(),
});

/** `/users`: console accounts, for admins only. Passwords are write-only; "delete" disables. */
export function userRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { db, clock, newId } = deps;
  const users = consoleUserRepository(db);
  const sessions = consoleSessionRepository(db);
  const audit = auditRepository(db);

  async function existing(id: string): Promise<ConsoleUser> {
    const user = await users.get(id);
    if (!user) throw new HTTPException(404, { message: `There is no console user ${id}.` });
    return user;
  }

  /** Someone must always be able to manage users: the last active admin cannot be demoted or disabled. */
  async function keepAnAdmin(before: ConsoleUser, patch: ConsoleUserPatch): Promise<void> {
    const losesAdmin = before.role === "admin" && before.disabledAt === null && ((patch.role !== undefined && patch.role !== "admin") || patch.disabledAt);
    if (!losesAdmin) return;
    const admins = await users.list({ filter: { role: "admin", disabled: false }, range: [0, 1] });
    if (admins.total <= 1) throw new HTTPException(409, { message: "This is the last active admin; make someone else admin first." });
  }

  async function change(c: Context<ApiEnv>, id: string, patch: ConsoleUserPatch, action: string) {
    const before = await existing(id);
    await keepAnAdmin(before, patch);
    const after = await users.update(id, patch);
    if (!after) throw new HTTPException(404, { message: `There is no console user ${id}.` });
    // A new password or a disabled account ends every session, so an old cookie stops working.
    if (patch.passwordHash || patch.disabledAt) await sessions.deleteForUser(id);
    await audit.record({
      at: clock().toISOString(),
      actor: actorOf(currentUser(c)),
      action,
      entity: "console_user",
      entityId: id,
      before: accountView(before),
      after: { ...accountView(after), ...(patch.passwordHash ? { passwordChanged: true } : {}) },
    });
    return accountView(after);
  }

  return new Hono<ApiEnv>()
    .get("/", guard("admin"), async (c) => {
      const { filter, sort, range } = listParams(c, filterSchema, SORT_FIELDS, { field: "email", order: "ASC" });
      const { id, ...rest } = filter;
      const page = await users.list({ filter: { ...rest, ...(id ? { ids: id } : {}) }, sort, range });
      return listResponse(c, "users", range, page.rows.map(accountView), page.total);
    })
    .get("/:id", guard("admin"), async (c) => c.json(accountView(await existing(idParam(c)))))
    .post("/", guard("admin"), async (c) => {
      const input = await readBody(c, newAccountSchema);
      const result = await createAccount(db, input, { id: newId(), actor: actorOf(currentUser(c)), now: clock().toISOString() });
      if (result.status === "email_taken") throw new HTTPException(409, { message: `${input.email} already has an account.` });
      return c.json(accountView(result.user), 201);
    })
    .put("/:id", guard("admin"), async (c) => {
      const id = idParam(c);
      const input = await readBody(c, patchSchema);
      const before = await existing(id);
      const patch: ConsoleUserPatch = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.role === undefined ? {} : { role: input.role }),
        ...(input.disabled === undefined ? {} : { disabledAt: input.disabled ? (before.disabledAt ?? clock().toISOString()) : null }),
        ...(input.password ? { passwordHash: await hashPassword(input.password) } : {}),
      };
      return c.json(await change(c, id, patch, "console_user.update"));
    })
    .delete("/:id", guard("admin"), async (c) => {
      const id = idParam(c);
      if (id === currentUser(c).id) throw new HTTPException(409, { message: "You cannot disable your own account." });
      const before = await existing(id);
      return c.json(await change(c, id, { disabledAt: before.disabledAt ?? clock().toISOString() }, "console_user.disable"));
    });
}
