import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The console's build: a single-page react-admin app served by the product at /admin, talking to
 * the API at /api on the same origin. `npm run build:admin` writes it to dist/admin; in development
 * (`npx vite --config admin/vite.config.ts`) the API is proxied to a local `npm start`.
 */
export const consoleViteConfig = defineConfig({
  root: fileURLToPath(new URL("./app", import.meta.url)),
  base: "/admin/",
  plugins: [react()],
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/admin", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
});

export default consoleViteConfig;
