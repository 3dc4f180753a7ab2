/**
 * Where the API lives and how the console calls it. The console and the API share an origin, and
 * the session travels in an HttpOnly cookie, so every request includes credentials and none carries
 * a token the page could leak.
 */
import { fetchUtils } from "react-admin";

export const API_ROOT = "/api";

export function apiUrl(path: string): string {
  return `${API_ROOT}${path}`;
}

/** `fetchJson` with the session cookie; errors become react-admin `HttpError`s with the API's message. */
export function httpClient(url: string, options: fetchUtils.Options = {}) {
  return fetchUtils.fetchJson(url, { ...options, credentials: "include" });
}
