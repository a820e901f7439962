import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The tests `npm run test:mutation` (Stryker, stryker.config.json) runs against each mutant:
 * the unit tests of the rules it mutates, and the two integration files that test sessions and
 * rate limits on a real database without a server process (decision 0025). Not a project of
 * vitest.config.ts: `npm test` does not run it.
 */
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    globalSetup: ["tests/setup/integration-databases.ts"],
    include: [
      "tests/unit/permissions.test.ts",
      "tests/unit/csv.test.ts",
      "tests/unit/rate-limit.test.ts",
      "tests/unit/form-helpers.test.ts",
      "tests/unit/group-validity.test.ts",
      "tests/unit/groups-registered.test.ts",
      "tests/integration/session-lifetime.test.ts",
      "tests/integration/rate-limit.test.ts",
    ],
  },
});
