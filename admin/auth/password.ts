/**
 * Console passwords, hashed with PBKDF2-HMAC-SHA256 through WebCrypto so the same code runs on Node
 * and on Workers. Stored as a PHC-style string that names the algorithm and its parameters:
 *
 *   $pbkdf2-sha256$i=210000,p=3$<salt, base64>$<hash, base64>
 *
 * `i` is the total number of iterations, `p` the passes they are split into. Workers' WebCrypto
 * refuses more than 100,000 PBKDF2 iterations in one call, so the work runs as `p` chained passes
 * (each pass's output is the next pass's password) of `i / p` iterations each: the same cost for an
 * attacker, and possible everywhere. Because the parameters travel with the hash, raising them later
 * only needs `needsRehash` at the next sign-in.
 */
import { constantTimeEqual, fromBase64, toBase64 } from "./encoding";

const ALGORITHM = "pbkdf2-sha256";
/** OWASP's floor for PBKDF2; raise it here and old hashes are upgraded as their owners sign in. */
export const PASSWORD_ITERATIONS = 210_000;
/** The most iterations Workers accept in one PBKDF2 call. */
const MAX_ITERATIONS_PER_PASS = 100_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

/** Passwords shorter than this are refused when a user is created or changes theirs. */
export const MIN_PASSWORD_LENGTH = 12;

interface PasswordHash {
  iterations: number;
  passes: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

const encoder = new TextEncoder();

async function pbkdf2Pass(secret: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", secret as BufferSource, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

async function derive(password: string, salt: Uint8Array, iterations: number, passes: number): Promise<Uint8Array> {
  let secret: Uint8Array = encoder.encode(password);
  const perPass = iterations / passes;
  for (let pass = 0; pass < passes; pass++) secret = await pbkdf2Pass(secret, salt, perPass);
  return secret;
}

function passesFor(iterations: number): number {
  let passes = Math.ceil(iterations / MAX_ITERATIONS_PER_PASS);
  while (iterations % passes !== 0) passes++;
  return passes;
}

function format({ iterations, passes, salt, hash }: PasswordHash): string {
  return `$${ALGORITHM}$i=${iterations},p=${passes}$${toBase64(salt)}$${toBase64(hash)}`;
}

function parse(stored: string): PasswordHash | null {
  const match = /^\$pbkdf2-sha256\$i=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!match) return null;
  const iterations = Number(match[1]);
  const passes = Number(match[2]);
  if (!(passes >= 1 && iterations >= passes && iterations % passes === 0 && iterations / passes <= MAX_ITERATIONS_PER_PASS)) return null;
  return { iterations, passes, salt: fromBase64(match[3] ?? ""), hash: fromBase64(match[4] ?? "") };
}

/**
 * Hashes a password with a fresh random salt.
 *
 * @example await hashPassword("correct horse battery") // "$pbkdf2-sha256$i=210000,p=3$…$…"
 */
export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const passes = passesFor(iterations);
  return format({ iterations, passes, salt, hash: await derive(password, salt, iterations, passes) });
}

/**
 * Whether `password` matches `stored`, compared in constant time. A malformed stored value never
 * matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.iterations, parsed.passes);
  return constantTimeEqual(candidate, parsed.hash);
}

/** Whether a stored hash was made with weaker parameters than today's and should be replaced. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return parsed === null || parsed.iterations < PASSWORD_ITERATIONS;
}

/**
 * A hash no password is known for, verified against when the e-mail is unknown, so that an unknown
 * address costs as much time as a wrong password and the two cannot be told apart.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(toBase64(crypto.getRandomValues(new Uint8Array(24))));
  return decoy;
}
