import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

/** Debian updates Chromium on its own schedule: say which versions this run used. */
export default async function globalSetup() {
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
