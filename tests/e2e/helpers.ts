import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import fs from "node:fs";
import { e2eScratchFileOf } from "./plan.ts";
import type { Db } from "../../app/platform/db.server.ts";
import type { E2eServer } from "./server.ts";

/**
 * Every page must pass axe-core's WCAG 2.x A and AA rules (JIS X 8341-3:2016 AA). `label` (the
 * sweep's row and language) goes into the failure message.
 */
export async function expectAccessible(page: Page, label?: string) {
  // Only the violations are reported in detail: the rules that run are the same, and axe skips
  // building the node lists of every pass, a good part of its time on long pages. options()
  // replaces every option, so it comes before withTags().
  // Legacy mode: axe.run() in the page itself (same rules, same tags, same-origin frames
  // included; the portal has no iframes). The default runs axe.runPartial() per frame and
  // then opens a second, blank page to inject axe's 570 KB once more and combine the parts:
  // a new page and a second injection per check, for pages that have no frames to combine.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}${label ? ` (${label})` : ""}`).toEqual([]);
}

/** Names this worker's server (set by the e2eServer fixture in fixtures.ts). */
export const E2E_SERVER_ENV = "E2E_SERVER";

function workerServer(): E2eServer {
  const value = process.env[E2E_SERVER_ENV];
  if (!value) throw new Error("this worker has no e2e server yet: use a fixture of fixtures.ts (db, baseURL, page…) before asking for it");
  return JSON.parse(value) as E2eServer;
}

/** The database URL of the server this worker drives. */
export function e2eDatabaseUrl(): string {
  return workerServer().databaseUrl;
}

/** A scratch file of this worker's server. */
export function e2eScratchFile(name: string): string {
  return e2eScratchFileOf(new URL(workerServer().baseURL).port, name);
}

/**
 * A TOTP code the server has not seen yet. A code is good once (the server keeps the step of
 * the last one it accepted), and the demo staff and admin accounts log in from several specs,
 * sometimes within one 30-second step: this picks the current step, or the next one (accepted
 * for clock drift) when the current one was used, or waits for a fresh step. The steps used are
 * kept in a file per e2e server, since specs run one after another in fresh modules.
 */
export async function unusedTotpCode(secret: string): Promise<string> {
  const { totpCodeAt, TOTP_PERIOD_SECONDS } = await import("../../app/auth/totp.server.ts");
  const file = e2eScratchFile("totp-steps");
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
 * authenticator's code; ends on `to`. `clock`: the instant a fixed-clock server's clock stands
 * at (server.ts), whose code is typed instead of the real time's — such a server sees one
 * 30-second step only, so an account logs in there once per clock.
 */
export async function logInAsDemo(page: Page, role: "staff" | "admin", to: string, clock?: string) {
  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../../prisma/demo-accounts.ts");
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const code = async () => {
    if (clock === undefined) return unusedTotpCode(account.totpSecret!);
    const { totpCodeAt } = await import("../../app/auth/totp.server.ts");
    return totpCodeAt(account.totpSecret!, new Date(clock));
  };
  await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
  await page.locator("#email").fill(account.email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("main form button[type=submit]").click();
  // argon2 takes its time on purpose, and longer on a busy 2-core machine.
  await expect(page).toHaveURL(/\/login\/two-factor/, { timeout: 20_000 });
  await page.locator("#code").fill(await code());
  await page.locator("#code").press("Enter");
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[/]/g, "\\/")}$`));
}

/**
 * The path of the newest link to `pathPrefix` mailed to `to`, read from the mail as delivered
 * (the outbox keeps no secret link: tests/integration/helpers/delivered-mail.ts).
 */
export async function mailedLink(db: Db, to: string, pathPrefix: string): Promise<string> {
  const { lastMailTo } = await import("../integration/helpers/delivered-mail.ts");
  for (let i = 0; i < 50; i++) {
    const mail = await lastMailTo(db, to).catch(() => null);
    const match = mail ? new RegExp(`https?://\\S+${pathPrefix}\\S+`).exec(mail.text) : null;
    if (match) return new URL(match[0]).pathname;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} with a link to ${pathPrefix}`);
}
