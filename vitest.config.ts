import os from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Vitest never loads Remix's Vite plugin (stack notes): it has this config of its own.
const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };

// Vitest's default is one worker less than the cores, which is one on the 2-core machines here.
// Every integration suite has its own database copy, server port and temporary directory, so
// two files at once share nothing (docs/decisions/0019). VITEST_WORKERS overrides.
const workers = Number(process.env.VITEST_WORKERS) || Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: workers,
    minWorkers: 1,
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], globalSetup: ["tests/setup/integration-databases.ts"] },
      },
    ],
  },
});
