import type { Context } from "hono";

/**
 * The caller's IP address, for counting failed sign-ins. Cloudflare sets `CF-Connecting-IP` and
 * clients cannot forge it there; on Node the socket's address is used. `X-Forwarded-For` is ignored
 * on purpose: anyone can send it, and trusting it would let a guesser pick a fresh address per try.
 */
export function clientAddress(c: Context): string {
  const cloudflare = c.req.header("cf-connecting-ip");
  if (cloudflare) return cloudflare;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}
