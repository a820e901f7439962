import { defineConfig, devices } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { E2E_PORT, E2E_WORKERS } from "./tests/e2e/plan.ts";

/**
 * Two projects, one per database: every spec runs against SQLite (the embedded default), and
 * the walks tagged @postgresql (sign-up to log-in, the admin's grant, the registry from
 * registration to the 6-1 count) run again against PostgreSQL, the production option.
 * Without a reachable PostgreSQL that project is left out with a warning; REQUIRE_POSTGRES=1
 * (CI) keeps it, so that it fails instead.
 *
 * Two workers, each with a server and a database of its own per project: global-setup.ts migrates
 * and seeds one template per database, and each worker's e2eServer fixture (fixtures.ts) starts
 * its server on a copy of it, on a port of E2E_PORT's range (plan.ts).
 */

// Debian's Chromium: Playwright's own browser download cannot reach its server here (stack notes).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function postgresReachable(): boolean {
  if (process.env.REQUIRE_POSTGRES === "1") return true;
  const url = process.env.PG_TEST_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const probe = spawnSync(
    process.execPath,
    ["-e", "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:2000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))", url],
    { encoding: "utf8", timeout: 10_000 },
  );
  return probe.status === 0;
}

// The config is read again in every worker: probe once, in the runner, and pass the answer on.
process.env.E2E_WITH_POSTGRES ??= postgresReachable() ? "1" : "0";
const withPostgres = process.env.E2E_WITH_POSTGRES === "1";
if (!withPostgres && !process.env.TEST_WORKER_INDEX) {
  console.warn("\n⚠️  PostgreSQL not reachable: the browser walks ran on SQLite only.\n");
}

const desktop = { ...devices["Desktop Chrome"], channel: undefined };

export default defineConfig({
  testDir: "tests/e2e",
  // Files are shared out between the workers; the tests of one file run in order in one worker.
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    // Replaced by the worker's own server's address (fixtures.ts).
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "off",
    launchOptions: {
      executablePath,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--no-sandbox",
      ],
    },
  },
  projects: [{ name: "sqlite", use: desktop }, ...(withPostgres ? [{ name: "postgresql", grep: /@postgresql/, use: desktop }] : [])],
});
