/**
 * Public comment from start to end, as issue 12's "Done means" puts it, through the pages only:
 * staff create a consultation (a 10-day period is refused at the reason's field, Art. 40; a
 * 30-day one is taken, Art. 39) and announce it; once it is open an anonymous visitor comments on
 * section 2 and gets a receipt, and staff type in a comment that came by post; the period closes
 * by the clock alone; staff summarise the comments for section 2 with the city's response (市の
 * 考え方), record a change and publish; the public results page shows the response under section
 * 2's heading, the count by channel, and none of the names, addresses and emails typed (Art. 43).
 *
 * The clock is the server's (TEST_CLOCK, fixed per process): one server on a SQLite file of its
 * own is restarted on that file at later instants (server.ts, startRestartableClockServer) —
 * nothing but the clock opens and closes the period. The database is only read here, never
 * written: staff log in through the log-in form with the demo account's authenticator code for
 * the server's instant.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logInAsDemo } from "./helpers.ts";
import { startRestartableClockServer, type RestartableClockServer } from "./server.ts";

/** T: a Monday morning in Annaka when the consultation is made and announced. */
const CREATED_AT = "2027-02-01T10:00:00+09:00";
/** T + 2 days: within the period. */
const OPEN_AT = "2027-02-03T10:00:00+09:00";
/** T + 31 days: the day after the last day. */
const CLOSED_AT = "2027-03-04T10:00:00+09:00";
/** The period: T + 1 day to T + 30 days, both counted — 30 days. */
const FIRST_DAY = "2027-02-02";
const LAST_DAY = "2027-03-03";
/** A 10-day period (2027-02-02 … 02-11), refused without its reason. */
const SHORT_LAST_DAY = "2027-02-11";

const TITLE = "安中市市民協働推進計画（案）ライフサイクル試験";
const SECTION_2 = "第2章 協働の進め方";
const DRAFT = [
  "市民と市がともにまちをつくるための計画の案です。",
  "## 第1章 計画の趣旨",
  "市民活動団体と市の協働の基本を定めます。",
  `## ${SECTION_2}`,
  "協働事業の提案制度を設け、毎年度募集します。",
  "## 第3章 推進体制",
  "市民協働推進会議を置きます。",
].join("\n\n");

/** The people who comment; none of this may reach a public page. */
const VISITOR = { name: "碓氷 春香", address: "安中市松井田町横川九九九番地", email: "haruka.usui.lifecycle@example.jp" };
const POSTAL = { name: "妙義 太郎", address: "安中市磯部三丁目八八番地", email: "taro.myogi.lifecycle@example.jp" };
/** A visitor whose form, loaded while open, is sent after the close (refused, so stored nowhere). */
const LATE = { name: "秋間 梅子", address: "安中市秋間みずほ台七七番地", email: "ume.akima.lifecycle@example.jp" };

const VISITOR_COMMENT = "第2章の提案制度は、年度の途中でも提案できるようにしてください。";
const POSTAL_COMMENT = "提案制度の募集を年2回にしてほしい。説明会も開いてほしい。";
const OPINION = "協働事業の提案を年度の途中でも受け付けてほしい、募集の回数を増やしてほしいという意見。";
const RESPONSE = "提案は通年で受け付けることとし、第2章にその旨を明記します。説明会は毎年度開催します。";
const CHANGE = "第2章に「協働事業の提案は通年で受け付ける」を加えました。";
const CHANGE_REASON = "年度の途中でも提案したいとのご意見を踏まえたため。";

let server: RestartableClockServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startRestartableClockServer(CREATED_AT, "consultation-lifecycle");
});

test.afterAll(async () => {
  await server?.stop();
});

/** A browser context on this spec's server, as the project's pages are (Japanese, Tokyo time). */
function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.baseURL, locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1280, height: 900 } });
}

/** Staff of the day: a fresh context, logged in through the form at the server's instant. */
async function staffPage(browser: Browser, to: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await logInAsDemo(page, "staff", to, server.clock);
  return page;
}

test("public comment: created, announced, opened and closed by the clock, summarised and published without personal data", async ({ browser }) => {
  test.setTimeout(150_000);

  // ── T: staff make the consultation; 10 days without a reason is refused at the reason's field.
  let staff = await staffPage(browser, "/admin/consultations/new");
  await staff.getByLabel("件名").fill(TITLE);
  await staff.getByLabel("担当課・係").fill("市民部 市民協働課");
  await staff.getByLabel("担当の連絡先（住所・電話・FAX・メール）").fill("〒379-0192 安中市安中一丁目23番13号 市民協働課");
  await staff.getByLabel("案（Markdown）").fill(DRAFT);
  await staff.getByLabel("募集期間の初日（公示日）").fill(FIRST_DAY);
  await staff.getByLabel("募集期間の最終日").fill(SHORT_LAST_DAY);
  await staff.getByRole("button", { name: "作成する" }).click();
  await expect(staff.locator("#shortPeriodReason-error")).toContainText("募集期間が30日未満です");
  await expect(staff.locator("#shortPeriodReason")).toHaveAttribute("aria-invalid", "true");
  await expect(staff).toHaveURL(/\/admin\/consultations\/new$/);

  await staff.getByLabel("募集期間の最終日").fill(LAST_DAY);
  await staff.getByRole("button", { name: "作成する" }).click();
  await expect(staff).toHaveURL(/\/admin\/consultations\/\d+\?done=created$/);
  const id = Number(/\/admin\/consultations\/(\d+)/.exec(staff.url())![1]);
  await expect(staff.locator("main")).toContainText("案件を作成しました。");
  await expect(staff.locator("main .facts")).toContainText("（30日間）");
  await expect(staff.locator("main .facts")).toContainText("下書き");

  await staff.getByRole("button", { name: "公示する" }).click();
  await expect(staff).toHaveURL(new RegExp(`/admin/consultations/${id}\\?done=scheduled$`));
  await expect(staff.locator("main .facts")).toContainText("募集予定");
  await staff.context().close();

  // A visitor before the first day: the draft is out, the form is not.
  const visitorContext = await newContext(browser);
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/consultations/${id}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(visitor.locator("main h1 + p > .badge")).toHaveText("募集予定");
  await expect(visitor.locator("main")).toContainText("意見の受付は2027年2月2日から始まります。");
  await expect(visitor.getByRole("button", { name: "意見を提出する" })).toHaveCount(0);

  // ── T + 2 days: open by the clock alone.
  await server.restartAt(OPEN_AT);
  await visitor.goto(`/consultations/${id}`);
  await expect(visitor.locator("main h1 + p > .badge")).toHaveText("意見募集中");
  await expect(visitor.locator("main")).toContainText("締切まで残り29日");
  const section2 = visitor.locator(`section#section-2`);
  await expect(section2.getByRole("heading", { level: 3 })).toHaveText(`2. ${SECTION_2}`);
  await section2.getByRole("link", { name: "この箇所について意見を書く" }).click();
  await expect(visitor.getByLabel("意見の対象となる箇所")).toHaveValue("2");
  await visitor.getByLabel("お名前").fill(VISITOR.name);
  await visitor.getByLabel("ご住所").fill(VISITOR.address);
  await visitor.getByLabel("提出者の区分").selectOption({ label: "市内に住所を有する方" });
  await visitor.getByLabel("メールアドレス（任意。受付番号をお送りします）").fill(VISITOR.email);
  await visitor.getByLabel("ご意見").fill(VISITOR_COMMENT);
  await visitor.getByRole("button", { name: "意見を提出する" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("ご意見を受け付けました");
  await expect(visitor.locator("main [role=status]")).toContainText(`受付番号は PC${id}-0001 です。`);

  // A second visitor loads the form now and sends it only after the close (below).
  const lateContext = await newContext(browser);
  const late = await lateContext.newPage();
  await late.goto(`/consultations/${id}?section=2#comment-form`);
  await expect(late.getByRole("button", { name: "意見を提出する" })).toBeVisible();

  // Staff type in the letter that came on the first day.
  staff = await staffPage(browser, `/admin/consultations/${id}`);
  await expect(staff.locator("main .facts")).toContainText("意見募集中");
  await staff.getByRole("link", { name: "郵送・FAX等の意見を入力する" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("郵送・FAX等の意見を入力");
  await staff.getByLabel("受付方法").selectOption({ label: "郵送" });
  await staff.getByLabel("受付日").fill(FIRST_DAY);
  await staff.getByLabel("氏名").fill(POSTAL.name);
  await staff.getByLabel("住所").fill(POSTAL.address);
  await staff.getByLabel("提出者の区分").selectOption({ label: "市内に住所を有する方" });
  await staff.getByLabel("メールアドレス").fill(POSTAL.email);
  await staff.getByLabel("意見の対象となる箇所").selectOption({ label: `2. ${SECTION_2}` });
  await staff.getByRole("textbox", { name: /^意見/ }).fill(POSTAL_COMMENT);
  await staff.getByRole("button", { name: "入力する" }).click();
  await expect(staff).toHaveURL(new RegExp(`/admin/consultations/${id}/comments\\?entered=PC${id}-0002$`));
  await expect(staff.locator("main")).toContainText(`意見を入力しました（受付番号 PC${id}-0002）。`);
  // The letter under the date it came, the visitor's comment under the server's day.
  const letter = staff.getByRole("row", { name: new RegExp(`PC${id}-0002`) });
  await expect(letter).toContainText("2027年2月2日");
  await expect(letter).toContainText("郵送");
  await expect(letter.locator('td[data-label="箇所"]')).toHaveText("2");
  const online = staff.getByRole("row", { name: new RegExp(`PC${id}-0001`) });
  await expect(online).toContainText("2027年2月3日");
  await expect(online).toContainText("ポータル（インターネット）");
  await expect(online.locator('td[data-label="箇所"]')).toHaveText("2");
  await staff.context().close();

  // ── T + 31 days: closed by the clock alone.
  await server.restartAt(CLOSED_AT);
  await late.getByLabel("お名前").fill(LATE.name);
  await late.getByLabel("ご住所").fill(LATE.address);
  await late.getByLabel("提出者の区分").selectOption({ label: "市内に住所を有する方" });
  await late.getByLabel("メールアドレス（任意。受付番号をお送りします）").fill(LATE.email);
  await late.getByLabel("ご意見").fill("締切の後に送る意見です。");
  await late.getByRole("button", { name: "意見を提出する" }).click();
  await expect(late.getByRole("alert")).toContainText("意見の受付期間外のため、提出できませんでした。");
  await expect(late.getByRole("heading", { name: "ご意見を受け付けました" })).toHaveCount(0);
  await lateContext.close();

  await visitor.goto(`/consultations/${id}`);
  await expect(visitor.locator("main h1 + p > .badge")).toHaveText("募集終了（結果公表前）");
  await expect(visitor.locator("main")).toContainText("意見の募集は終了しました。");
  await expect(visitor.getByRole("button", { name: "意見を提出する" })).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "この箇所について意見を書く" })).toHaveCount(0);

  // Staff summarise both comments under one opinion on section 2, answer it, record a change, publish.
  staff = await staffPage(browser, `/admin/consultations/${id}`);
  await expect(staff.locator("main .facts")).toContainText("募集終了（結果公表前）");
  await expect(staff.locator("main .facts")).toContainText("意見：2人・2件");
  await staff.getByRole("link", { name: "意見の概要・市の考え方・結果の公表" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("意見の概要と市の考え方");
  await expect(staff.locator("main")).toContainText("意見の概要にまとめていない意見：2 件");
  const opinionForm = staff.locator("form").filter({ has: staff.getByRole("button", { name: "意見の概要を保存" }) });
  await opinionForm.getByLabel("箇所").selectOption({ label: `2. ${SECTION_2}` });
  await opinionForm.getByLabel("意見の概要").fill(OPINION);
  await opinionForm.getByLabel("市の考え方").fill(RESPONSE);
  await opinionForm.getByLabel("まとめる意見の受付番号（空白・読点区切り）").fill(`PC${id}-0001、PC${id}-0002`);
  await opinionForm.getByRole("button", { name: "意見の概要を保存" }).click();
  await expect(staff).toHaveURL(/\?done=opinion$/);
  await expect(staff.locator("main")).toContainText("意見の概要にまとめていない意見：0 件");
  await expect(staff.locator("article.opinion")).toContainText(`まとめた意見：PC${id}-0001, PC${id}-0002`);

  const changeForm = staff.locator("form").filter({ has: staff.getByRole("button", { name: "修正を保存" }) });
  await changeForm.getByLabel("箇所").selectOption({ label: `2. ${SECTION_2}` });
  await changeForm.getByLabel("修正内容").fill(CHANGE);
  await changeForm.getByLabel("修正の理由").fill(CHANGE_REASON);
  await changeForm.getByRole("button", { name: "修正を保存" }).click();
  await expect(staff).toHaveURL(/\?done=change$/);
  await expect(staff.getByRole("region", { name: "案からの修正" })).toContainText(CHANGE);

  await staff.getByLabel("最終的な案の本文（Markdown）").fill(`${DRAFT}\n\n協働事業の提案は通年で受け付けます。`);
  await staff.getByRole("button", { name: "結果を公表する" }).click();
  await expect(staff).toHaveURL(/\?done=publish$/);
  await expect(staff.locator("main")).toContainText("結果を公表しました。");
  await staff.context().close();

  // ── The public results (Art. 43): the response under section 2's heading, people by channel, nobody's name.
  await visitor.goto(`/consultations/${id}/results`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(`「${TITLE}」の意見募集の結果`);
  const results = visitor.getByRole("region", { name: `2. ${SECTION_2}` });
  await expect(results.getByRole("heading", { level: 3 })).toHaveText(`2. ${SECTION_2}`);
  await expect(results).toContainText(OPINION);
  await expect(results.locator("h4", { hasText: "市の考え方" }).locator("+ p")).toHaveText(RESPONSE);
  await expect(results).toContainText(CHANGE);
  await expect(results).toContainText(CHANGE_REASON);
  const byChannel = visitor.getByRole("table", { name: "提出方法ごとの人数" });
  await expect(byChannel.getByRole("row", { name: "ポータル（インターネット）" }).getByRole("cell")).toHaveText("1人");
  await expect(byChannel.getByRole("row", { name: "郵送" }).getByRole("cell")).toHaveText("1人");
  for (const other of ["FAX", "持参", "電子メール"]) await expect(byChannel.getByRole("row", { name: other }).getByRole("cell")).toHaveText("0人");
  await expect(visitor.locator(".facts")).toContainText("2人");

  const html = await visitor.content();
  for (const person of [VISITOR, POSTAL, LATE]) {
    for (const value of Object.values(person)) expect(html, `the results page shows "${value}"`).not.toContain(value);
  }
  // The local part alone neither (an address split by markup would still be there).
  for (const person of [VISITOR, POSTAL, LATE]) expect(html).not.toContain(person.email.split("@")[0]);
  await expectAccessible(visitor);
  await visitorContext.close();
});
