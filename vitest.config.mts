import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // "server-only" throws outside React's server environment; tests are server code.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,app,components,scripts,prisma,testing,site,server}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.*", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,app,components,scripts,prisma,testing,site,server}/**/*.int.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["testing/global-setup.ts"],
          setupFiles: ["testing/setup-database-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database for the run; files still run in parallel workers.
        },
      },
    ],
  },
});
