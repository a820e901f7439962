import { chromium, type FullConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createTemplates, postgresProblem } from "../integration/helpers/templates.ts";
import type { Provider } from "./plan.ts";
import { seedTemplate } from "./server.ts";

/** Debian updates Chromium on its own schedule: say which versions this run used. */
async function printVersions() {
  const require = createRequire(import.meta.url);
  const playwrightVersion = (require("@playwright/test/package.json") as { version: string }).version;
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  let chromiumVersion = "unknown";
  try {
    chromiumVersion = execFileSync(executable, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    const browser = await chromium.launch({ executablePath: executable });
    chromiumVersion = browser.version();
    await browser.close();
  }
  console.log(`e2e: Playwright ${playwrightVersion}, ${chromiumVersion}`);
}

/**
 * Migrates once per provider and seeds the demo data once per provider (tests/e2e/server.ts);
 * each worker then starts its own server on a copy (fixtures.ts). Returns the teardown.
 */
export default async function globalSetup(config: FullConfig) {
  const started = Date.now();
  await printVersions();
  const providers = config.projects.map((p) => p.name as Provider);
  if (providers.includes("postgresql")) {
    const problem = await postgresProblem();
    if (problem) throw new Error(`PostgreSQL is not reachable (${problem}), and REQUIRE_POSTGRES=1 keeps the @postgresql walks: they cannot run`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
  const templates = await createTemplates();
  const removals = await Promise.allSettled(providers.map((p) => seedTemplate(p, dir)));
  const teardown = async () => {
    for (const r of removals) if (r.status === "fulfilled") await r.value();
    await templates.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const failed = removals.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  console.log(`e2e: templates migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${providers.join(", ")})`);
  return teardown;
}
