/**
 * Serving the built console on Node: the static files of dist/admin at /admin, any other path under
 * it answered with index.html so the single-page app's own routes (/admin/clusters/…/show) survive
 * a reload. Workers serve the same files from their static assets instead.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

const REPOSITORY = fileURLToPath(new URL("..", import.meta.url));
export const CONSOLE_DIST = join(REPOSITORY, "dist", "admin");

/** What the console's bundle is built from: a change to any of it makes the build stale. */
const SOURCES = ["admin/app", "admin/vite.config.ts", "core", "locales"].map((path) => join(REPOSITORY, path));

export interface ConsoleRouteOptions {
  /** The built console; dist/admin by default. */
  distDir?: string;
  /** Where the router is mounted; the build's `base` assumes /admin. */
  basePath?: string;
}

/**
 * The console's pages, to be mounted at /admin. Hashed assets are cached for a year; index.html is
 * revalidated every time so a new build is picked up at once.
 *
 * @example app.route("/admin", consoleRoutes())
 */
export function consoleRoutes(options: ConsoleRouteOptions = {}): Hono {
  const root = options.distDir ?? CONSOLE_DIST;
  const base = options.basePath ?? "/admin";
  const withinBase = (path: string) => (path.startsWith(base) ? path.slice(base.length) || "/" : path);

  return new Hono()
    .use("/assets/*", async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    })
    .get("/assets/*", serveStatic({ root, rewriteRequestPath: withinBase }))
    .get("/assets/*", (c) => c.text("Not found", 404))
    .get("*", async (c, next) => {
      c.header("Cache-Control", "no-cache");
      await next();
    })
    .get("*", serveStatic({ root, path: "index.html" }));
}

function newestChange(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/**
 * Builds the console with Vite when dist/admin/index.html is missing or older than its sources, so
 * `npm start` after a checkout or an edit serves the current console. Returns whether it built.
 */
export async function ensureConsoleBuilt(options: { distDir?: string } = {}): Promise<boolean> {
  const index = join(options.distDir ?? CONSOLE_DIST, "index.html");
  const built = statSync(index, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > 0 && built >= Math.max(...SOURCES.map(newestChange))) return false;
  const [{ build }, { consoleViteConfig }] = await Promise.all([import("vite"), import("./vite.config")]);
  // Vite and the React plugin emit development code whenever NODE_ENV says so (vitest sets "test");
  // the console served to users must be the production bundle wherever the build is started from.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      ...consoleViteConfig,
      configFile: false,
      mode: "production",
      ...(options.distDir ? { build: { ...consoleViteConfig.build, outDir: options.distDir } } : {}),
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}
