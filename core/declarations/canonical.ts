import type { DeclaredAnswers } from "./answers";

/**
 * The canonical form of a declaration: the exact bytes its content hash is taken over, so that
 * anyone holding the JSON can check a printed hash with `sha256sum`. The rules:
 *
 * 1. A JSON object with the fields of `DeclarationContent` plus `"format": "samuh-br-declaration/1"`.
 * 2. Object keys in ascending order of their characters (every key is ASCII), at every depth.
 * 3. No whitespace between tokens; strings escaped as `JSON.stringify` does (UTF-8, no `\u` escapes
 *    for printable characters).
 * 4. Every string normalised: Unicode NFC, leading and trailing white space removed, inner runs of
 *    white space (line breaks included) collapsed to one space.
 * 5. A note the declarant did not give is absent, not empty; `supersedes` is null for a first version.
 * 6. The text is encoded as UTF-8 without a byte-order mark or trailing newline; the hash is the
 *    lower-case hexadecimal SHA-256 of those bytes.
 */
export const CANONICAL_FORMAT = "samuh-br-declaration/1";

/** Everything a declaration asserts, and nothing a review adds later (status, reviewer, reason). */
export interface DeclarationContent {
  shortCode: string;
  /** 1 for a first declaration; each amendment adds one. */
  version: number;
  /** The declaration this one amends, by its code and hash, so the versions form a chain. */
  supersedes: { shortCode: string; contentHash: string } | null;
  principleSet: { id: string; version: number };
  enterpriseId: string | null;
  clusterId: string | null;
  respondentId: string;
  declarant: { name: string; role: string };
  /** ISO-8601 time of the confirmation. */
  declaredAt: string;
  answers: DeclaredAnswers;
}

/**
 * NFC, trimmed, inner white space collapsed: how two spellings of the same text become one.
 *
 * @example normaliseText("  Sunita\n  Devi ") // "Sunita Devi"
 */
export function normaliseText(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/gu, " ");
}

/**
 * JSON with sorted keys, normalised strings and no white space (rules 2–4 above). Undefined object
 * fields are left out, as `JSON.stringify` does.
 *
 * @throws Error for numbers JSON cannot hold (NaN, Infinity) and for values JSON has no form for.
 * @example canonicalJson({ b: " x ", a: [1, null] }) // '{"a":[1,null],"b":"x"}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(normaliseText(value));
    case "number":
      if (!Number.isFinite(value)) throw new Error(`${value} has no canonical JSON form`);
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
      const fields = Object.entries(value as Record<string, unknown>)
        .filter(([, field]) => field !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
      return `{${fields.join(",")}}`;
    }
    default:
      throw new Error(`a ${typeof value} has no canonical JSON form`);
  }
}

/** The canonical JSON of a declaration: the text its content hash is taken over. */
export function canonicalDeclaration(content: DeclarationContent): string {
  return canonicalJson({ format: CANONICAL_FORMAT, ...content });
}
