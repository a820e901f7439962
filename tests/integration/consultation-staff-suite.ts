/**
 * Running a consultation against a real database (app/consultations/admin.server.ts,
 * moderation.server.ts, results.server.ts, export.server.ts): each staff step with its audit
 * entry, and the refusals — the draft of an open consultation, announcing a short period without
 * a reason (Art. 39/40), publishing before closing or with ungrouped comments (Art. 43), a
 * passage that is not in the comment (Art. 43), a resident. Shared by
 * consultation-staff.test.ts (SQLite) and consultation-staff.postgresql.test.ts.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsultationInput } from "../../app/consultations/admin-forms.ts";
import { createConsultation, scheduleConsultation, unscheduleConsultation, updateConsultation, withdrawConsultation } from "../../app/consultations/admin.server.ts";
import { enterComment } from "../../app/consultations/comments.server.ts";
import { exportComments } from "../../app/consultations/export.server.ts";
import { commentList, liftWithholding, markComment, withholdPassage } from "../../app/consultations/moderation.server.ts";
import { assignComment, publishResults, resultsWorkspace, saveChange, saveOpinion } from "../../app/consultations/results.server.ts";
import { countComments, publishedText, WITHHELD_MARK } from "../../app/consultations/rules.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { parseCsv } from "../../app/platform/csv.ts";
import { cookieFor, db, jst, makePerson, type Person } from "./group-review-support.ts";
import { postForm, request, startServer, type ServerProcess } from "./helpers/server-process.ts";
import { addConsultationFile } from "../../app/consultations/files.server.ts";
import { makePdf } from "../support/pdf.ts";
import { contentDisposition } from "../../app/platform/uploads/index.server.ts";

const DRAFT = "# 安中市市民総働推進計画（案）\n\n## 第1章 趣旨\n\n本文\n\n## 第2章 方針\n\n本文\n\n## 第3章 推進体制\n\n本文";

const input = (overrides: Partial<ConsultationInput> = {}): ConsultationInput => ({
  title: "安中市市民総働推進計画（案）",
  summary: "",
  section: "市民部 市民協働課",
  contact: "安中市安中一丁目1番1号",
  draft: DRAFT,
  eligible: ["resident", "commuter", "business", "interested"],
  identityRequired: true,
  firstDay: "2027-12-01",
  lastDay: "2027-12-30",
  shortPeriodReason: "",
  ...overrides,
});

async function audits(action: string, targetId: number | string) {
  return db.auditEntry.findMany({ where: { action, targetId: String(targetId) } });
}

async function paper(staff: Person, id: number, body: string, receivedOn = "2027-12-05") {
  const r = await enterComment(staff, id, {
    name: "安中 花子",
    address: "安中市安中一丁目1番1号",
    category: "resident",
    email: "hanako@example.jp",
    section: 2,
    body,
    submissionKey: randomUUID(),
    channel: "post",
    receivedOn,
  });
  if (!r.ok) throw new Error(r.reason);
  return db.consultationComment.findUniqueOrThrow({ where: { receiptNumber: r.receipt.receiptNumber } });
}

async function openConsultation(staff: Person) {
  setClock(jst("2027-11-20T10:00:00"));
  const created = await createConsultation(staff, input());
  if (!created.ok) throw new Error("not created");
  expect(await scheduleConsultation(staff, created.id)).toEqual({ ok: true });
  setClock(jst("2027-12-10T10:00:00"));
  return created.id;
}

export function defineConsultationStaffSuite() {
  let staff: Person;
  let resident: Person;
  beforeAll(async () => {
    staff = await makePerson("staff");
    resident = await makePerson("resident");
  });
  afterAll(() => setClock(null));

  it("creates a consultation with its numbered sections and an audit entry; a resident is refused", async () => {
    setClock(jst("2027-11-20T10:00:00"));
    const created = await createConsultation(staff, input());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const sections = await db.consultationSection.findMany({ where: { consultationId: created.id }, orderBy: { number: "asc" } });
    expect(sections.map((s) => s.heading)).toEqual(["第1章 趣旨", "第2章 方針", "第3章 推進体制"]);
    const [entry] = await audits("consultation.created", created.id);
    expect(entry.actorId).toBe(staff.id);
    expect(await createConsultation(resident, input())).toEqual({ ok: false, reason: "forbidden" });
  });

  it("Art. 39/40: announcing re-checks the period — a stored 10-day period without a reason is refused, with the reason it is announced and the reason kept", async () => {
    setClock(jst("2027-11-20T10:00:00"));
    const created = await createConsultation(staff, input());
    if (!created.ok) throw new Error();
    // A short period stored directly (the form refuses it): announcing must refuse it on its own.
    await db.consultation.update({ where: { id: created.id }, data: { closesAt: jst("2027-12-11T00:00:00") } });
    const refused = await scheduleConsultation(staff, created.id);
    expect(refused).toMatchObject({ ok: false, reason: "refused", message: "consultationAdmin.errors.shortWithoutReason", field: "shortPeriodReason" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: created.id } })).state).toBe("draft");
    expect(await updateConsultation(staff, created.id, input({ lastDay: "2027-12-10", shortPeriodReason: "法改正の施行に間に合わせるため" }))).toEqual({ ok: true });
    expect(await scheduleConsultation(staff, created.id)).toEqual({ ok: true });
    const c = await db.consultation.findUniqueOrThrow({ where: { id: created.id } });
    expect(c.state).toBe("scheduled");
    expect(c.shortPeriodReason).toBe("法改正の施行に間に合わせるため");
    expect(await audits("consultation.scheduled", created.id)).toHaveLength(1);
  });

  it("takes an announcement back before it opens, not after; the draft of an open consultation cannot be edited", async () => {
    setClock(jst("2027-11-20T10:00:00"));
    const created = await createConsultation(staff, input());
    if (!created.ok) throw new Error();
    await scheduleConsultation(staff, created.id);
    expect(await unscheduleConsultation(staff, created.id)).toEqual({ ok: true });
    expect(await audits("consultation.unscheduled", created.id)).toHaveLength(1);
    await scheduleConsultation(staff, created.id);
    setClock(jst("2027-12-01T00:00:00"));
    expect(await unscheduleConsultation(staff, created.id)).toMatchObject({ ok: false, message: "consultationAdmin.errors.notScheduled" });
    expect(await updateConsultation(staff, created.id, input({ draft: "## 変えた案" }))).toMatchObject({ ok: false, message: "consultationAdmin.errors.notEditable" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: created.id } })).draft).toBe(DRAFT);
  });

  it("withdraws with a published notice, audit-logged; not once results are published", async () => {
    const id = await openConsultation(staff);
    expect(await withdrawConsultation(staff, id, "計画の策定を取りやめました。")).toEqual({ ok: true });
    const c = await db.consultation.findUniqueOrThrow({ where: { id } });
    expect([c.state, c.withdrawalNotice]).toEqual(["withdrawn", "計画の策定を取りやめました。"]);
    expect(await audits("consultation.withdrawn", id)).toHaveLength(1);
    expect(await withdrawConsultation(staff, id, "again")).toMatchObject({ ok: false, message: "consultationAdmin.errors.notWithdrawable" });
  });

  it("counts a duplicate once: the person is not counted twice; an identical set counts each person and one comment", async () => {
    const id = await openConsultation(staff);
    const a = await paper(staff, id, "賛成です。");
    const b = await paper(staff, id, "賛成です。");
    const c = await paper(staff, id, "組織の意見");
    const d = await paper(staff, id, "組織の意見");
    expect(await markComment(staff, id, b.id, "duplicate", a.receiptNumber)).toEqual({ ok: true });
    expect(await markComment(staff, id, d.id, "identical", c.receiptNumber.toUpperCase())).toEqual({ ok: true });
    const rows = await db.consultationComment.findMany({ where: { consultationId: id } });
    expect(countComments(rows)).toMatchObject({ people: 3, comments: 2 });
    expect(await audits("consultation.comment_duplicate", b.id)).toHaveLength(1);
    expect(await audits("consultation.comment_identical", d.id)).toHaveLength(1);
    // A receipt of itself, a marked one, or another consultation's is refused.
    expect(await markComment(staff, id, a.id, "duplicate", a.receiptNumber)).toMatchObject({ ok: false, message: "consultationAdmin.errors.receiptSelf" });
    expect(await markComment(staff, id, c.id, "duplicate", b.receiptNumber)).toMatchObject({ ok: false, message: "consultationAdmin.errors.receiptMarked" });
    expect(await markComment(resident, id, c.id, "duplicate", a.receiptNumber)).toEqual({ ok: false, reason: "forbidden" });
    // The list filters them.
    const list = await commentList(staff, id, { section: null, channel: null, mark: "duplicate", q: "", page: 1 });
    expect(list?.comments.map((x) => x.receiptNumber)).toEqual([b.receiptNumber]);
    const found = await commentList(staff, id, { section: 2, channel: "post", mark: null, q: "組織", page: 1 });
    expect(found?.total).toBe(2);
  });

  it("Art. 43: withholds a passage that occurs in the comment, with a reason, and lifts it; a passage not in the text is refused", async () => {
    const id = await openConsultation(staff);
    const x = await paper(staff, id, "隣の山田一郎さんが反対しています。");
    expect(await withholdPassage(staff, id, x.id, "鈴木", "第三者の氏名")).toMatchObject({ ok: false, message: "consultationAdmin.errors.passageNotFound", field: "passage" });
    expect(await withholdPassage(staff, id, x.id, "山田一郎", "第三者の氏名")).toEqual({ ok: true });
    const held = await db.consultationWithholding.findMany({ where: { commentId: x.id } });
    expect(publishedText(x.body, held)).toBe(`隣の${WITHHELD_MARK}さんが反対しています。`);
    const [entry] = await audits("consultation.comment_withheld", x.id);
    expect(entry.reason).toBe("第三者の氏名");
    expect(entry.details).not.toContain("山田一郎");
    expect(await liftWithholding(staff, id, x.id, held[0].id)).toEqual({ ok: true });
    expect(await db.consultationWithholding.count({ where: { commentId: x.id } })).toBe(0);
    expect(await audits("consultation.comment_unwithheld", x.id)).toHaveLength(1);
  });

  it("lists comments 50 a page with the number matching, filtered by section, channel, mark and words (wildcards taken literally), excerpts of 80 characters", async () => {
    const id = await openConsultation(staff);
    const long = "長".repeat(79) + "😀" + "続き";
    const comments = [];
    for (let i = 0; i < 52; i++) comments.push(await paper(staff, id, i === 0 ? long : i === 1 ? "100%_賛成" : i === 2 ? "1000x賛成" : `意見${i}`));
    await db.consultationComment.update({ where: { id: comments[3].id }, data: { sectionNumber: null, channel: "fax" } });
    await markComment(staff, id, comments[5].id, "duplicate", comments[4].receiptNumber);
    await withholdPassage(staff, id, comments[6].id, "意見", "第三者の氏名");
    const all = { section: null, channel: null, mark: null, q: "", page: 1 } as const;
    const list = async (f: Partial<Parameters<typeof commentList>[2]>) => (await commentList(staff, id, { ...all, ...f }))!;

    const first = await list({});
    expect([first.total, first.pages, first.page, first.comments.length]).toEqual([52, 2, 1, 50]);
    expect(first.comments[0]).toMatchObject({ receiptNumber: comments[0].receiptNumber, channel: "post", sectionNumber: 2, withheld: false, duplicateOfId: null });
    expect(first.comments[0].receivedAt).toEqual(comments[0].receivedAt);
    // 80 characters (an emoji is one), then the mark that the text goes on.
    expect(first.comments[0].excerpt).toBe("長".repeat(79) + "😀…");
    expect(first.comments[1].excerpt).toBe("100%_賛成");
    const second = await list({ page: 2 });
    expect([second.total, second.page, second.comments.map((c) => c.receiptNumber)]).toEqual([52, 2, [comments[50].receiptNumber, comments[51].receiptNumber]]);
    // A page past the end (an old link) shows the last page.
    const past = await list({ page: 9 });
    expect([past.total, past.page, past.comments.length]).toEqual([52, 2, 2]);

    expect((await list({ section: "whole" })).comments.map((c) => c.id)).toEqual([comments[3].id]);
    expect((await list({ channel: "fax" })).total).toBe(1);
    expect((await list({ section: 2 })).total).toBe(51);
    const duplicates = await list({ mark: "duplicate" });
    expect(duplicates.comments.map((c) => [c.id, c.duplicateOfId])).toEqual([[comments[5].id, comments[4].id]]);
    const withheld = await list({ mark: "withheld" });
    expect(withheld.comments.map((c) => [c.id, c.withheld])).toEqual([[comments[6].id, true]]);
    expect((await list({ mark: "ungrouped" })).total).toBe(51);
    // Words: % and _ are not wildcards; a receipt number matches whatever its case.
    expect((await list({ q: "%_" })).comments.map((c) => c.id)).toEqual([comments[1].id]);
    expect((await list({ q: "0%" })).comments.map((c) => c.id)).toEqual([comments[1].id]);
    expect((await list({ q: "賛成" })).total).toBe(2);
    expect((await list({ q: comments[7].receiptNumber.toLowerCase() })).comments.map((c) => c.id)).toEqual([comments[7].id]);
    expect((await list({ q: "見つからない" })).total).toBe(0);
    expect((await list({ q: "見つからない", page: 3 })).page).toBe(1);
    expect((await list({ q: "意見", channel: "post", section: 2 })).total).toBe(48);
  });

  it("Art. 43: publishes only when closed, every counted comment under an opinion with a response; then nothing changes", async () => {
    const id = await openConsultation(staff);
    const a = await paper(staff, id, "意見A");
    const b = await paper(staff, id, "意見B");
    const dup = await paper(staff, id, "意見A");
    await markComment(staff, id, dup.id, "duplicate", a.receiptNumber);
    const final = { finalText: "## 最終案", finalTextUrl: "" };
    expect(await publishResults(staff, id, final)).toMatchObject({ ok: false, message: "consultationAdmin.errors.notClosed" });
    setClock(jst("2027-12-31T09:00:00"));
    expect(await publishResults(staff, id, final)).toMatchObject({ ok: false, message: "consultationAdmin.errors.ungrouped", count: 2 });
    const saved = await saveOpinion(staff, id, { opinionId: null, section: 2, summary: "方針への賛成", response: "", receipts: [a.receiptNumber] });
    expect(saved.ok).toBe(true);
    // A comment is under one opinion at most: assigning moves it.
    expect(await assignComment(staff, id, b.id, saved.id ?? null)).toEqual({ ok: true });
    expect(await publishResults(staff, id, final)).toMatchObject({ ok: false, message: "consultationAdmin.errors.noResponse", count: 1 });
    expect(await saveOpinion(staff, id, { opinionId: saved.id ?? null, section: 2, summary: "方針への賛成", response: "原案のとおりとします。", receipts: [a.receiptNumber, b.receiptNumber] })).toMatchObject({ ok: true });
    expect(await saveChange(staff, id, { changeSection: 3, change: "推進体制に市民委員を加える", reason: "意見を踏まえて" })).toEqual({ ok: true });
    expect(await publishResults(resident, id, final)).toEqual({ ok: false, reason: "forbidden" });
    expect(await publishResults(staff, id, final)).toEqual({ ok: true });
    const c = await db.consultation.findUniqueOrThrow({ where: { id } });
    expect([c.state, c.finalText, c.resultsPublishedAt?.toISOString()]).toEqual(["published", "## 最終案", jst("2027-12-31T09:00:00").toISOString()]);
    const [entry] = await audits("consultation.results_published", id);
    expect(JSON.parse(entry.details)).toMatchObject({ people: 2, comments: 2 });
    expect(await audits("consultation.opinion_saved", id)).toHaveLength(2);
    expect(await audits("consultation.change_saved", id)).toHaveLength(1);
    expect(await publishResults(staff, id, final)).toMatchObject({ ok: false, message: "consultationAdmin.errors.alreadyPublished" });
    expect(await withholdPassage(staff, id, a.id, "意見", "x")).toMatchObject({ ok: false, message: "consultationAdmin.errors.locked" });
    const workspace = await resultsWorkspace(staff, id);
    expect(workspace?.consultation.opinions.map((o) => o.comments.length)).toEqual([2]);
  });

  it("exports every comment with personal data as CSV (BOM, formulas escaped) and records the export", async () => {
    const id = await openConsultation(staff);
    await paper(staff, id, "=HYPERLINK(\"http://evil\")");
    await paper(staff, id, "普通の意見\n二行目");
    const file = await exportComments(staff, id);
    expect(file).not.toBeNull();
    if (!file) return;
    expect(file.csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(file.csv.slice(1));
    expect(rows[0][0]).toBe("受付番号");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain("安中 花子");
    expect(rows[1]).toContain("hanako@example.jp");
    expect(rows[1]).toContain("'=HYPERLINK(\"http://evil\")");
    expect(rows[2]).toContain("普通の意見\n二行目");
    const [entry] = await audits("consultation.comments_exported", id);
    expect(JSON.parse(entry.details)).toEqual({ rows: 2 });
    expect(entry.details).not.toContain("花子");
    expect(await exportComments(resident, id)).toBeNull();
  });

  describe("over HTTP, against the real server", () => {
    let server: ServerProcess;
    const cookies: Record<string, string> = {};
    beforeAll(async () => {
      cookies.staff = await cookieFor(staff);
      cookies.resident = await cookieFor(resident);
      server = await startServer({ databaseUrl: process.env.DATABASE_URL ?? "", env: { TEST_CLOCK: "2027-11-20T10:00:00+09:00" } });
    });
    afterAll(async () => {
      await server?.stop();
    });
    const form = (overrides: Record<string, string> = {}) => ({
      title: "<script>alert(1)</script>",
      section: "市民協働課",
      contact: "安中市",
      eligible: "resident",
      identityRequired: "on",
      firstDay: "2027-12-01",
      lastDay: "2027-12-10",
      shortPeriodReason: "",
      intent: "save",
      ...overrides,
    });

    it("Art. 40: a 10-day period without a reason is refused with 400 and the message by the field, what was typed kept and shown as text", async () => {
      const res = await postForm(server, "/admin/consultations/new", form(), { Cookie: cookies.staff });
      expect(res.status).toBe(400);
      expect(res.text).toContain("30日未満とする理由を入力してください");
      expect(res.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(res.text).not.toContain("<script>alert(1)</script>");
      const missing = await postForm(server, "/admin/consultations/new", { intent: "save" }, { Cookie: cookies.staff });
      expect(missing.status).toBe(400);
      const ok = await postForm(server, "/admin/consultations/new", form({ shortPeriodReason: "施行日に間に合わせるため" }), { Cookie: cookies.staff });
      expect(ok.status).toBe(302);
    });

    it("refuses a resident (403) and an oversized body (413), never a 500", async () => {
      expect((await request(server, "/admin/consultations", { headers: { Cookie: cookies.resident } })).status).toBe(403);
      expect((await postForm(server, "/admin/consultations/new", form(), { Cookie: cookies.resident })).status).toBe(403);
      const huge = await postForm(server, "/admin/consultations/new", form({ draft: "あ".repeat(200_000) }), { Cookie: cookies.staff });
      expect(huge.status).toBe(413);
      const long = await postForm(server, "/admin/consultations/new", form({ title: "x".repeat(201) }), { Cookie: cookies.staff });
      expect(long.status).toBe(400);
    });

    /** The files page's form as a browser posts it (multipart, the file field always present). */
    async function postFile(cookie: string, id: number, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.append(name, value);
      body.append("file", file ? new File([new Uint8Array(file.bytes)], file.name, { type: "application/pdf" }) : new File([], "", { type: "application/octet-stream" }));
      const res = await fetch(`${server.url}/admin/consultations/${id}/files`, { method: "POST", body, redirect: "manual", headers: { Origin: server.url, Cookie: cookie } });
      return { status: res.status, location: res.headers.get("location"), text: await res.text() };
    }

    it("adds a PDF to a draft (audit-logged), refuses what is not a plain PDF at the field with the title kept, and serves it to staff only until announced", async () => {
      setClock(jst("2027-11-20T10:00:00"));
      const created = await createConsultation(staff, input());
      if (!created.ok) throw new Error();
      const id = created.id;
      const pdf = await makePdf("plain", { pages: 2 });

      const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
      const wrong = await postFile(cookies.staff, id, { intent: "add", kind: "draft", title: "計画案<b>本文</b>" }, { name: "案.pdf", bytes: png });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain("PDFとして読み込めないファイルです");
      expect(wrong.text).toContain("計画案&lt;b&gt;本文&lt;/b&gt;");
      const active = await postFile(cookies.staff, id, { intent: "add", kind: "draft", title: "計画案" }, { name: "案.pdf", bytes: await makePdf("openActionScript") });
      expect(active.status).toBe(400);
      expect(active.text).toContain("スクリプト・埋め込みファイル・送信フォームを含むPDFは公開できません");
      const untitled = await postFile(cookies.staff, id, { intent: "add", kind: "draft", title: "" }, { name: "案.pdf", bytes: pdf });
      expect(untitled.status).toBe(400);
      expect(untitled.text).toContain("ファイルをもう一度選んでください");
      const none = await postFile(cookies.staff, id, { intent: "add", kind: "draft", title: "計画案" });
      expect(none.status).toBe(400);
      expect(none.text).toContain("PDFファイル（10 MB まで）を選んでください");
      const big = await postFile(cookies.staff, id, { intent: "add", kind: "draft", title: "計画案" }, { name: "big.pdf", bytes: new Uint8Array(11 * 1024 * 1024) });
      expect(big.status).toBe(413);
      expect((await postFile(cookies.resident, id, { intent: "add", kind: "draft", title: "計画案" }, { name: "案.pdf", bytes: pdf })).status).toBe(403);
      expect(await db.consultationFile.count({ where: { consultationId: id } })).toBe(0);

      const added = await postFile(cookies.staff, id, { intent: "add", kind: "draft", title: "計画案（全文）" }, { name: "whatever.pdf", bytes: pdf });
      expect(added.status, added.text.slice(0, 500)).toBe(302);
      const file = await db.consultationFile.findFirstOrThrow({ where: { consultationId: id } });
      expect(file).toMatchObject({ kind: "draft", title: "計画案（全文）", bytes: pdf.length });
      expect((await audits("consultation.file_added", id))[0]?.details).toContain("計画案（全文）");

      const path = `/consultations/${id}/files/${file.id}`;
      expect((await request(server, path)).status).toBe(404);
      expect((await request(server, path, { headers: { Cookie: cookies.resident } })).status).toBe(404);
      const preview = await request(server, path, { headers: { Cookie: cookies.staff } });
      expect(preview.status).toBe(200);
      expect(preview.headers["cache-control"]).toBe("private, no-store");

      expect(await scheduleConsultation(staff, id)).toEqual({ ok: true });
      const served = await request(server, path);
      expect(served.status).toBe(200);
      expect(served.headers["content-type"]).toBe("application/pdf");
      // Opened in the browser's viewer, saved under the title staff gave it (contentDisposition is tested in tests/unit/uploads.test.ts).
      expect(served.headers["content-disposition"]).toBe(contentDisposition("inline", "計画案（全文）.pdf"));
      expect(served.raw.equals(Buffer.from(pdf))).toBe(true);
      expect((await request(server, `/consultations/${id}`)).text).toContain(`href="${path}"`);
      // Another consultation's file id under this one is not found.
      expect((await request(server, `/consultations/${id + 1000}/files/${file.id}`)).status).toBe(404);

      const removed = await postForm(server, `/admin/consultations/${id}/files`, { intent: "remove", fileId: String(file.id) }, { Cookie: cookies.staff });
      expect(removed.status).toBe(302);
      expect(await db.consultationFile.count({ where: { consultationId: id } })).toBe(0);
      expect(await audits("consultation.file_removed", id)).toHaveLength(1);
      expect((await request(server, path)).status).toBe(404);
    });

    it("keeps the documents of an opened consultation as they were: adding is refused", async () => {
      const id = await openConsultation(staff);
      expect(await addConsultationFile(staff, id, { kind: "material", title: "資料" }, { bytes: await makePdf(), format: "pdf" })).toMatchObject({ ok: false, reason: "refused", message: "consultationAdmin.files.locked" });
      expect(await db.consultationFile.count({ where: { consultationId: id } })).toBe(0);
      expect(await addConsultationFile(resident, id, { kind: "material", title: "資料" }, { bytes: await makePdf(), format: "pdf" })).toEqual({ ok: false, reason: "forbidden" });
    });

    it("Art. 43: staff read and print the results document before publishing — what the public page will show, without personal data — while the public results stay 404", async () => {
      const id = await openConsultation(staff);
      const a = await paper(staff, id, "第2章に賛成します。");
      setClock(jst("2027-12-31T09:00:00"));
      expect((await saveOpinion(staff, id, { opinionId: null, section: 2, summary: "方針への賛成", response: "原案のとおりとします。", receipts: [a.receiptNumber] })).ok).toBe(true);
      const preview = await request(server, `/admin/consultations/${id}/results/preview`, { headers: { Cookie: cookies.staff } });
      expect(preview.status).toBe(200);
      expect(preview.text).toContain("まだ公表していません");
      expect(preview.text).toContain("方針への賛成");
      expect(preview.text).toContain("原案のとおりとします。");
      expect(preview.text).toContain("第2章に賛成します。");
      expect(preview.text).not.toMatch(/安中 花子|安中市安中一丁目1番1号|hanako@example\.jp/);
      // A document to print: no scripts.
      expect(preview.text).not.toMatch(/<script[^>]*type="module"/);
      expect((await request(server, `/consultations/${id}/results`)).status).toBe(404);
      expect((await request(server, `/admin/consultations/${id}/results/preview`, { headers: { Cookie: cookies.resident } })).status).toBe(403);
      expect((await request(server, `/admin/consultations/999999/results/preview`, { headers: { Cookie: cookies.staff } })).status).toBe(404);
    });

    it("serves the CSV export to staff as an attachment and records it", async () => {
      const created = await createConsultation(staff, input());
      if (!created.ok) throw new Error();
      const res = await request(server, `/admin/consultations/${created.id}/export`, { headers: { Cookie: cookies.staff } });
      expect(res.status).toBe(200);
      expect(String(res.headers["content-disposition"])).toContain("attachment");
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      expect(await audits("consultation.comments_exported", created.id)).toHaveLength(1);
      expect((await request(server, `/admin/consultations/${created.id}/export`, { headers: { Cookie: cookies.resident } })).status).toBe(403);
    });
  });
}
