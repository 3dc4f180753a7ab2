import { canonicalDeclaration, type DeclarationContent } from "./canonical";

/**
 * Lower-case hexadecimal SHA-256 of a text's UTF-8 bytes, with WebCrypto so it runs on Workers too.
 *
 * @example await sha256Hex("abc") // "ba7816bf…"
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The content hash of a declaration: SHA-256 over its canonical JSON. */
export function contentHash(content: DeclarationContent): Promise<string> {
  return sha256Hex(canonicalDeclaration(content));
}

/** Whether a stored hash still matches the content: false means the record was altered. */
export async function verifyContentHash(content: DeclarationContent, hash: string): Promise<boolean> {
  return (await contentHash(content)) === hash;
}
