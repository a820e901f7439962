/**
 * The staff review of the group registry against a real database: the queue, every decision
 * with its message, mail and audit entry, a change kept unpublished until approved, conflicts
 * (double click, two members of staff), cancellation and correction; then a real server process
 * (production build, TEST_CLOCK) for what only HTTP shows: who may open and post what, 400 at
 * the field, 409 for a decision already made.
 * Shared by group-review.test.ts (SQLite) and group-review.postgresql.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitingQueues } from "../../app/admin/dashboard.server.ts";
import { countRegisteredGroups, registeredGroupsAt } from "../../app/groups/public.server.ts";
import {
  cancelRegistration,
  correctProfile,
  countWaiting,
  decideVersion,
  groupReviewDetail,
  reviewQueue,
} from "../../app/groups/review.server.ts";
import { listedGroupWhere } from "../../app/groups/group.server.ts";
import { searchDirectory } from "../../app/groups/directory.server.ts";
import { parseDirectoryQuery } from "../../app/groups/search.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { searchGrams } from "../../app/platform/search.ts";
import { fieldError } from "./account-support.ts";
import {
  addMember,
  at,
  auditOf,
  cookieFor,
  db,
  ensureDistricts,
  jst,
  mailsTo,
  makePerson,
  profile,
  submitNewGroup,
  submittedVersionId,
  submitVersion,
  type Person,
} from "./group-review-support.ts";
import { postForm, request, startServer, type ServerProcess } from "./helpers/server-process.ts";

/** The group's rows in the directory's search index are the pieces of its published text, no more. */
async function expectSearchIndexInStep(groupId: number) {
  const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { searchText: true } });
  const rows = await db.groupSearchGram.findMany({ where: { groupId }, select: { gram: true } });
  expect(rows.map((r) => r.gram).sort()).toEqual(searchGrams(group.searchText).sort());
  expect(rows.length).toBeGreaterThan(0);
}

/** The ids the directory finds for a search at an instant. */
async function directoryIds(search: string, instant: Date): Promise<number[]> {
  const page = await searchDirectory(parseDirectoryQuery(new URLSearchParams(search)), { at: instant, client: db });
  return page.groups.map((g) => g.id);
}

export function defineGroupReviewSuite(databaseUrl: () => string) {
  let staff: Person;
  let otherStaff: Person;
  let rep: Person;

  beforeAll(async () => {
    at("2026-06-01T09:00:00");
    staff = await makePerson("staff");
    otherStaff = await makePerson("staff", "staff2");
    rep = await makePerson("resident", "rep");
  });

  afterAll(() => {
    setClock(null);
  });

  describe("new registrations", () => {
    it("queue, approval, message, mail and audit in one go", async () => {
      at("2026-06-01T09:00:00");
      const groupId = await submitNewGroup(rep, await profile({ name: "安中子ども見守り隊" }));
      const versionId = await submittedVersionId(groupId);

      const queue = await reviewQueue(staff, "new");
      expect(queue.map((q) => q.groupId)).toContain(groupId);
      expect(queue.find((q) => q.groupId === groupId)).toMatchObject({ kind: "new", name: "安中子ども見守り隊" });
      expect(await countWaiting("new")).toBeGreaterThanOrEqual(1);
      const before = await countRegisteredGroups(jst("2026-06-02T09:00:00"));

      const decidedAt = at("2026-06-02T09:00:00");
      expect(await decideVersion(staff, groupId, versionId, "approve", "登録しました。")).toEqual({ ok: true });

      const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
      expect(group).toMatchObject({ state: "active", publishedVersionId: versionId, name: "安中子ども見守り隊", volunteerCenter: true });
      const version = await db.groupVersion.findUniqueOrThrow({ where: { id: versionId } });
      expect(version).toMatchObject({ status: "approved", decidedById: staff.id, decidedAt });
      const registrations = await db.groupRegistration.findMany({ where: { groupId } });
      expect(registrations).toHaveLength(1);
      expect(registrations[0]).toMatchObject({ fiscalYear: 2026, status: "approved", decidedById: staff.id, validFrom: decidedAt });
      expect(registrations[0].validUntil).toEqual(jst("2027-04-01T00:00:00"));
      expect(await countRegisteredGroups(decidedAt)).toBe(before + 1);
      expect((await reviewQueue(staff)).some((q) => q.groupId === groupId)).toBe(false);

      const messages = await db.groupMessage.findMany({ where: { groupId } });
      expect(messages).toMatchObject([{ kind: "approved", body: "登録しました。", authorId: staff.id, versionId }]);
      const mails = await mailsTo(rep.email);
      const approval = mails.find((m) => m.subject.includes("団体登録が承認されました"));
      expect(approval?.subject).toContain("安中子ども見守り隊");
      expect(approval?.text).toContain("登録しました。");
      expect(approval?.text).toContain(`/my/groups/${groupId}`);
      expect(approval?.text).toContain("has been approved");
      const audit = await auditOf(groupId);
      expect(audit.map((a) => a.action)).toEqual(["group.approved"]);
      expect(audit[0]).toMatchObject({ actorId: staff.id, actorRole: "staff", reason: "登録しました。", at: decidedAt });
      expect(JSON.parse(audit[0].details)).toMatchObject({ versionId, application: "new", fiscalYears: [2026] });
      expect(audit[0].details).not.toContain("碓氷 花子");
    });

    it("request changes, resubmit, approve", async () => {
      at("2026-06-03T09:00:00");
      const groupId = await submitNewGroup(rep);
      const versionId = await submittedVersionId(groupId);
      expect(await decideVersion(staff, groupId, versionId, "request", "活動内容をもう少し詳しく書いてください。")).toEqual({ ok: true });
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({ status: "changes_requested" });
      expect((await db.group.findUniqueOrThrow({ where: { id: groupId } })).state).toBe("draft");
      expect(await db.groupRegistration.findFirst({ where: { groupId } })).toMatchObject({ status: "pending" });
      expect((await reviewQueue(staff, "new")).some((q) => q.groupId === groupId)).toBe(false);
      const request = (await mailsTo(rep.email)).find((m) => m.subject.includes("修正のお願い"));
      expect(request?.text).toContain("活動内容をもう少し詳しく書いてください。");
      expect((await auditOf(groupId)).map((a) => a.action)).toEqual(["group.changes_requested"]);

      at("2026-06-04T09:00:00");
      await submitVersion(rep, groupId, await profile({ activities: "毎朝の登下校の見守り、夏祭りと運動会の手伝い。" }));
      expect(await submittedVersionId(groupId)).toBe(versionId);
      expect((await reviewQueue(staff, "new")).some((q) => q.groupId === groupId)).toBe(true);
      at("2026-06-05T09:00:00");
      expect(await decideVersion(staff, groupId, versionId, "approve", "")).toEqual({ ok: true });
      expect((await db.group.findUniqueOrThrow({ where: { id: groupId } })).state).toBe("active");
      expect((await auditOf(groupId)).map((a) => a.action)).toEqual(["group.changes_requested", "group.approved"]);
      expect(await db.groupMessage.count({ where: { groupId } })).toBe(2);
    });

    it("refuses to approve a version naming a district there is none of; after the group corrects it, approves", async () => {
      at("2026-06-03T10:00:00");
      const groupId = await submitNewGroup(rep, await profile({ name: "古い地区の会" }));
      const versionId = await submittedVersionId(groupId);
      const [known] = await ensureDistricts();
      // As a version stored before district ids were checked (unknownReferences) would be.
      await db.groupVersion.update({ where: { id: versionId }, data: { districtIds: JSON.stringify([88888]) } });
      const unchanged = async () => {
        expect(await db.groupVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({ status: "submitted", decidedAt: null });
        expect(await db.group.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({ state: "draft", publishedVersionId: null });
        expect(await db.groupRegistration.findMany({ where: { groupId } })).toMatchObject([{ status: "pending", kind: "initial" }]);
        expect(await db.groupDistrict.count({ where: { groupId } })).toBe(0);
        expect(await db.groupMessage.count({ where: { groupId } })).toBe(0);
        expect((await mailsTo(rep.email)).some((m) => m.subject.includes("古い地区の会") && m.subject.includes("承認"))).toBe(false);
      };

      expect(await decideVersion(staff, groupId, versionId, "approve", "登録しました。")).toEqual({ ok: false, error: "unknownDistrict" });
      await unchanged();
      expect((await auditOf(groupId)).map((a) => a.action)).toEqual([]);
      // The main district alone, too.
      await db.groupVersion.update({ where: { id: versionId }, data: { districtIds: JSON.stringify([known]), mainDistrictId: 99999 } });
      expect(await decideVersion(staff, groupId, versionId, "approve", "")).toEqual({ ok: false, error: "unknownDistrict" });
      await unchanged();
      expect((await auditOf(groupId)).map((a) => a.action)).toEqual([]);

      // The way out the refusal names: request changes; the representative chooses the districts again.
      expect(await decideVersion(staff, groupId, versionId, "request", "活動地区を選び直してください。")).toEqual({ ok: true });
      await submitVersion(rep, groupId, await profile({ name: "古い地区の会" }));
      expect(await submittedVersionId(groupId)).toBe(versionId);
      expect(await decideVersion(staff, groupId, versionId, "approve", "")).toEqual({ ok: true });
      const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
      expect(group).toMatchObject({ state: "active", publishedVersionId: versionId, mainDistrictId: known });
      expect((await db.groupDistrict.findMany({ where: { groupId } })).length).toBeGreaterThan(0);
      expect((await auditOf(groupId)).map((a) => a.action)).toEqual(["group.changes_requested", "group.approved"]);
    });

    it("reject: the application and its registration end, the group stays unpublished", async () => {
      at("2026-06-06T09:00:00");
      const groupId = await submitNewGroup(rep);
      const versionId = await submittedVersionId(groupId);
      expect(await decideVersion(staff, groupId, versionId, "reject", "市内での活動が確認できません。")).toEqual({ ok: true });
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({ status: "rejected" });
      expect(await db.groupRegistration.findFirstOrThrow({ where: { groupId } })).toMatchObject({ status: "rejected", decidedById: staff.id });
      const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
      expect(group).toMatchObject({ state: "draft", publishedVersionId: null });
      expect(await db.group.count({ where: { id: groupId, ...listedGroupWhere(jst("2026-06-07T00:00:00")) } })).toBe(0);
      const mail = (await mailsTo(rep.email)).find((m) => m.subject.includes("団体登録の申請について"));
      expect(mail?.text).toContain("市内での活動が確認できません。");
      const [entry] = await auditOf(groupId);
      expect(entry).toMatchObject({ action: "group.rejected", reason: "市内での活動が確認できません。", actorId: staff.id });
    });

    it("a double click or a second member of staff gets a conflict and changes nothing", async () => {
      at("2026-06-07T09:00:00");
      const groupId = await submitNewGroup(rep);
      const versionId = await submittedVersionId(groupId);
      const results = await Promise.all([
        decideVersion(staff, groupId, versionId, "approve", ""),
        decideVersion(otherStaff, groupId, versionId, "reject", "重複"),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "conflict" }]);
      expect(await decideVersion(staff, groupId, versionId, "approve", "")).toEqual({ ok: false, error: "conflict" });
      expect(await auditOf(groupId)).toHaveLength(1);
      expect(await db.groupMessage.count({ where: { groupId } })).toBe(1);
      expect(await db.groupRegistration.count({ where: { groupId } })).toBe(1);
      expect(await decideVersion(staff, groupId + 10_000, versionId, "approve", "")).toEqual({ ok: false, error: "notFound" });
    });
  });

  describe("changes to a registered group", () => {
    let groupId: number;
    let publishedId: number;

    beforeAll(async () => {
      at("2026-07-01T09:00:00");
      groupId = await submitNewGroup(rep, await profile({ name: "旧名の会", nameKana: "きゅうめいのかい" }));
      publishedId = await submittedVersionId(groupId);
      await decideVersion(staff, groupId, publishedId, "approve", "");
    });

    it("the approved version stays public until the change is approved; staff see what changed", async () => {
      at("2026-07-02T09:00:00");
      await submitVersion(rep, groupId, await profile({ name: "新名の会", nameKana: "しんめいのかい", activityFields: ["1", "13", "2"], memberCount: "20" }));
      const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, include: { fields: true } });
      expect(group).toMatchObject({ name: "旧名の会", nameKana: "キュウメイノカイ", publishedVersionId: publishedId });
      expect(group.searchText).toContain("旧名");
      expect(group.fields.map((f) => f.field).sort((a, b) => a - b)).toEqual([1, 13]);
      expect(await db.group.count({ where: { name: "旧名の会", ...listedGroupWhere(jst("2026-07-02T09:00:00")) } })).toBe(1);
      // The directory searches the published text: the new name is not found until approved.
      await expectSearchIndexInStep(groupId);
      expect(await directoryIds("q=旧名", jst("2026-07-02T09:00:00"))).toContain(groupId);
      expect(await directoryIds("q=新名", jst("2026-07-02T09:00:00"))).not.toContain(groupId);

      const queue = await reviewQueue(staff, "change");
      expect(queue.find((q) => q.groupId === groupId)).toMatchObject({ kind: "change", name: "旧名の会" });
      const detail = await groupReviewDetail(staff, groupId);
      expect(detail?.pendingVersion?.kind).toBe("change");
      const diff = detail!.pendingVersion!.diff;
      // Only what differs (the generated e-mail, name and reading, fields, members), old beside new.
      expect(diff.map((d) => d.field)).toEqual(expect.arrayContaining(["name", "nameKana", "activityFields", "memberCount"]));
      expect(diff.map((d) => d.field)).not.toContain("purpose");
      expect(diff.find((d) => d.field === "name")).toEqual({
        field: "name",
        before: "旧名の会",
        after: "新名の会",
        changes: [
          { kind: "removed", text: "旧" },
          { kind: "added", text: "新" },
          { kind: "same", text: "名の会" },
        ],
      });
      expect(diff.find((d) => d.field === "activityFields")).toEqual({ field: "activityFields", before: [1, 13], after: [1, 2, 13] });
    });

    it("rejecting the change keeps the published version", async () => {
      at("2026-07-03T09:00:00");
      const changeId = await submittedVersionId(groupId);
      expect(await decideVersion(staff, groupId, changeId, "reject", "名称の変更には総会の議事録が必要です。")).toEqual({ ok: true });
      const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
      expect(group).toMatchObject({ name: "旧名の会", publishedVersionId: publishedId, state: "active" });
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: publishedId } })).toMatchObject({ status: "approved" });
      const mail = (await mailsTo(rep.email)).find((m) => m.subject.includes("登録内容の変更の申請について"));
      expect(mail?.text).toContain("公開中の内容はそのままです");
    });

    it("approving a change publishes it and supersedes the old version", async () => {
      at("2026-07-04T09:00:00");
      await submitVersion(rep, groupId, await profile({ name: "新名の会", nameKana: "しんめいのかい" }));
      const changeId = await submittedVersionId(groupId);
      expect(changeId).not.toBe(publishedId);
      at("2026-07-05T09:00:00");
      expect(await decideVersion(staff, groupId, changeId, "approve", "")).toEqual({ ok: true });
      const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
      expect(group).toMatchObject({ name: "新名の会", publishedVersionId: changeId, state: "active" });
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: publishedId } })).toMatchObject({ status: "superseded" });
      // A change does not touch the registrations.
      expect(await db.groupRegistration.count({ where: { groupId } })).toBe(1);
      await expectSearchIndexInStep(groupId);
      expect(await directoryIds("q=新名", jst("2026-07-05T09:00:00"))).toContain(groupId);
      expect(await directoryIds("q=旧名", jst("2026-07-05T09:00:00"))).not.toContain(groupId);
      expect((await auditOf(groupId)).map((a) => a.action)).toEqual(["group.approved", "group.rejected", "group.change_approved"]);
      expect((await mailsTo(rep.email)).some((m) => m.subject.includes("登録内容の変更が承認されました"))).toBe(true);
    });

    it("staff correct the published profile: a new version, audited without personal values", async () => {
      const current = (await db.group.findUniqueOrThrow({ where: { id: groupId } })).publishedVersionId!;
      at("2026-07-10T09:00:00");
      const input = await profile({ name: "新名の会", nameKana: "しんめいのかい", representativeName: "訂正 太郎", memberCount: "15" });
      expect(await correctProfile(staff, groupId, current, input, "代表者名の誤記を訂正")).toEqual({ ok: true });
      const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, include: { publishedVersion: true } });
      expect(group.publishedVersionId).not.toBe(current);
      expect(group.publishedVersion).toMatchObject({ status: "approved", representativeName: "訂正 太郎", memberCount: 15, createdById: staff.id });
      await expectSearchIndexInStep(groupId);
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: current } })).toMatchObject({ status: "superseded" });
      const entry = (await auditOf(groupId)).at(-1)!;
      expect(entry).toMatchObject({ action: "group.corrected", reason: "代表者名の誤記を訂正", actorId: staff.id });
      const details = JSON.parse(entry.details) as { changedFields: string[]; changes: Record<string, unknown> };
      expect(details.changedFields).toEqual(expect.arrayContaining(["representativeName", "memberCount", "email"]));
      expect(details.changes.memberCount).toEqual({ from: 12, to: 15 });
      expect(details.changes).not.toHaveProperty("representativeName");
      expect(details.changes).not.toHaveProperty("email");
      expect(entry.details).not.toContain("訂正 太郎");
      expect(entry.details).not.toContain("碓氷 花子");
      expect(entry.details).not.toContain("@example.jp");
      const mail = (await mailsTo(rep.email)).find((m) => m.subject.includes("登録内容を訂正しました"));
      expect(mail?.text).toContain("代表者名");
      expect(mail?.text).not.toContain("訂正 太郎");

      // The same form again: the version it corrected is no longer the published one.
      expect(await correctProfile(staff, groupId, current, input, "二重送信")).toEqual({ ok: false, error: "conflict" });
      // Nothing to correct.
      expect(await correctProfile(staff, groupId, group.publishedVersionId!, input, "同じ内容")).toEqual({ ok: false, error: "noChange" });
      expect((await auditOf(groupId)).filter((a) => a.action === "group.corrected")).toHaveLength(1);
    });

    it("cancel: the group leaves the directory at once; a second cancel is a conflict", async () => {
      const cancelledAt = at("2026-08-01T10:00:00");
      expect(await cancelRegistration(staff, groupId, "団体が解散したため")).toEqual({ ok: true });
      const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
      expect(group.state).toBe("cancelled");
      const [registration] = await db.groupRegistration.findMany({ where: { groupId } });
      expect(registration).toMatchObject({ endedAt: cancelledAt, endReason: "cancelled", status: "approved" });
      expect(await db.group.count({ where: { id: groupId, ...listedGroupWhere(cancelledAt) } })).toBe(0);
      expect(await db.group.count({ where: { id: groupId, ...listedGroupWhere(new Date(cancelledAt.getTime() - 1)) } })).toBe(1);
      expect(await directoryIds("q=新名", cancelledAt)).not.toContain(groupId);
      expect(await directoryIds("q=新名", new Date(cancelledAt.getTime() - 1))).toContain(groupId);
      expect((await mailsTo(rep.email)).some((m) => m.subject.includes("団体登録を取り消しました") && m.text.includes("団体が解散したため"))).toBe(true);
      expect((await auditOf(groupId)).at(-1)).toMatchObject({ action: "group.cancelled", reason: "団体が解散したため" });
      expect(await cancelRegistration(staff, groupId, "もう一度")).toEqual({ ok: false, error: "conflict" });
      expect(await cancelRegistration(staff, 999_999, "なし")).toEqual({ ok: false, error: "notFound" });
      const detail = await groupReviewDetail(staff, groupId, cancelledAt);
      expect(detail?.registrations[0]).toMatchObject({ endReason: "cancelled", validNow: false });
      expect(detail?.validNow).toBeNull();
    });
  });

  it("the dashboard shows the three queues and the 6-1 count to staff", async () => {
    at("2026-08-02T09:00:00");
    await submitNewGroup(rep);
    const cards = await waitingQueues(staff);
    const byId = Object.fromEntries(cards.map((c) => [c.id, c]));
    expect(byId["groups-new"]).toMatchObject({ href: "/admin/groups?kind=new", count: await countWaiting("new") });
    expect(byId["groups-new"].count).toBeGreaterThanOrEqual(1);
    expect(byId["groups-change"]).toMatchObject({ count: await countWaiting("change") });
    expect(byId["groups-renewal"]).toMatchObject({ count: await countWaiting("renewal") });
    expect(byId["groups-registered"]).toMatchObject({ href: "/admin/indicators/groups", count: await countRegisteredGroups(jst("2026-08-02T09:00:00")) });
    expect(await waitingQueues(rep)).toEqual([]);
  });

  describe("over HTTP (production server, TEST_CLOCK)", () => {
    const CLOCK = "2026-09-01T10:00:00+09:00";
    let server: ServerProcess;
    let groupId: number;
    let changeGroupId: number;
    const cookies: Record<string, string> = {};
    let resident: Person;
    let editor: Person;

    beforeAll(async () => {
      setClock(new Date(CLOCK));
      resident = await makePerson("resident", "bystander");
      editor = await makePerson("resident", "editor");
      groupId = await submitNewGroup(rep, await profile({ name: "HTTPの会" }));
      changeGroupId = await submitNewGroup(rep, await profile({ name: "変更前の会" }));
      await decideVersion(staff, changeGroupId, await submittedVersionId(changeGroupId), "approve", "");
      await submitVersion(rep, changeGroupId, await profile({ name: "変更後の会" }));
      await addMember(changeGroupId, editor, "editor");
      for (const [name, person] of Object.entries({ staff, rep, resident, editor })) cookies[name] = await cookieFor(person);
      server = await startServer({ databaseUrl: databaseUrl(), env: { TEST_CLOCK: CLOCK } });
    });

    afterAll(async () => {
      await server?.stop();
    });

    const get = (path: string, who?: string) => request(server, path, { headers: who ? { Cookie: cookies[who] } : {} });
    const post = (path: string, who: string, form: Record<string, string>) => postForm(server, path, form, { Cookie: cookies[who] });

    it("opens the review pages to staff", async () => {
      for (const path of [
        "/admin",
        "/admin/groups",
        "/admin/groups?kind=new",
        "/admin/groups?q=HTTP",
        `/admin/groups/${groupId}`,
        `/admin/groups/${changeGroupId}`,
        `/admin/groups/${changeGroupId}/cancel`,
        `/admin/groups/${changeGroupId}/correct`,
        "/admin/indicators/groups",
        "/admin/indicators/groups?date=2027-03-31",
      ]) {
        const res = await get(path, "staff");
        expect(res.status, path).toBe(200);
      }
      const queue = await get("/admin/groups", "staff");
      expect(queue.text).toContain("HTTPの会");
      expect(queue.text).toContain('href="/admin/groups"');
      expect((await get("/admin", "staff")).text).toContain("団体審査");
      const detail = await get(`/admin/groups/${changeGroupId}`, "staff");
      expect(detail.text).toContain("変更前の会");
      expect(detail.text).toContain("変更後の会");
      expect(detail.text).toContain("公開中の内容と申請内容の違い");
      expect((await get("/admin/groups/abc", "staff")).status).toBe(404);
      expect((await get("/admin/groups/999999", "staff")).status).toBe(404);
    });

    it("a resident cannot open the queue or approve", async () => {
      expect((await get("/admin/groups", "resident")).status).toBe(403);
      expect((await get(`/admin/groups/${groupId}`, "rep")).status).toBe(403);
      const versionId = await submittedVersionId(groupId);
      const res = await post(`/admin/groups/${groupId}`, "rep", { intent: "approve", versionId: String(versionId), note: "" });
      expect(res.status).toBe(403);
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({ status: "submitted" });
      expect((await get("/admin/groups")).status).toBe(302);
    });

    it("a reason or message is required: 400 with the message at the field", async () => {
      const versionId = String(await submittedVersionId(groupId));
      const reject = await post(`/admin/groups/${groupId}`, "staff", { intent: "reject", versionId, reason: "   " });
      expect(reject.status).toBe(400);
      expect(fieldError(reject.text, "reason")).toBe("理由を入力してください");
      const request = await post(`/admin/groups/${groupId}`, "staff", { intent: "request", versionId });
      expect(request.status).toBe(400);
      expect(fieldError(request.text, "message")).toBe("修正してほしい点を入力してください");
      const cancel = await post(`/admin/groups/${changeGroupId}/cancel`, "staff", { reason: "" });
      expect(cancel.status).toBe(400);
      expect(fieldError(cancel.text, "reason")).toBe("理由を入力してください");
      const tooLong = await post(`/admin/groups/${groupId}`, "staff", { intent: "reject", versionId, reason: "あ".repeat(1001) });
      expect(tooLong.status).toBe(400);
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: Number(versionId) } })).toMatchObject({ status: "submitted" });
      expect((await post(`/admin/groups/${groupId}`, "staff", { intent: "nonsense" })).status).toBe(400);
      expect((await post(`/admin/groups/${groupId}`, "staff", { intent: "approve", versionId: "x" })).status).toBe(400);
    });

    it("approves once; the second post is a clear 409, never a 500", async () => {
      const versionId = String(await submittedVersionId(groupId));
      const first = await post(`/admin/groups/${groupId}`, "staff", { intent: "approve", versionId, note: "", confirmed: "yes" });
      expect(first.status).toBe(302);
      expect(first.headers.location).toBe(`/admin/groups/${groupId}?done=approve`);
      const second = await post(`/admin/groups/${groupId}`, "staff", { intent: "approve", versionId, note: "", confirmed: "yes" });
      expect(second.status).toBe(409);
      expect(second.text).toContain("この申請はすでに判断されています");
      const late = await post(`/admin/groups/${groupId}`, "staff", { intent: "reject", versionId, reason: "遅れて却下", confirmed: "yes" });
      expect(late.status).toBe(409);
      expect((await auditOf(groupId)).map((a) => a.action)).toEqual(["group.approved"]);
      expect((await get(`/admin/groups/${groupId}?done=approve`, "staff")).text).toContain("承認しました");
    });

    it("refuses to approve a version naming an unknown district: a clear message, not a 500, nothing changed", async () => {
      const oldGroupId = await submitNewGroup(rep, await profile({ name: "地区確認前の会" }));
      const versionId = await submittedVersionId(oldGroupId);
      await db.groupVersion.update({ where: { id: versionId }, data: { mainDistrictId: 99999, districtIds: JSON.stringify([88888]) } });
      const res = await post(`/admin/groups/${oldGroupId}`, "staff", { intent: "approve", versionId: String(versionId), note: "承認します", confirmed: "yes" });
      expect(res.status).toBe(422);
      expect(res.text).toContain("この申請は承認できません：登録されていない行政区が指定されています");
      expect(res.text).toContain("何も変更していません。「修正を依頼する」で代表者に行政区を選び直してもらってください。");
      // A new registration has no published profile to correct: the notice links to no form.
      const notice = /<div class="error-summary" role="alert">([\s\S]*?)<\/div>/.exec(res.text)?.[1] ?? "";
      expect(notice).toContain("何も変更していません");
      expect(notice).not.toContain("/correct");
      expect(res.text).toContain("承認します");
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: versionId } })).toMatchObject({ status: "submitted" });
      expect(await db.group.findUniqueOrThrow({ where: { id: oldGroupId } })).toMatchObject({ state: "draft", publishedVersionId: null });
      expect(await auditOf(oldGroupId)).toEqual([]);

      // A change to a registered group: the same refusal, with the way to the correction form.
      const activeId = await submitNewGroup(rep, await profile({ name: "地区確認前の変更の会" }));
      const firstVersionId = await submittedVersionId(activeId);
      await decideVersion(staff, activeId, firstVersionId, "approve", "");
      await submitVersion(rep, activeId, await profile({ name: "地区確認前の変更の会" }));
      const changeId = await submittedVersionId(activeId);
      await db.groupVersion.update({ where: { id: changeId }, data: { districtIds: JSON.stringify([88888]) } });
      const change = await post(`/admin/groups/${activeId}`, "staff", { intent: "approve", versionId: String(changeId), note: "", confirmed: "yes" });
      expect(change.status).toBe(422);
      const changeNotice = /<div class="error-summary" role="alert">([\s\S]*?)<\/div>/.exec(change.text)?.[1] ?? "";
      expect(changeNotice).toContain("この申請は承認できません：登録されていない行政区が指定されています");
      expect(changeNotice).toContain(`href="/admin/groups/${activeId}/correct"`);
      expect(await db.groupVersion.findUniqueOrThrow({ where: { id: changeId } })).toMatchObject({ status: "submitted" });
      expect(await db.group.findUniqueOrThrow({ where: { id: activeId } })).toMatchObject({ publishedVersionId: firstVersionId });
      expect((await auditOf(activeId)).map((a) => a.action)).toEqual(["group.approved"]);
    });

    it("the correction form refuses bad input at the field and keeps what was typed", async () => {
      const page = await get(`/admin/groups/${changeGroupId}/correct`, "staff");
      const publishedVersionId = /name="publishedVersionId" value="(\d+)"/.exec(page.text)?.[1] ?? "";
      const res = await post(`/admin/groups/${changeGroupId}/correct`, "staff", {
        publishedVersionId,
        name: "<script>alert(1)</script>",
        nameKana: "漢字",
        kind: "volunteer",
        representativeName: "",
        mainDistrictId: "",
        purpose: "目的",
        activities: "活動",
        foundedOn: "2015-04-01",
        memberCount: "0",
        reason: "",
      });
      expect(res.status).toBe(400);
      expect(fieldError(res.text, "nameKana")).toBe("ひらがな又はカタカナで入力してください");
      expect(fieldError(res.text, "reason")).toBe("理由を入力してください");
      expect(fieldError(res.text, "memberCount")).toContain("会員数は");
      expect(res.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(res.text).not.toContain("<script>alert(1)</script>");
    });

    it("the correction form refuses districts that do not exist, at their fields, and stores nothing", async () => {
      const page = await get(`/admin/groups/${changeGroupId}/correct`, "staff");
      const publishedVersionId = /name="publishedVersionId" value="(\d+)"/.exec(page.text)?.[1] ?? "";
      const versions = await db.groupVersion.count({ where: { groupId: changeGroupId } });
      const form: [string, string][] = [
        ["publishedVersionId", publishedVersionId],
        ["name", "存在しない地区の会"],
        ["nameKana", "そんざいしないちくのかい"],
        ["kind", "volunteer"],
        ["representativeName", "碓氷 花子"],
        ["mainDistrictId", "99999"],
        ["districtIds", "88888"],
        ["activityFields", "1"],
        ["purpose", "目的"],
        ["activities", "活動"],
        ["foundedOn", "2015-04-01"],
        ["memberCount", "12"],
        ["reason", "地区の訂正"],
      ];
      const res = await postForm(server, `/admin/groups/${changeGroupId}/correct`, form, { Cookie: cookies.staff });
      expect(res.status).toBe(400);
      expect(fieldError(res.text, "mainDistrictId")).toBe("選ばれた行政区が見つかりません。一覧から選び直してください");
      expect(fieldError(res.text, "districtIds")).toBe("選ばれた行政区が見つかりません。一覧から選び直してください");
      expect(res.text).toContain('value="存在しない地区の会"');
      expect(await db.groupVersion.count({ where: { groupId: changeGroupId } })).toBe(versions);
      expect((await auditOf(changeGroupId)).map((a) => a.action)).not.toContain("group.corrected");
    });

    it("the renewal page is for representatives: editors are refused, others find nothing", async () => {
      expect((await get(`/my/groups/${changeGroupId}/renew`, "rep")).status).toBe(200);
      expect((await get(`/my/groups/${changeGroupId}/renew`, "editor")).status).toBe(403);
      expect((await get(`/my/groups/${changeGroupId}/renew`, "resident")).status).toBe(404);
      expect((await post(`/my/groups/${changeGroupId}/renew`, "editor", { confirm: "on" })).status).toBe(403);
      const page = await get(`/my/groups/${changeGroupId}/renew`, "rep");
      expect(page.text).toContain("2027年2月1日");
      // Not open yet in September: the post changes nothing.
      expect((await post(`/my/groups/${changeGroupId}/renew`, "rep", { confirm: "on" })).status).toBe(409);
      const missing = await post(`/my/groups/${changeGroupId}/renew`, "rep", {});
      expect(missing.status).toBe(400);
      expect(await db.groupRegistration.count({ where: { groupId: changeGroupId, kind: "renewal" } })).toBe(0);
    });
  });

  describe("6-1 on past dates", () => {
    it("reads each group's profile as it stood then: leaving the volunteer centre counts from the approval of that change", async () => {
      const ids = async (local: string) => (await registeredGroupsAt(jst(local))).map((g) => g.id);
      at("2026-07-01T09:00:00");
      const groupId = await submitNewGroup(rep, await profile({ name: "歴史を数える会" }));
      at("2026-07-02T09:00:00");
      expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });

      at("2026-08-01T09:00:00");
      await submitVersion(rep, groupId, await profile({ name: "歴史を数える会（改称）", volunteerCenter: "" }));
      // The change waits: the approved profile still counts, now and for the past.
      expect(await ids("2026-08-03T09:00:00")).toContain(groupId);
      at("2026-08-05T09:00:00");
      expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });

      expect(await ids("2026-07-02T08:59:59")).not.toContain(groupId);
      const then = (await registeredGroupsAt(jst("2026-07-15T12:00:00"))).find((g) => g.id === groupId);
      expect(then).toMatchObject({ name: "歴史を数える会", volunteerCenter: true });
      expect(await ids("2026-08-05T08:59:59")).toContain(groupId);
      expect(await ids("2026-08-05T09:00:00")).not.toContain(groupId);
      expect(await ids("2026-09-01T09:00:00")).not.toContain(groupId);
      // Still registered and listed: only the 6-1 condition changed.
      expect((await db.group.findMany({ where: listedGroupWhere(jst("2026-09-01T09:00:00")), select: { id: true } })).map((g) => g.id)).toContain(groupId);
    });

    it("counts an NPO法人 only with its main office in the city, unless it is registered at the volunteer centre", async () => {
      // domain.md, 6-1: "an NPO法人 with its main office in the city, or registered at the ボランティアセンター".
      at("2026-10-01T09:00:00");
      const inCity = await submitNewGroup(rep, await profile({ name: "市内に事務所のNPO" }, { npo: true }));
      const outside = await submitNewGroup(rep, await profile({ name: "市外に事務所のNPO" }, { npo: true }).then((p) => ({ ...p, mainOfficeInCity: false })));
      const outsideAtCentre = await submitNewGroup(
        rep,
        await profile({ name: "市外に事務所でセンター登録のNPO" }, { npo: true }).then((p) => ({ ...p, mainOfficeInCity: false, volunteerCenter: true })),
      );
      at("2026-10-02T09:00:00");
      for (const groupId of [inCity, outside, outsideAtCentre]) {
        expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });
      }
      const stored = await db.groupVersion.findFirstOrThrow({ where: { groupId: outside, status: "approved" } });
      expect(stored).toMatchObject({ kind: "npo", mainOfficeInCity: false, volunteerCenter: false });

      const counted = await registeredGroupsAt(jst("2026-10-02T09:00:00"));
      const byId = new Map(counted.map((g) => [g.id, g]));
      expect(byId.get(inCity)).toMatchObject({ kind: "npo", npoInCity: true, volunteerCenter: false });
      expect(byId.has(outside)).toBe(false);
      expect(byId.get(outsideAtCentre)).toMatchObject({ kind: "npo", npoInCity: false, volunteerCenter: true });
      // Registered and listed all the same: only the 6-1 condition leaves it out.
      const listed = (await db.group.findMany({ where: listedGroupWhere(jst("2026-10-02T09:00:00")), select: { id: true } })).map((g) => g.id);
      expect(listed).toEqual(expect.arrayContaining([inCity, outside, outsideAtCentre]));
    });
  });
}
