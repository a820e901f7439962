/**
 * The rules of public comment (app/consultations/rules.ts, forms.ts, draft.server.ts): the period
 * of Art. 39/40, where a consultation stands by the clock, the counts Art. 43 publishes, the
 * withheld passages, and the draft's sanitising and numbered sections.
 */
import { describe, expect, it } from "vitest";
import { draftSections, markdownToHtml, renderDraft } from "../../app/consultations/draft.server.ts";
import { commentSchema, staffCommentSchema } from "../../app/consultations/forms.ts";
import {
  acceptsComments,
  countComments,
  daysLeft,
  daysSinceClosing,
  periodDays,
  periodDaysOf,
  periodInstants,
  periodProblem,
  publishedText,
  receiptNumber,
  statusAt,
  WITHHELD_MARK,
} from "../../app/consultations/rules.ts";
import { parseForm } from "../../app/platform/forms/validation.ts";

const jst = (s: string) => new Date(`${s}+09:00`);

describe("the period (Art. 39, 40)", () => {
  it("Art. 39: counts the day of publication and the last day, so 12-01 to 12-30 is 30 days", () => {
    expect(periodDays("2027-12-01", "2027-12-30")).toBe(30);
    expect(periodDays("2027-02-01", "2027-03-02")).toBe(30);
    expect(periodDays("2027-01-01", "2027-01-01")).toBe(1);
  });

  it("Art. 39: accepts a period of 30 days without a reason and refuses 29", () => {
    expect(periodProblem({ firstDay: "2027-12-01", lastDay: "2027-12-30", shortPeriodReason: "" }, "2027-11-20")).toBeNull();
    expect(periodProblem({ firstDay: "2027-12-01", lastDay: "2027-12-29", shortPeriodReason: "" }, "2027-11-20")).toBe("shortWithoutReason");
  });

  it("Art. 40: accepts a shorter period only with its reason (blank is no reason)", () => {
    expect(periodProblem({ firstDay: "2027-12-01", lastDay: "2027-12-10", shortPeriodReason: "   " }, "2027-11-20")).toBe("shortWithoutReason");
    expect(periodProblem({ firstDay: "2027-12-01", lastDay: "2027-12-10", shortPeriodReason: "法令の改正に伴う緊急の改正のため" }, "2027-11-20")).toBeNull();
  });

  it("refuses impossible dates, a last day before the first, and a start in the past", () => {
    const ok = { firstDay: "2027-12-01", lastDay: "2027-12-30", shortPeriodReason: "" };
    expect(periodProblem({ ...ok, firstDay: "2027-02-30" }, "2027-01-01")).toBe("firstDayInvalid");
    expect(periodProblem({ ...ok, lastDay: "12/30" }, "2027-01-01")).toBe("lastDayInvalid");
    expect(periodProblem({ ...ok, lastDay: "2027-11-30" }, "2027-11-01")).toBe("lastBeforeFirst");
    expect(periodProblem(ok, "2027-12-02")).toBe("firstDayPast");
    expect(periodProblem(ok, "2027-12-01")).toBeNull();
  });

  it("opens at 00:00 of the first day and closes at 24:00 of the last, Tokyo time", () => {
    const { opensAt, closesAt } = periodInstants("2027-12-01", "2027-12-30");
    expect(opensAt.toISOString()).toBe("2027-11-30T15:00:00.000Z");
    expect(closesAt.toISOString()).toBe("2027-12-30T15:00:00.000Z");
    expect(periodDaysOf({ opensAt, closesAt })).toEqual({ firstDay: "2027-12-01", lastDay: "2027-12-30" });
  });
});

describe("where a consultation stands, by the clock", () => {
  const period = { state: "scheduled", ...periodInstants("2027-12-01", "2027-12-30") };

  it("is scheduled until the first day, open through the last day, closed from the next", () => {
    expect(statusAt(period, jst("2027-11-30T23:59:59"))).toBe("scheduled");
    expect(statusAt(period, jst("2027-12-01T00:00:00"))).toBe("open");
    expect(statusAt(period, jst("2027-12-30T23:59:59"))).toBe("open");
    expect(statusAt(period, jst("2027-12-31T00:00:00"))).toBe("closed");
    expect(acceptsComments(period, jst("2027-12-30T23:59:59.999"))).toBe(true);
    expect(acceptsComments(period, jst("2027-12-31T00:00:01"))).toBe(false);
  });

  it("keeps draft, withdrawn and published whatever the clock says, and takes comments only when open", () => {
    for (const state of ["draft", "withdrawn", "published"] as const) {
      expect(statusAt({ ...period, state }, jst("2027-12-15T12:00:00"))).toBe(state);
      expect(acceptsComments({ ...period, state }, jst("2027-12-15T12:00:00"))).toBe(false);
    }
    expect(statusAt({ state: "scheduled", opensAt: null, closesAt: null }, jst("2027-12-15T12:00:00"))).toBe("draft");
  });

  it("counts the days left with today, and the days since closing", () => {
    expect(daysLeft(period, jst("2027-12-30T08:00:00"))).toBe(1);
    expect(daysLeft(period, jst("2027-12-01T00:00:00"))).toBe(30);
    expect(daysLeft(period, jst("2028-01-05T00:00:00"))).toBe(0);
    expect(daysSinceClosing(period, jst("2027-12-31T00:00:00"))).toBe(1);
    expect(daysSinceClosing(period, jst("2028-01-09T23:00:00"))).toBe(10);
  });

  it("numbers receipts by consultation", () => {
    expect(receiptNumber(3, 42)).toBe("PC3-0042");
    expect(receiptNumber(12, 12345)).toBe("PC12-12345");
  });
});

describe("the figures the results publish (Art. 43)", () => {
  const c = (channel: string, duplicateOfId: number | null = null, identicalToId: number | null = null) => ({ channel, duplicateOfId, identicalToId });

  it("counts a duplicate neither as a person nor as a comment, and an identical set as people but one comment", () => {
    const counts = countComments([c("online"), c("online", 1), c("post"), c("post", null, 3), c("post", null, 3), c("fax"), c("counter"), c("email")]);
    expect(counts.people).toBe(7);
    expect(counts.comments).toBe(5);
    expect(counts.byChannel).toEqual({ online: 1, post: 3, fax: 1, counter: 1, email: 1 });
  });

  it("counts nothing when no comment came", () => {
    expect(countComments([])).toEqual({ people: 0, comments: 0, byChannel: { online: 0, post: 0, fax: 0, counter: 0, email: 0 } });
  });

  it("Art. 43: replaces every occurrence of each withheld passage, and nothing else", () => {
    const body = "隣の山田さんが騒ぐので困る。山田さんに注意してほしい。公園の整備を望む。";
    expect(publishedText(body, [{ passage: "山田さん" }])).toBe(`隣の${WITHHELD_MARK}が騒ぐので困る。${WITHHELD_MARK}に注意してほしい。公園の整備を望む。`);
    expect(publishedText(body, [])).toBe(body);
    expect(publishedText(body, [{ passage: "" }])).toBe(body);
  });
});

describe("the draft", () => {
  it("divides the draft at its main headings, not at a single title above them", () => {
    const md = "# 安中市市民総働推進計画（案）\n\n前文。\n\n## 第1章 計画の趣旨\n\n本文。\n\n### 1 背景\n\n詳細。\n\n## 第2章 基本方針\n\n方針。";
    expect(draftSections(md)).toEqual([
      { number: 1, heading: "第1章 計画の趣旨" },
      { number: 2, heading: "第2章 基本方針" },
    ]);
    const rendered = renderDraft(md);
    expect(rendered.preamble).toContain("前文。");
    expect(rendered.sections[0].html).toContain("<h3>1 背景</h3>");
    expect(rendered.sections[1].html).toContain("方針。");
  });

  it("divides a draft without headings at its 第N条 paragraphs", () => {
    const md = "この規則は住民センターの利用について定める。\n\n第1条 この規則は、…\n\n第２条 利用の時間は…\n\n附則";
    expect(draftSections(md).map((s) => s.number)).toEqual([1, 2]);
    expect(draftSections(md)[1].heading).toBe("第２条 利用の時間は…");
    expect(renderDraft(md).sections[1].html).toContain("附則");
  });

  it("has no sections when the draft has neither headings nor articles", () => {
    expect(draftSections("本文だけの案です。")).toEqual([]);
  });

  it("drops raw HTML, scripts, event handlers, javascript: links and images from elsewhere", () => {
    const html = markdownToHtml(
      '本文 <script>alert(1)</script><img src=x onerror="alert(2)"> [押す](javascript:alert(3)) ![地図](https://evil.example/track.png) <a href="https://www.city.annaka.lg.jp/" onclick="x()">市</a> <iframe src="https://evil.example"></iframe><style>body{}</style>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img|evil\.example|<iframe|<style|alert\(1\)/);
    expect(html).toContain('<a href="https://www.city.annaka.lg.jp/" rel="noopener noreferrer">市</a>');
    expect(html).toContain("地図");
  });

  it("keeps the final text's headings, below the page's own (h3 and down, in their order)", () => {
    const html = markdownToHtml("# 安中市市民総働推進計画\n\n前文\n\n## 第1章 趣旨\n\n本文\n\n### 1 背景\n\n本文");
    expect(html).toContain("<h3>安中市市民総働推進計画</h3>");
    expect(html).toContain("<h4>第1章 趣旨</h4>");
    expect(html).toContain("<h5>1 背景</h5>");
    expect(markdownToHtml("## 第1章\n\n本文")).toContain("<h3>第1章</h3>");
  });

  it("sanitises a heading's markup out of its stored name", () => {
    expect(draftSections("## 第1章 <b onclick=x>目的</b>\n\n本文\n\n## 第2章 **方針**\n\n本文")[1].heading).toBe("第2章 方針");
  });
});

describe("the comment forms", () => {
  const rules = { identityRequired: true, eligible: ["resident", "commuter"] as const, sectionCount: 3 };
  const form = (values: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) fd.set(k, v);
    return fd;
  };
  const good = { name: "安中 花子", address: "安中市安中1-1", category: "resident", email: "", section: "2", body: "第2章に賛成です。" };

  it("takes a comment on a section, or on the draft as a whole", () => {
    const parsed = parseForm(commentSchema(rules), form(good));
    expect(parsed.ok && parsed.data.section).toBe(2);
    const whole = parseForm(commentSchema(rules), form({ ...good, section: "" }));
    expect(whole.ok && whole.data.section).toBeNull();
  });

  it("refuses an empty comment, one of 10,001 characters, a section the draft lacks and a category the consultation does not take", () => {
    for (const [field, value] of [
      ["body", ""],
      ["body", "あ".repeat(10_001)],
      ["section", "4"],
      ["section", "0"],
      ["section", "1; DROP TABLE"],
      ["category", "business"],
      ["category", "admin"],
    ] as const) {
      const parsed = parseForm(commentSchema(rules), form({ ...good, [field]: value }));
      expect(parsed.ok, `${field}=${value.slice(0, 20)}`).toBe(false);
      if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual([field]);
    }
    expect(parseForm(commentSchema(rules), form({ ...good, body: "あ".repeat(10_000) })).ok).toBe(true);
  });

  it("requires name and address only where the consultation says so", () => {
    const missing = parseForm(commentSchema(rules), form({ ...good, name: "", address: "" }));
    expect(!missing.ok && Object.keys(missing.errors).sort()).toEqual(["address", "name"]);
    expect(parseForm(commentSchema({ ...rules, identityRequired: false }), form({ ...good, name: "", address: "" })).ok).toBe(true);
  });

  it("takes a paper comment's date of receipt only within the period and not after today", () => {
    const schema = staffCommentSchema(rules, { firstDay: "2027-12-01", lastDay: "2027-12-30", today: "2027-12-20" });
    const paper = { ...good, channel: "post", receivedOn: "2027-12-05" };
    expect(parseForm(schema, form(paper)).ok).toBe(true);
    for (const receivedOn of ["2027-11-30", "2027-12-21", "2027-12-31", "2027/12/05", ""]) {
      const parsed = parseForm(schema, form({ ...paper, receivedOn }));
      expect(!parsed.ok && Object.keys(parsed.errors)).toEqual(["receivedOn"]);
    }
    const online = parseForm(schema, form({ ...paper, channel: "online" }));
    expect(!online.ok && Object.keys(online.errors)).toEqual(["channel"]);
  });
});
