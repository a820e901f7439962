/**
 * Registration validity across the fiscal-year boundary, with the app's clock set: what the
 * 6-1 count and the directory include at 2027-03-31 23:59 and 2027-04-01 00:00 (Asia/Tokyo),
 * renewals pending at midnight, decided later, approved and rejected, the first approval in
 * February, late renewal after a lapse, the reminder and lapse jobs.
 * Shared by group-validity.test.ts (SQLite) and group-validity.postgresql.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listJobs } from "../../app/platform/jobs/scheduler.server.ts";
import { registerDefaultJobs } from "../../app/platform/jobs/index.server.ts";
import { countRegisteredGroups, registeredGroupsAt } from "../../app/groups/public.server.ts";
import { listedGroupWhere } from "../../app/groups/group.server.ts";
import { searchDirectory } from "../../app/groups/directory.server.ts";
import { DIRECTORY_PAGE_SIZE, parseDirectoryQuery } from "../../app/groups/search.ts";
import { markLapsedRegistrations, renewalPage, sendRenewalReminders, submitRenewal } from "../../app/groups/renewal.server.ts";
import { decideRenewal, decideVersion } from "../../app/groups/review.server.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { at, db, jst, mailsTo, makePerson, submitNewGroup, submittedVersionId, type Person } from "./group-review-support.ts";

/** The groups listed at an instant; the directory's own SQL (listedGroupSql) must list the same. */
async function listedIds(instant: Date): Promise<number[]> {
  const ids = (await db.group.findMany({ where: listedGroupWhere(instant), select: { id: true }, orderBy: { id: "asc" } })).map((g) => g.id);
  const directory = await searchDirectory(parseDirectoryQuery(new URLSearchParams("sort=new")), { at: instant, client: db });
  expect(directory.total).toBe(ids.length);
  expect(directory.groups.map((g) => g.id).sort((a, b) => a - b)).toEqual(ids.slice(-DIRECTORY_PAGE_SIZE));
  return ids;
}

async function countedIds(instant: Date): Promise<number[]> {
  return (await registeredGroupsAt(instant)).map((g) => g.id).sort((a, b) => a - b);
}

export function defineGroupValiditySuite() {
  let staff: Person;
  const reps: Record<string, Person> = {};
  const ids: Record<string, number> = {};
  let baseline = 0;

  afterAll(() => {
    setClock(null);
  });

  beforeAll(async () => {
    at("2026-05-01T09:00:00");
    staff = await makePerson("staff");
    // A: never renews. B: renewal pending at midnight, rejected later. C: pending at midnight, approved later.
    for (const name of ["A", "B", "C"]) {
      reps[name] = await makePerson("resident", `rep${name}`);
      at("2026-05-01T09:00:00");
      ids[name] = await submitNewGroup(reps[name]);
      at("2026-06-01T10:00:00");
      const outcome = await decideVersion(staff, ids[name], await submittedVersionId(ids[name]), "approve", "");
      expect(outcome).toEqual({ ok: true });
    }
    baseline = await countRegisteredGroups(jst("2026-06-01T10:00:00"));
  });

  it("an approval before February covers the current fiscal year only, from the moment of approval", async () => {
    const registrations = await db.groupRegistration.findMany({ where: { groupId: ids.A } });
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toMatchObject({ fiscalYear: 2026, kind: "initial", status: "approved" });
    expect(registrations[0].validFrom).toEqual(jst("2026-06-01T10:00:00"));
    expect(registrations[0].validUntil).toEqual(jst("2027-04-01T00:00:00"));
    expect(baseline).toBe(3);
    expect(await countedIds(jst("2026-06-01T09:59:59"))).toEqual([]);
  });

  it("renewal opens on February 1 (Tokyo) and not before", async () => {
    at("2027-01-31T23:59:59");
    expect((await renewalPage(reps.B, ids.B))?.status).toMatchObject({ kind: "notYet", fiscalYear: 2027, opensOn: "2027-02-01" });
    expect(await submitRenewal(reps.B, ids.B)).toMatchObject({ ok: false, status: { kind: "notYet" } });
    expect(await db.groupRegistration.count({ where: { groupId: ids.B, fiscalYear: 2027 } })).toBe(0);
    at("2027-02-01T00:00:00");
    expect((await renewalPage(reps.B, ids.B))?.status).toMatchObject({ kind: "open", fiscalYear: 2027 });
  });

  it("reminds each unrenewed group once from February 1, again in the last week of March, and never twice", async () => {
    at("2027-01-31T08:00:00");
    expect(await sendRenewalReminders()).toEqual({ reminded: 0, mails: 0 });

    at("2027-02-01T09:00:00");
    expect(await sendRenewalReminders()).toMatchObject({ reminded: 3, mails: 3 });
    expect(await sendRenewalReminders()).toMatchObject({ reminded: 0 });
    const reminders = async (person: Person) => (await mailsTo(person.email)).filter((m) => m.subject.includes("更新のお願い") || m.subject.includes("有効期限"));
    const first = await reminders(reps.A);
    expect(first).toHaveLength(1);
    expect(first[0].subject).toContain("更新のお願い");
    expect(first[0].text).toContain("/my/groups/" + ids.A + "/renew");
    expect(first[0].text).toContain("2027年3月31日");
    // Japanese first, English below.
    expect(first[0].text.indexOf("の登録は")).toBeLessThan(first[0].text.indexOf("The registration of"));

    // B and C renew in March; A does not.
    at("2027-03-10T12:00:00");
    for (const name of ["B", "C"]) {
      const result = await submitRenewal(reps[name], ids[name]);
      expect(result).toMatchObject({ ok: true, fiscalYear: 2027 });
    }
    expect(await submitRenewal(reps.B, ids.B)).toMatchObject({ ok: false, status: { kind: "pending" } });
    const kept = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: ids.B, fiscalYear: 2026 } } });
    expect(kept.renewalSubmittedAt).toEqual(jst("2027-03-10T12:00:00"));

    at("2027-03-24T23:59:00");
    expect(await sendRenewalReminders()).toMatchObject({ reminded: 0 });
    at("2027-03-25T09:00:00");
    expect(await sendRenewalReminders()).toMatchObject({ reminded: 1, mails: 1 });
    expect(await sendRenewalReminders()).toMatchObject({ reminded: 0 });
    const second = await reminders(reps.A);
    expect(second).toHaveLength(2);
    expect(second.map((m) => m.subject).join("\n")).toContain("有効期限が近づいています");
    expect(await reminders(reps.B)).toHaveLength(1);
  });

  it("at 2027-03-31 23:59 an unrenewed group is counted and listed; at 2027-04-01 00:00 it is not", async () => {
    const before = jst("2027-03-31T23:59:00");
    const midnight = jst("2027-04-01T00:00:00");
    expect(await countRegisteredGroups(before)).toBe(3);
    expect(await listedIds(before)).toEqual([ids.A, ids.B, ids.C].sort((a, b) => a - b));
    expect(await countRegisteredGroups(new Date(midnight.getTime() - 1))).toBe(3);

    // Renewals pending at midnight keep B and C counted and listed; A leaves at that instant.
    expect(await countRegisteredGroups(midnight)).toBe(2);
    expect(await listedIds(midnight)).toEqual([ids.B, ids.C].sort((a, b) => a - b));
    expect(await countedIds(midnight)).not.toContain(ids.A);
  });

  it("the lapse job records how an unrenewed registration ended, once, and leaves kept ones alone", async () => {
    at("2027-03-31T23:00:00");
    expect(await markLapsedRegistrations()).toBe(0);
    at("2027-04-01T03:00:00");
    expect(await markLapsedRegistrations()).toBe(1);
    expect(await markLapsedRegistrations()).toBe(0);
    const lapsed = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: ids.A, fiscalYear: 2026 } } });
    expect(lapsed.endReason).toBe("expired");
    const kept = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: ids.B, fiscalYear: 2026 } } });
    expect(kept.endReason).toBeNull();
  });

  it("a rejected renewal stops the group being counted from the instant of the decision", async () => {
    const decision = at("2027-04-03T10:00:00");
    const renewal = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: ids.B, fiscalYear: 2027 } } });
    expect(await decideRenewal(staff, ids.B, renewal.id, "reject", "活動実績が確認できません")).toEqual({ ok: true });
    expect(await countedIds(new Date(decision.getTime() - 1))).toContain(ids.B);
    expect(await countedIds(decision)).not.toContain(ids.B);
    expect(await listedIds(decision)).not.toContain(ids.B);
    const old = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: ids.B, fiscalYear: 2026 } } });
    expect(old).toMatchObject({ renewalDecidedAt: decision, endReason: "renewal_rejected" });
    expect(await db.groupRegistration.findUniqueOrThrow({ where: { id: renewal.id } })).toMatchObject({ status: "rejected", validFrom: null });
    // The lapse job does not overwrite how it ended.
    expect(await markLapsedRegistrations()).toBe(0);
    expect((await renewalPage(reps.B, ids.B))?.status).toMatchObject({ kind: "rejected", fiscalYear: 2027 });
  });

  it("an approved renewal continues through FY2027 without a gap and ends with it", async () => {
    const decision = at("2027-04-05T15:00:00");
    const renewal = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: ids.C, fiscalYear: 2027 } } });
    expect(await decideRenewal(staff, ids.C, renewal.id, "approve", "")).toEqual({ ok: true });
    const approved = await db.groupRegistration.findUniqueOrThrow({ where: { id: renewal.id } });
    expect(approved).toMatchObject({ status: "approved", decidedById: staff.id });
    expect(approved.validFrom).toEqual(jst("2027-04-01T00:00:00"));
    expect(approved.validUntil).toEqual(jst("2028-04-01T00:00:00"));
    const old = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: ids.C, fiscalYear: 2026 } } });
    expect(old).toMatchObject({ renewalDecidedAt: decision, endReason: "renewed" });
    for (const instant of ["2027-04-01T00:00:00", "2027-04-05T14:59:59", "2027-04-05T15:00:00", "2028-03-31T23:59:59"]) {
      expect(await countedIds(jst(instant)), instant).toContain(ids.C);
    }
    expect(await countedIds(jst("2028-04-01T00:00:00"))).not.toContain(ids.C);
    // Renewal into FY2028 opens on 2028-02-01.
    expect((await renewalPage(reps.C, ids.C))?.status).toMatchObject({ kind: "notYet", fiscalYear: 2028, opensOn: "2028-02-01" });
    const mails = await mailsTo(reps.C.email);
    expect(mails.at(-1)?.subject).toContain("更新が承認されました");
  });

  it("a first approval on 2027-02-10 covers FY2026 and FY2027 as two records", async () => {
    const rep = await makePerson("resident", "repE");
    at("2027-02-05T09:00:00");
    const groupId = await submitNewGroup(rep);
    const decision = at("2027-02-10T10:00:00");
    expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });
    const registrations = await db.groupRegistration.findMany({ where: { groupId }, orderBy: { fiscalYear: "asc" } });
    expect(registrations.map((r) => [r.fiscalYear, r.status, r.kind])).toEqual([
      [2026, "approved", "initial"],
      [2027, "approved", "initial"],
    ]);
    expect(registrations[0].validFrom).toEqual(decision);
    expect(registrations[0].validUntil).toEqual(jst("2027-04-01T00:00:00"));
    expect(registrations[1].validFrom).toEqual(jst("2027-04-01T00:00:00"));
    expect(registrations[1].validUntil).toEqual(jst("2028-04-01T00:00:00"));
    expect(await countedIds(jst("2027-04-01T00:00:00"))).toContain(groupId);
    expect(await countedIds(jst("2028-03-31T23:59:00"))).toContain(groupId);
    expect((await renewalPage(rep, groupId))?.status).toMatchObject({ kind: "done", fiscalYear: 2027 });
    const mail = (await mailsTo(rep.email)).at(-1);
    expect(mail?.text).toContain("令和8年度");
    expect(mail?.text).toContain("令和9年度");
    expect(mail?.text).toContain("2028年3月31日");
    // Nothing to remind: the next year is covered.
    at("2027-03-26T09:00:00");
    await sendRenewalReminders();
    expect((await mailsTo(rep.email)).filter((m) => m.subject.includes("更新のお願い") || m.subject.includes("有効期限"))).toHaveLength(0);
  });

  it("after a lapse, a late renewal is for the current year and counts from its approval", async () => {
    at("2027-04-10T09:00:00");
    expect((await renewalPage(reps.A, ids.A))?.status).toMatchObject({ kind: "late", fiscalYear: 2027 });
    const submitted = await submitRenewal(reps.A, ids.A);
    expect(submitted).toMatchObject({ ok: true, fiscalYear: 2027 });
    const lapsed = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: ids.A, fiscalYear: 2026 } } });
    expect(lapsed.renewalSubmittedAt).toBeNull();
    expect(await countedIds(jst("2027-04-10T09:00:00"))).not.toContain(ids.A);

    const decision = at("2027-04-12T11:00:00");
    const registrationId = submitted.ok ? submitted.registrationId : 0;
    expect(await decideRenewal(staff, ids.A, registrationId, "approve", "")).toEqual({ ok: true });
    expect((await db.groupRegistration.findUniqueOrThrow({ where: { id: registrationId } })).validFrom).toEqual(decision);
    expect(await countedIds(new Date(decision.getTime() - 1))).not.toContain(ids.A);
    expect(await countedIds(decision)).toContain(ids.A);
    expect(await listedIds(decision)).toContain(ids.A);
    // The lapsed record keeps how it ended.
    expect((await db.groupRegistration.findUniqueOrThrow({ where: { id: lapsed.id } })).endReason).toBe("expired");
  });

  it("registers both daily jobs", () => {
    registerDefaultJobs();
    const jobs = listJobs();
    for (const name of ["groups.renewal-reminders", "groups.lapse"]) {
      expect(jobs.find((j) => j.name === name)?.everyMs).toBe(24 * 60 * 60_000);
    }
  });

  describe("the job functions run by the scheduler", () => {
    it("do nothing harmful when run again", async () => {
      at("2027-04-20T09:00:00");
      for (const job of listJobs().filter((j) => j.name.startsWith("groups."))) await job.run({ now: jst("2027-04-20T09:00:00") });
      expect(await countRegisteredGroups(jst("2027-04-20T09:00:00"))).toBe(3); // A (late), C, E
    });
  });
}
