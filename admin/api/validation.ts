import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";

/** Turns zod's issues into one sentence a person can act on: "email: Invalid email address; role: …". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "value"}: ${issue.message}`).join("; ");
}

/** Parses `value` or answers 400 naming what is wrong and where (`where` is "body", "filter", …). */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HTTPException(400, { message: `Invalid ${where}: ${describeIssues(parsed.error.issues)}` });
  return parsed.data;
}

/** The request's JSON body, validated; a body that is not JSON is a 400 too. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HTTPException(400, { message: "The request body must be JSON." });
  }
  return validate(schema, body, "body");
}

/** A JSON-encoded query parameter (react-admin sends `sort`, `range` and `filter` that way). */
export function jsonParam(c: Context, name: string): unknown {
  const raw = c.req.query(name);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new HTTPException(400, { message: `Invalid ${name}: it must be JSON, e.g. ${name}=${EXAMPLES[name] ?? "{}"}.` });
  }
}

const idSchema = z.string().min(1).max(100);

const EXAMPLES: Record<string, string> = { sort: '["name","ASC"]', range: "[0,24]", filter: '{"q":"foundry"}' };

/** A path parameter that must be present and short; ids are never long. */
export function idParam(c: Context): string {
  return validate(idSchema, c.req.param("id"), "id");
}
