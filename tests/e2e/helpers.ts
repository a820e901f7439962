import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Every page must pass axe-core's WCAG 2.x A and AA rules (JIS X 8341-3:2016 AA). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function useEnglish(page: Page) {
  await page.context().addCookies([{ name: "lang", value: "en", url: page.url().startsWith("http") ? page.url() : "http://localhost:3210" }]);
}

/**
 * The e2e server of this project: tests/e2e/server.ts writes its database URL to a state file
 * named after its port, so the SQLite and PostgreSQL servers (and two runs on one machine with
 * different E2E_PORTs) do not read each other's.
 */
export function e2eStateFile(port: string | number): string {
  return path.join(os.tmpdir(), `portal-e2e-state-${port}.json`);
}

function portOf(testInfo: Pick<TestInfo, "project">): string {
  const baseURL = testInfo.project.use.baseURL;
  if (!baseURL) throw new Error(`project ${testInfo.project.name} has no baseURL`);
  return new URL(baseURL).port;
}

/** The database URL of the server this test's project drives. */
export function e2eDatabaseUrl(testInfo: Pick<TestInfo, "project"> = test.info()): string {
  const { databaseUrl } = JSON.parse(fs.readFileSync(e2eStateFile(portOf(testInfo)), "utf8")) as { databaseUrl: string };
  return databaseUrl;
}

/** A scratch file of this project (saved log-ins), beside the state file. */
export function e2eScratchFile(testInfo: Pick<TestInfo, "project">, name: string): string {
  return path.join(os.tmpdir(), `portal-e2e-${name}-${portOf(testInfo)}.json`);
}

/**
 * A TOTP code the server has not seen yet. A code is good once (the server keeps the step of
 * the last one it accepted), and the demo staff and admin accounts log in from several specs,
 * sometimes within one 30-second step: this picks the current step, or the next one (accepted
 * for clock drift) when the current one was used, or waits for a fresh step. The steps used are
 * kept in a file per e2e server, since specs run one after another in fresh modules.
 */
export async function unusedTotpCode(secret: string, testInfo: Pick<TestInfo, "project"> = test.info()): Promise<string> {
  const { totpCodeAt, TOTP_PERIOD_SECONDS } = await import("../../app/auth/totp.server.ts");
  const file = e2eScratchFile(testInfo, "totp-steps");
  const used = (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}) as Record<string, number>;
  const period = TOTP_PERIOD_SECONDS * 1000;
  const last = used[secret] ?? -1;
  for (;;) {
    const current = Math.floor(Date.now() / period);
    const step = current > last ? current : current + 1 > last ? current + 1 : null;
    if (step !== null) {
      fs.writeFileSync(file, JSON.stringify({ ...used, [secret]: step }));
      return totpCodeAt(secret, new Date(step * period));
    }
    await new Promise((r) => setTimeout(r, (current + 1) * period - Date.now() + 50));
  }
}

/**
 * A demo staff or admin account's log-in, as a person does it: password, then the
 * authenticator's code; ends on `to`.
 */
export async function logInAsDemo(page: Page, role: "staff" | "admin", to: string) {
  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../../prisma/demo-accounts.ts");
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
  await page.locator("#email").fill(account.email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await page.locator("#code").fill(await unusedTotpCode(account.totpSecret!));
  await page.locator("#code").press("Enter");
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[/]/g, "\\/")}$`));
}
