/**
 * Taking comments against a real database (app/consultations/comments.server.ts): receipt numbers
 * under parallel senders, a form sent twice stored once, the period's edges by the server's
 * clock, staff typing in paper comments with their audit entry, the receipt mail.
 * Shared by consultation-comments.test.ts (SQLite) and consultation-comments.postgresql.test.ts.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { enterComment, submitComment } from "../../app/consultations/comments.server.ts";
import type { CommentInput, StaffCommentInput } from "../../app/consultations/forms.ts";
import { periodInstants } from "../../app/consultations/rules.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { commentRulesOf, publicConsultation } from "../../app/consultations/public.server.ts";
import { Prisma } from "../../app/platform/db.server.ts";
import { quickRead } from "../../app/platform/quick-read.server.ts";
import { db, jst, makePerson, mailsTo, type Person } from "./group-review-support.ts";

const comment = (overrides: Partial<CommentInput> = {}): CommentInput => ({
  name: "安中 花子",
  address: "安中市安中一丁目1番1号",
  category: "resident",
  email: "",
  section: 2,
  body: "第2章の方針に賛成です。",
  submissionKey: randomUUID(),
  ...overrides,
});

const paper = (overrides: Partial<StaffCommentInput> = {}): StaffCommentInput => ({ ...comment(), channel: "post", receivedOn: "2027-12-05", ...overrides });

async function makeConsultation(state = "scheduled"): Promise<number> {
  const { id } = await db.consultation.create({
    data: { title: "安中市市民総働推進計画（案）", state, draft: "## 第1章 趣旨\n\n本文\n\n## 第2章 方針\n\n本文", ...periodInstants("2027-12-01", "2027-12-30") },
  });
  return id;
}

export function defineConsultationCommentsSuite() {
  let staff: Person;
  beforeAll(async () => {
    staff = await makePerson("staff");
  });
  afterAll(() => setClock(null));

  it("gives twenty comments sent at once twenty different receipt numbers, one after another", async () => {
    setClock(jst("2027-12-10T10:00:00"));
    const id = await makeConsultation();
    const results = await Promise.all(Array.from({ length: 20 }, () => submitComment(id, comment())));
    const receipts = results.map((r) => (r.ok ? r.receipt.receiptNumber : r.reason));
    expect(new Set(receipts).size).toBe(20);
    expect([...receipts].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `PC${id}-${String(i + 1).padStart(4, "0")}`));
    expect(await db.consultationComment.count({ where: { consultationId: id } })).toBe(20);
    expect((await db.consultation.findUniqueOrThrow({ where: { id } })).lastReceipt).toBe(20);
  });

  it("stores a form sent twice — one after the other or both at once — once, and answers both with its receipt", async () => {
    setClock(jst("2027-12-10T10:00:00"));
    const id = await makeConsultation();
    const input = comment();
    const first = await submitComment(id, input);
    const again = await submitComment(id, input);
    expect(first.ok && again.ok && again.repeated).toBe(true);
    expect(first.ok && again.ok && again.receipt.receiptNumber).toBe(first.ok && first.receipt.receiptNumber);
    const both = comment();
    const [a, b] = await Promise.all([submitComment(id, both), submitComment(id, both)]);
    expect(a.ok && b.ok && a.receipt.receiptNumber === b.receipt.receiptNumber).toBe(true);
    expect(await db.consultationComment.count({ where: { consultationId: id } })).toBe(2);
  });

  it("refuses a comment one second after closing and one a second before opening, and stores nothing", async () => {
    const id = await makeConsultation();
    setClock(jst("2027-12-31T00:00:01"));
    expect(await submitComment(id, comment())).toEqual({ ok: false, reason: "notOpen" });
    setClock(jst("2027-11-30T23:59:59"));
    expect(await submitComment(id, comment())).toEqual({ ok: false, reason: "notOpen" });
    setClock(jst("2027-12-30T23:59:59"));
    expect((await submitComment(id, comment())).ok).toBe(true);
    expect(await db.consultationComment.count({ where: { consultationId: id } })).toBe(1);
    expect((await db.consultation.findUniqueOrThrow({ where: { id } })).lastReceipt).toBe(1);
  });

  it("takes no comment on a draft, a withdrawn or a published consultation, or one that does not exist", async () => {
    setClock(jst("2027-12-10T10:00:00"));
    for (const state of ["draft", "withdrawn", "published"]) {
      const id = await makeConsultation(state);
      expect(await submitComment(id, comment())).toEqual({ ok: false, reason: "notOpen" });
    }
    expect(await submitComment(2_000_000_000, comment())).toEqual({ ok: false, reason: "notFound" });
  });

  it("mails the receipt number when an address is given, and keeps the account that sent it", async () => {
    setClock(jst("2027-12-10T10:00:00"));
    const resident = await makePerson("resident");
    const id = await makeConsultation();
    const result = await submitComment(id, comment({ email: resident.email }), { userId: resident.id });
    expect(result.ok).toBe(true);
    const receipt = result.ok ? result.receipt.receiptNumber : "";
    const mails = await mailsTo(resident.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(receipt);
    expect(mails[0].text).toContain(receipt);
    // The mail confirms the receipt; it does not repeat the sender's address or comment.
    expect(mails[0].text).not.toContain("安中市安中一丁目");
    expect((await db.consultationComment.findUniqueOrThrow({ where: { receiptNumber: receipt } })).userId).toBe(resident.id);
  });

  it("has staff type in a comment that came by post, with its date of receipt, on the same receipt sequence, audit-logged without the sender", async () => {
    setClock(jst("2027-12-10T10:00:00"));
    const id = await makeConsultation();
    const online = await submitComment(id, comment());
    const entered = await enterComment(staff, id, paper({ channel: "fax", receivedOn: "2027-12-08" }));
    expect(online.ok && online.receipt.receiptNumber).toBe(`PC${id}-0001`);
    expect(entered.ok && entered.receipt.receiptNumber).toBe(`PC${id}-0002`);
    const row = await db.consultationComment.findFirstOrThrow({ where: { consultationId: id, channel: "fax" } });
    expect(row.enteredById).toBe(staff.id);
    expect(row.receivedAt.toISOString()).toBe(jst("2027-12-08T00:00:00").toISOString());
    const audit = await db.auditEntry.findMany({ where: { targetType: "consultation", targetId: String(id), action: "consultation.comment_entered" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(staff.id);
    expect(audit[0].details).toContain(`PC${id}-0002`);
    expect(audit[0].details).not.toContain("安中 花子");
    expect(audit[0].details).not.toContain("安中市安中");
  });

  it("lets staff type in paper comments after closing but not once the results are published, and never a resident", async () => {
    setClock(jst("2028-01-10T10:00:00"));
    const closed = await makeConsultation();
    expect((await enterComment(staff, closed, paper({ receivedOn: "2027-12-28" }))).ok).toBe(true);
    const published = await makeConsultation("published");
    expect(await enterComment(staff, published, paper())).toEqual({ ok: false, reason: "notTaking" });
    const resident = await makePerson("resident");
    expect(await enterComment(resident, closed, paper())).toEqual({ ok: false, reason: "forbidden" });
    expect(await db.consultationComment.count({ where: { consultationId: { in: [closed, published] } } })).toBe(1);
  });

  it("keeps the public page's copy while nothing it shows changes: a comment leaves updatedAt alone; an edit or a file shows on the next request", async () => {
    const id = await makeConsultation();
    setClock(jst("2027-12-10T10:00:00"));
    const before = await db.consultation.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    expect((await submitComment(id, comment())).ok).toBe(true);
    const after = await db.consultation.findUniqueOrThrow({ where: { id }, select: { updatedAt: true, lastReceipt: true } });
    expect(after.lastReceipt).toBe(1);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect((await publicConsultation(id))?.title).toBe("安中市市民総働推進計画（案）");
    await db.consultation.update({ where: { id }, data: { title: "安中市市民総働推進計画（修正案）" } });
    expect((await publicConsultation(id))?.title).toBe("安中市市民総働推進計画（修正案）");
    const file = await db.consultationFile.create({ data: { consultationId: id, kind: "material", title: "参考資料", upload: `${randomUUID()}.pdf`, bytes: 1000 } });
    expect((await publicConsultation(id))?.files.map((f) => f.title)).toEqual(["参考資料"]);
    await db.consultationFile.delete({ where: { id: file.id } });
    expect((await publicConsultation(id))?.files).toEqual([]);
    // Long after the last edit the copy is trusted: a change that does not move updatedAt (as a
    // comment's counter does not) is not read again; one that does, is.
    const later = vi.spyOn(Date, "now").mockReturnValue(Date.now() + 60_000);
    try {
      expect((await publicConsultation(id))?.title).toBe("安中市市民総働推進計画（修正案）");
      await db.$executeRaw`UPDATE "Consultation" SET "summary" = 'not read again' WHERE "id" = ${id}`;
      expect((await publicConsultation(id))?.summary).toBe("");
      await db.consultation.update({ where: { id }, data: { summary: "概要" } });
      expect((await publicConsultation(id))?.summary).toBe("概要");
    } finally {
      later.mockRestore();
    }
    await db.consultation.update({ where: { id }, data: { state: "draft" } });
    expect(await publicConsultation(id)).toBeNull();
    expect(await commentRulesOf(id)).toBeNull();
  });

  it("quick reads see committed rows only, and compare instants as Prisma stores them", async () => {
    const id = await makeConsultation();
    const title = async () => (await quickRead<{ title: string }>(Prisma.sql`SELECT "title" FROM "Consultation" WHERE "id" = ${id}`))[0]?.title;
    let seenInside: string | undefined;
    await db.$transaction(async (tx) => {
      await tx.consultation.update({ where: { id }, data: { title: "未確定の題名" } });
      seenInside = await title();
    });
    // Another request's transaction in flight is not seen; once committed, it is.
    expect(seenInside).toBe("安中市市民総働推進計画（案）");
    expect(await title()).toBe("未確定の題名");
    const { opensAt } = await db.consultation.findUniqueOrThrow({ where: { id }, select: { opensAt: true } });
    const count = async (at: Date) => Number((await quickRead<{ n: number | bigint }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Consultation" WHERE "id" = ${id} AND "opensAt" <= ${at}`))[0].n);
    expect(await count(opensAt!)).toBe(1);
    expect(await count(new Date(opensAt!.getTime() - 1))).toBe(0);
    expect(await quickRead(Prisma.sql`SELECT "id" FROM "Consultation" WHERE "id" = ${-1}`)).toEqual([]);
  });
}
