import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { currentUser, type ApiEnv } from "../../auth/guard";
import { hasRole } from "../../auth/roles";
import { validate } from "../validation";

const personalSchema = z.enum(["true", "false"]).optional();

/**
 * Whether an export may carry personal data (names, chat usernames, enterprise names): only when an
 * admin asks with `?personal=true`. Anyone else asking is refused rather than quietly given less, so
 * nobody mistakes a pseudonymous file for a full one.
 */
export function personalDataRequested(c: Context<ApiEnv>): boolean {
  if (validate(personalSchema, c.req.query("personal"), "personal") !== "true") return false;
  const { role } = currentUser(c);
  if (!hasRole(role, "admin")) throw new HTTPException(403, { message: `Personal data is exported for admins only; you are signed in as ${role}.` });
  return true;
}
