import { Hono } from "hono";

/** The static-assets binding wrangler.toml names `ASSETS`. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/**
 * The console's pages on Workers, to be mounted at /admin. The asset store answers every file of the
 * build before the Worker runs; what reaches here is either a client-side route of the single-page
 * app (/admin/clusters/…/show), answered with its index.html so a reload survives, or a missing
 * build file, which must not be mistaken for a page. The same rules as admin/serve.ts on Node.
 */
export function consolePages(assets: AssetsBinding): Hono {
  return new Hono()
    .get("/assets/*", (c) => c.text("Not found", 404))
    .get("*", (c) => assets.fetch(new Request(new URL("/admin/", c.req.url), { headers: c.req.raw.headers })));
}
