import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every page must pass axe-core's WCAG 2.x A and AA rules (JIS X 8341-3:2016 AA). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function useEnglish(page: Page) {
  await page.context().addCookies([{ name: "lang", value: "en", url: page.url().startsWith("http") ? page.url() : "http://localhost:3210" }]);
}
