import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    root: new URL("..", import.meta.url).pathname,
    pool: "forks",
    globalSetup: ["tests/temporary-files.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
