/** Slack signs every request; one older than this is refused, so a captured request cannot be replayed later. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

const VERSION = "v0";
const encoder = new TextEncoder();

export interface SignedRequest {
  /** `X-Slack-Request-Timestamp`: seconds since the epoch, as Slack sent it. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` and the hex HMAC-SHA256. */
  signature: string | undefined;
  /** The raw body, exactly as received. */
  body: string;
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/**
 * Checks Slack's request signature (v0: HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing
 * secret) and the timestamp's age. WebCrypto, so it runs on Node and on Workers alike; the MAC is
 * checked by `crypto.subtle.verify`, which compares in constant time.
 *
 * @example
 * const verify = slackSignatureVerifier(secret);
 * await verify({ timestamp, signature, body }, Date.now()) // true or false
 */
export function slackSignatureVerifier(signingSecret: string) {
  const key = crypto.subtle.importKey("raw", encoder.encode(signingSecret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);

  return async function verify(request: SignedRequest, nowMs: number): Promise<boolean> {
    const { timestamp, signature, body } = request;
    if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature?.startsWith(`${VERSION}=`)) return false;
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_REQUEST_AGE_SECONDS) return false;
    const mac = hexBytes(signature.slice(VERSION.length + 1));
    if (!mac) return false;
    return crypto.subtle.verify("HMAC", await key, mac, encoder.encode(`${VERSION}:${timestamp}:${body}`));
  };
}
