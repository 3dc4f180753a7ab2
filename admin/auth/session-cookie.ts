import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** The cookie that carries a console session token; only the API reads it. */
export const SESSION_COOKIE = "samuh_console";
const COOKIE_PATH = "/api";
export const SESSION_HOURS = 12;

/**
 * HTTPS is detected from the request itself, or from Cloudflare / a reverse proxy saying so; the
 * Secure flag then keeps the cookie off plain-HTTP requests. Local development over HTTP still works.
 */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    path: COOKIE_PATH,
    maxAge: SESSION_HOURS * 60 * 60,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, secure: isHttps(c), httpOnly: true, sameSite: "Lax" });
}
