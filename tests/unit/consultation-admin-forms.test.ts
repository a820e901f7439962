/**
 * The staff's consultation form (app/consultations/admin-forms.ts): the period rule of Art. 39
 * (at least 30 days, both ends counted) and Art. 40 (shorter only with a stated reason), each
 * refusal at its field; and the moderation and results forms' refusals.
 */
import { describe, expect, it } from "vitest";
import { consultationSchema, markSchema, opinionSchema, publishSchema, withholdSchema } from "../../app/consultations/admin-forms.ts";
import { parseForm } from "../../app/platform/forms/validation.ts";

const today = "2027-01-10";

function form(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

const base = { title: "安中市市民総働推進計画（案）", section: "市民部 市民協働課", contact: "安中市安中一丁目1番1号", eligible: ["resident", "commuter"], identityRequired: "on", shortPeriodReason: "" };

describe("the consultation form's period (Art. 39, 40)", () => {
  it("Art. 39: a period of 30 days, first and last day counted, is accepted", () => {
    const parsed = parseForm(consultationSchema(today), form({ ...base, firstDay: "2027-01-15", lastDay: "2027-02-13" }));
    expect(parsed.ok).toBe(true);
  });

  it("Art. 39: a period of 29 days without a reason is refused at the reason's field", () => {
    const parsed = parseForm(consultationSchema(today), form({ ...base, firstDay: "2027-01-15", lastDay: "2027-02-12" }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.shortPeriodReason).toBe("consultationAdmin.errors.shortWithoutReason");
      expect(parsed.values.lastDay).toBe("2027-02-12");
    }
  });

  it("Art. 40: a period of 29 days with its reason is accepted and the reason kept", () => {
    const parsed = parseForm(consultationSchema(today), form({ ...base, firstDay: "2027-01-15", lastDay: "2027-02-12", shortPeriodReason: "国の制度改正の施行日に間に合わせるため" }));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.shortPeriodReason).toBe("国の制度改正の施行日に間に合わせるため");
  });

  it("Art. 40: a reason of spaces only is no reason", () => {
    const parsed = parseForm(consultationSchema(today), form({ ...base, firstDay: "2027-01-15", lastDay: "2027-01-24", shortPeriodReason: "　 " }));
    expect(parsed.ok).toBe(false);
  });

  it("refuses a first day in the past, a last day before the first and dates that are not dates, each at its field", () => {
    const past = parseForm(consultationSchema(today), form({ ...base, firstDay: "2027-01-09", lastDay: "2027-03-01" }));
    expect(!past.ok && past.errors.firstDay).toBe("consultationAdmin.errors.firstDayPast");
    const before = parseForm(consultationSchema(today), form({ ...base, firstDay: "2027-02-15", lastDay: "2027-01-20" }));
    expect(!before.ok && before.errors.lastDay).toBe("consultationAdmin.errors.lastBeforeFirst");
    const bad = parseForm(consultationSchema(today), form({ ...base, firstDay: "2027-02-30", lastDay: "x" }));
    expect(!bad.ok && bad.errors.firstDay).toBe("consultationAdmin.errors.firstDayInvalid");
  });

  it("reads full-width digits of a date typed with a Japanese IME", () => {
    const parsed = parseForm(consultationSchema(today), form({ ...base, firstDay: "２０２７-０１-１５", lastDay: "2027-02-13" }));
    expect(parsed.ok && parsed.data.firstDay).toBe("2027-01-15");
  });

  it("needs a title, a section, a contact and at least one kind of commenter; unknown kinds are refused", () => {
    const parsed = parseForm(consultationSchema(today), form({ firstDay: "2027-01-15", lastDay: "2027-02-13", eligible: "hacker" }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(["contact", "eligible", "section", "title"]);
  });
});

describe("the moderation and results forms", () => {
  it("a duplicate mark needs a receipt number; full-width is read", () => {
    expect(parseForm(markSchema, form({ kind: "duplicate", receipt: "ｐｃ３-００４２" })).ok).toBe(true);
    expect(parseForm(markSchema, form({ kind: "duplicate", receipt: "42" })).ok).toBe(false);
    expect(parseForm(markSchema, form({ kind: "other", receipt: "PC3-0042" })).ok).toBe(false);
  });

  it("Art. 43: a withholding needs the passage and its reason", () => {
    const parsed = parseForm(withholdSchema, form({ passage: "山田太郎", reason: "" }));
    expect(!parsed.ok && parsed.errors.reason).toBe("errors.required");
  });

  it("an opinion's receipts are a list; a wrong one is refused", () => {
    const ok = parseForm(opinionSchema, form({ summary: "概要", receipts: "PC1-0001, PC1-0002、PC1-0003" }));
    expect(ok.ok && ok.data.receipts).toEqual(["PC1-0001", "PC1-0002", "PC1-0003"]);
    expect(parseForm(opinionSchema, form({ summary: "概要", receipts: "PC1-0001 nonsense" })).ok).toBe(false);
  });

  it("publishing needs the final text or a link, and the link is http(s)", () => {
    expect(!parseForm(publishSchema, form({})).ok).toBe(true);
    const js = parseForm(publishSchema, form({ finalTextUrl: "javascript:alert(1)" }));
    expect(!js.ok && js.errors.finalTextUrl).toBe("consultationAdmin.errors.finalTextUrl");
    expect(parseForm(publishSchema, form({ finalTextUrl: "https://www.city.annaka.lg.jp/plan.html" })).ok).toBe(true);
  });
});
