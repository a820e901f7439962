/**
 * The accessibility sweep of one domain: a table of every page (and every state of a page worth
 * its own check — a form with its errors, a notice after sending), each opened in Japanese and
 * in English and checked with axe-core's WCAG 2.x A and AA rules (JIS X 8341-3:2016 AA) once.
 * The walks (the other specs) then check behaviour without running axe again on every step.
 *
 *   accessibilitySweep("districts", {
 *     pages: [{ label: "/districts", open: "/districts", heading: { ja: "行政区・住民センター" } }],
 *   });
 */
import type { BrowserContext, Page, Response } from "@playwright/test";
import type { Db } from "../../app/platform/db.server.ts";
import { expect, test, useEnglish, type Person, type PersonOptions, type Role } from "./fixtures.ts";
import { expectAccessible } from "./helpers.ts";

export type Lang = "ja" | "en";
type Text = string | RegExp;

export type SweepStep<T> = { page: Page; lang: Lang; data: T; db: Db; baseURL: string; createPerson: (options?: PersonOptions) => Promise<Person> };

export type SweepPage<T> = {
  label: string;
  /** The address, or a function that takes the page to the state to check and returns the response to check (null: none to check). */
  open: string | ((step: SweepStep<T>) => string | Promise<Response | null>);
  /** Logged in as a new person of this role, or as one the setup made; default: nobody. */
  as?: Role | PersonOptions | ((data: T) => Person);
  /** Expected HTTP status of the page (of the response `open` returns); default 200. */
  status?: number | number[];
  /** The level-1 heading in each language (English unchecked when left out). */
  heading?: { ja: Text; en?: Text };
  /** Only in these languages (a state that is reached through Japanese labels); default both. */
  langs?: Lang[];
  /** What else the page must show (and any steps to reach the state), before axe runs. */
  check?: (step: SweepStep<T> & { response: Response | null }) => Promise<void>;
};

export type Sweep<T> = {
  /** Data the rows need (groups, people…), made once per worker in its database. */
  setup?: (fixtures: { db: Db }) => Promise<T>;
  /** Checked on every page of the sweep, e.g. the staff area's menu. */
  everyPage?: (page: Page, lang: Lang) => Promise<void>;
  pages: SweepPage<T>[];
};

const SKIP_LINK: Record<Lang, string> = { ja: "本文へ移動", en: "Skip to main content" };

/**
 * Leaves the sweep's page as a new browser context would be: no cookies (no session, no
 * language) and an empty HTTP cache. The cache matters: Chromium keeps an answer such as a 410
 * fresh forever when no header says otherwise, and would show the first language's page again.
 * (The portal keeps nothing in localStorage, sessionStorage or IndexedDB.)
 */
async function asNewVisitor(page: Page) {
  await page.context().clearCookies();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await cdp.detach();
}

export function accessibilitySweep<T = undefined>(domain: string, { setup, everyPage, pages }: Sweep<T>) {
  test.describe(`${domain}: every page passes axe in Japanese and English`, () => {
    // axe on long tables (a hundred districts, the correction form) takes a while on a busy
    // machine, and a test checks the page in both languages.
    test.describe.configure({ timeout: 180_000 });
    let data: T;
    // One browser context and page for the whole sweep, made as the test's own would be (the
    // project's device, locale and time zone, this worker's server), each check starting as a
    // new visitor (asNewVisitor): a context of its own for every page and language cost its
    // set-up, a cold first page and the fixtures' tear-down each time, for the same checks.
    let context: BrowserContext;
    let page: Page;
    test.beforeAll(async ({ browser, db, e2eServer }) => {
      data = setup ? await setup({ db }) : (undefined as T);
      const { locale, timezoneId, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
      context = await browser.newContext({ locale, timezoneId, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL: e2eServer.baseURL });
      page = await context.newPage();
    });
    test.afterAll(async () => {
      await context?.close();
    });

    // One test per row, one step per language; a failure names the row and the language (the
    // step, and every expect's message).
    for (const row of pages) {
      const langs = row.langs ?? (["ja", "en"] as const);
      test(`${row.label} (${langs.join(", ")})`, async ({ baseURL, db, signIn, createPerson }) => {
        for (const lang of langs) {
          await test.step(`${row.label} (${lang})`, async () => {
            await asNewVisitor(page);
            if (row.as) await signIn(page, typeof row.as === "function" ? row.as(data) : row.as);
            if (lang === "en") await useEnglish(page, baseURL!);
            const step = { page, lang, data, db, baseURL: baseURL!, createPerson };
            const target = typeof row.open === "string" ? row.open : await row.open(step);
            const response = typeof target === "string" ? await page.goto(target) : target;
            const where = `${row.label} (${lang})`;
            if (response) expect([row.status ?? 200].flat(), `${where}: status of ${page.url()}`).toContain(response.status());
            await expect(page.locator("html"), `${where}: lang`).toHaveAttribute("lang", lang);
            await expect(page.getByRole("link", { name: SKIP_LINK[lang] }), `${where}: skip link`).toBeAttached();
            const heading = row.heading?.[lang];
            if (heading !== undefined) await expect(page.getByRole("heading", { level: 1 }), `${where}: heading`).toHaveText(heading);
            await everyPage?.(page, lang);
            await row.check?.({ ...step, response });
            await expectAccessible(page, where);
          });
        }
      });
    }
  });
}
