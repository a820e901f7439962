/**
 * The directory's kept answers (searchDirectory in app/groups/directory.server.ts): an
 * answer is reused while the "directory" change counter and the window of time in which no
 * registration starts, lapses or ends by itself stay the same. Each test first reads an answer
 * so that it is kept, then changes something (a write through the app's functions, a write by a
 * second Prisma client standing for another server or `npm run import:groups`, plain SQL, or
 * only the instant asked about) and reads again with the same client: the new answer must show.
 * Shared by directory-cache.test.ts (SQLite) and directory-cache.postgresql.test.ts.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { directoryPageWithDistricts, listDistrictOptions, searchDirectory, type DirectoryPage } from "../../app/groups/directory.server.ts";
import { saveGroupVersion } from "../../app/groups/editor.server.ts";
import { registrationsToEndWhere } from "../../app/groups/group.server.ts";
import { parseDirectoryQuery } from "../../app/groups/search.ts";
import { submitRenewal } from "../../app/groups/renewal.server.ts";
import { cancelRegistration, decideRenewal, decideVersion } from "../../app/groups/review.server.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { createDb, type Db } from "../../app/platform/db.server.ts";
import { at, db, ensureDistricts, jst, makePerson, profile, submitNewGroup, submittedVersionId, type Person } from "./group-review-support.ts";
import { seedGroup, type SeedGroup } from "./helpers/directory-groups.ts";
import { closeDb } from "./helpers/test-db.ts";

/** One page of the directory for a search word, newest first, at an instant, through a client. */
function search(client: Db, word: string, instant: Date): Promise<DirectoryPage> {
  return searchDirectory(parseDirectoryQuery(new URLSearchParams({ q: word, sort: "new" })), { at: instant, client });
}

function idsOf(page: DirectoryPage): number[] {
  return page.groups.map((g) => g.id).sort((a, b) => a - b);
}

async function listedIds(client: Db, word: string, instant: Date): Promise<number[]> {
  return idsOf(await search(client, word, instant));
}

async function directoryCounter(client: Db): Promise<bigint> {
  return (await client.changeCounter.findUniqueOrThrow({ where: { name: "directory" } })).value;
}

export function defineDirectoryCacheSuite(databaseUrl: () => string) {
  const postgres = databaseUrl().startsWith("postgres");
  /** A second client on the same database: another server, or `npm run import:groups`. */
  let other: Db;
  let staff: Person;
  let district: number;

  const group = (input: SeedGroup, fiscalYear: number | null = 2026) =>
    seedGroup(db, { mainDistrictId: district, ...input }, { fiscalYear });

  beforeAll(async () => {
    const holder = createDb(databaseUrl());
    await holder.ready;
    other = holder.client;
    at("2026-11-24T09:00:00");
    staff = await makePerson("staff");
    [district] = await ensureDistricts();
  });

  afterAll(async () => {
    setClock(null);
    await closeDb(other);
  });

  it("reuses a kept answer: the same search with nothing changed gets the same object, and reading raises no counter", async () => {
    const id = await group({ name: "さくら草の会", nameKana: "サクラソウノカイ" });
    const instant = jst("2026-11-24T12:00:00");
    const counter = await directoryCounter(db);
    const first = await search(db, "さくら草", instant);
    expect(idsOf(first)).toEqual([id]);
    expect(await search(db, "さくら草", instant)).toBe(first);
    // Another instant of the same window (no registration starts or ends between them): the same answer.
    expect(await search(db, "さくら草", jst("2026-12-01T00:00:00"))).toBe(first);
    expect(await directoryCounter(db)).toBe(counter);
    // Each client keeps its own answers.
    const elsewhere = await search(other, "さくら草", instant);
    expect(elsewhere).not.toBe(first);
    expect(elsewhere).toEqual(first);
    expect(await search(other, "さくら草", instant)).toBe(elsewhere);
    expect(await directoryCounter(db)).toBe(counter);
  });

  it("shows a group approved after the answer was kept on the next search", async () => {
    const rep = await makePerson("resident", "repHimawari");
    at("2026-11-24T10:00:00");
    const groupId = await submitNewGroup(rep, await profile({ name: "ひまわり見守り隊", nameKana: "ひまわりみまもりたい" }));
    const instant = jst("2026-11-24T15:00:00");
    const before = await search(db, "ひまわり", instant);
    expect(before.total).toBe(0); // submitted, not approved: not listed
    expect(await search(db, "ひまわり", instant)).toBe(before);

    at("2026-11-24T14:00:00");
    expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });
    const after = await search(db, "ひまわり", instant);
    expect(after).not.toBe(before);
    expect(idsOf(after)).toEqual([groupId]);
    expect(after.total).toBe(1);
  });

  it("shows a cancellation written by another client on the next search through the first", async () => {
    const first = await group({ name: "つばき愛好会一", nameKana: "ツバキアイコウカイイチ" });
    const second = await group({ name: "つばき愛好会二", nameKana: "ツバキアイコウカイニ" });
    const instant = jst("2026-11-25T12:00:00");
    expect(await listedIds(db, "つばき", instant)).toEqual([first, second]);

    // The other client cancels the first as cancelRegistration does: the group's state, and the
    // registrations valid now or later end now.
    const cancelledAt = jst("2026-11-25T10:00:00");
    await other.$transaction(async (tx) => {
      await tx.group.update({ where: { id: first }, data: { state: "cancelled" } });
      const ended = await tx.groupRegistration.updateMany({
        where: registrationsToEndWhere(first, cancelledAt),
        data: { endedAt: cancelledAt, endReason: "cancelled" },
      });
      expect(ended.count).toBe(1);
    });
    expect(await listedIds(db, "つばき", instant)).toEqual([second]);

    // The other way round: the other client keeps an answer, the app's cancelRegistration writes
    // through the app's client, and the other client's next search no longer lists the group.
    expect(await listedIds(other, "つばき", instant)).toEqual([second]);
    at("2026-11-25T11:00:00");
    expect(await cancelRegistration(staff, second, "解散したため")).toEqual({ ok: true });
    expect(await listedIds(other, "つばき", instant)).toEqual([]);
    expect(await listedIds(db, "つばき", instant)).toEqual([]);
  });

  it("shows a district renamed by plain SQL through another client in the next answer", async () => {
    const renamed = await db.district.create({ data: { code: "099", name: "松井田区", nameKana: "マツイダク" } });
    const id = await group({ name: "あおい学習会", nameKana: "アオイガクシュウカイ", mainDistrictId: renamed.id });
    const instant = jst("2026-11-26T12:00:00");
    const before = await search(db, "あおい", instant);
    expect(before.groups.map((g) => [g.id, g.mainDistrict])).toEqual([[id, "松井田区"]]);
    expect(await search(db, "あおい", instant)).toBe(before);

    const changed = await other.$executeRawUnsafe(`UPDATE "District" SET "name" = '松井田新区' WHERE "id" = ${renamed.id}`);
    expect(changed).toBe(1);
    const after = await search(db, "あおい", instant);
    expect(after.groups.map((g) => [g.id, g.mainDistrict])).toEqual([[id, "松井田新区"]]);
  });

  it("drops an unrenewed group at 2027-04-01 00:00:00.000 with no write, and lists it again when asked about an earlier instant", async () => {
    const id = await group({ name: "すみれ読書会", nameKana: "スミレドクショカイ" });
    const registration = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId: id, fiscalYear: 2026 } } });
    expect(registration.validUntil).toEqual(jst("2027-04-01T00:00:00"));
    expect(registration.renewalSubmittedAt).toBeNull();

    const counter = await directoryCounter(db);
    const evening = await search(db, "すみれ", jst("2027-03-31T23:00:00"));
    expect(idsOf(evening)).toEqual([id]);
    const lastMoment = await search(db, "すみれ", new Date(jst("2027-04-01T00:00:00").getTime() - 1));
    expect(lastMoment).toBe(evening); // the same window: kept
    expect(idsOf(lastMoment)).toEqual([id]);
    expect(await listedIds(db, "すみれ", jst("2027-04-01T00:00:00"))).toEqual([]);
    expect(await listedIds(db, "すみれ", jst("2027-04-01T00:00:00.001"))).toEqual([]);
    // Back in time: listed again.
    expect(await listedIds(db, "すみれ", jst("2027-03-31T23:00:00"))).toEqual([id]);
    expect(await listedIds(db, "すみれ", jst("2027-04-01T00:00:00"))).toEqual([]);
    expect(await directoryCounter(db)).toBe(counter);
  });

  it("follows every time column of the listing rule (validFrom, endedAt, renewalDecidedAt) without a write", async () => {
    // Instants in FY2027, later than every time written by the tests before.
    const starts = jst("2027-06-10T09:00:00");
    const ends = jst("2027-06-15T09:00:00");
    const decided = jst("2027-06-20T09:00:00");
    const fy2027 = { validUntil: jst("2028-04-01T00:00:00"), fiscalYear: 2027, status: "approved", submittedAt: jst("2027-01-10T09:00:00") };
    const starting = await group({ name: "あやめ合唱団", nameKana: "アヤメガッショウダン" }, null);
    await db.groupRegistration.create({ data: { groupId: starting, kind: "initial", ...fy2027, decidedAt: starts, validFrom: starts } });
    const ending = await group({ name: "かえで体操会", nameKana: "カエデタイソウカイ" }, null);
    await db.groupRegistration.create({
      data: { groupId: ending, kind: "initial", ...fy2027, decidedAt: fy2027.submittedAt, validFrom: jst("2027-04-01T00:00:00"), endedAt: ends, endReason: "withdrawn" },
    });
    // FY2026, renewed in March and decided (rejected) only on June 20: valid until then.
    const renewing = await group({ name: "もみじ清掃隊", nameKana: "モミジセイソウタイ" });
    await db.groupRegistration.update({
      where: { groupId_fiscalYear: { groupId: renewing, fiscalYear: 2026 } },
      data: { renewalSubmittedAt: jst("2027-03-10T12:00:00"), renewalDecidedAt: decided, endReason: "renewal_rejected" },
    });

    const counter = await directoryCounter(db);
    const cases: [string, number, Date, boolean][] = [
      ["あやめ", starting, starts, false],
      ["かえで", ending, ends, true],
      ["もみじ", renewing, decided, true],
    ];
    for (const [word, id, instant, listedBefore] of cases) {
      const justBefore = new Date(instant.getTime() - 1);
      // Read and keep the answer just before the instant, then ask at the instant itself.
      expect(await listedIds(db, word, justBefore), `${word} just before`).toEqual(listedBefore ? [id] : []);
      expect(await listedIds(db, word, instant), `${word} at the instant`).toEqual(listedBefore ? [] : [id]);
    }
    expect(await directoryCounter(db)).toBe(counter);
  });

  it("keeps a group with a renewal pending at midnight listed after 2027-04-01 00:00, and shows the decision on the next search", async () => {
    const rep = await makePerson("resident", "repNadeshiko");
    at("2026-05-01T09:00:00");
    const groupId = await submitNewGroup(rep, await profile({ name: "なでしこ子ども食堂", nameKana: "なでしここどもしょくどう" }));
    at("2026-06-01T10:00:00");
    expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });
    at("2027-03-10T12:00:00");
    const submitted = await submitRenewal(rep, groupId);
    expect(submitted).toMatchObject({ ok: true, fiscalYear: 2027 });
    const previous = await db.groupRegistration.findUniqueOrThrow({ where: { groupId_fiscalYear: { groupId, fiscalYear: 2026 } } });
    expect(previous).toMatchObject({ renewalSubmittedAt: jst("2027-03-10T12:00:00"), renewalDecidedAt: null, validUntil: jst("2027-04-01T00:00:00") });

    const counter = await directoryCounter(db);
    expect(await listedIds(db, "なでしこ", new Date(jst("2027-04-01T00:00:00").getTime() - 1))).toEqual([groupId]);
    expect(await listedIds(db, "なでしこ", jst("2027-04-01T00:00:00"))).toEqual([groupId]);
    const pending = await search(db, "なでしこ", jst("2027-04-05T00:00:00"));
    expect(idsOf(pending)).toEqual([groupId]);
    expect(await search(db, "なでしこ", jst("2027-04-05T00:00:00"))).toBe(pending);
    expect(await directoryCounter(db)).toBe(counter);

    at("2027-04-03T10:00:00");
    const renewalId = submitted.ok ? submitted.registrationId : 0;
    expect(await decideRenewal(staff, groupId, renewalId, "reject", "活動実績が確認できません")).toEqual({ ok: true });
    expect(await listedIds(db, "なでしこ", jst("2027-04-05T00:00:00"))).toEqual([]);
    expect(await listedIds(db, "なでしこ", jst("2027-04-03T09:59:59.999"))).toEqual([groupId]);
  });

  it("leaves the counter and a kept answer alone with writes the directory does not show: draft saves, unpublished versions, reminders, unchanged values", async () => {
    const rep = await makePerson("resident", "repFuji");
    at("2026-11-27T09:00:00");
    const groupId = await submitNewGroup(rep, await profile({ name: "ふじ見守り会", nameKana: "ふじみまもりかい" }));
    expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });
    const { publishedVersionId } = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { publishedVersionId: true } });
    const registration = await db.groupRegistration.findFirstOrThrow({ where: { groupId, status: "approved" } });
    const instant = jst("2026-11-27T12:00:00");
    const kept = await search(db, "ふじ見守り", instant);
    expect(idsOf(kept)).toEqual([groupId]);
    const before = await directoryCounter(db);

    // The representative saves a change as a draft twice (a new working version, then an update of it).
    at("2026-11-27T10:00:00");
    const draft = { profile: await profile({ name: "ふじ見守り会", nameKana: "ふじみまもりかい", purpose: "見守りの範囲を広げる案。" }), submit: false, logo: { kind: "keep" as const } };
    expect(await saveGroupVersion(rep, groupId, draft)).toEqual({ ok: true, submitted: false });
    expect(await saveGroupVersion(rep, groupId, draft)).toEqual({ ok: true, submitted: false });
    const working = await db.groupVersion.findFirstOrThrow({ where: { groupId, status: "draft" } });
    expect(await directoryCounter(db)).toBe(before);

    // Another client: columns the directory does not read, and values written as they were.
    const unseen: [string, () => Promise<unknown>][] = [
      ["the group's lock and state", () => other.group.update({ where: { id: groupId }, data: { updatedAt: new Date(), state: "active" } })],
      ["shown group columns as they were", () => other.$executeRawUnsafe(`UPDATE "Group" SET "name" = "name", "searchText" = "searchText" WHERE "id" = ${groupId}`)],
      ["the draft's purpose", () => other.$executeRawUnsafe(`UPDATE "GroupVersion" SET "purpose" = 'まだ下書きの目的' WHERE "id" = ${working.id}`)],
      ["the published version's phone", () => other.$executeRawUnsafe(`UPDATE "GroupVersion" SET "phone" = '027-382-0000', "purpose" = "purpose" WHERE "id" = ${publishedVersionId}`)],
      ["a renewal reminder sent", () => other.groupRegistration.update({ where: { id: registration.id }, data: { reminderSentAt: new Date() } })],
      ["activity fields as they were", () => other.$executeRawUnsafe(`UPDATE "GroupField" SET "field" = "field" WHERE "groupId" = ${groupId}`)],
      ["a district's kana and area", () => other.$executeRawUnsafe(`UPDATE "District" SET "nameKana" = "nameKana", "area" = 'あんなか' WHERE "id" = ${district}`)],
    ];
    for (const [what, write] of unseen) {
      await write();
      expect(await directoryCounter(db), what).toBe(before);
    }
    // A pending registration is not shown either.
    await other.groupRegistration.create({
      data: { groupId, fiscalYear: 2027, kind: "renewal", status: "pending", submittedAt: instant, validUntil: jst("2028-04-01T00:00:00") },
    });
    // Nor are tables the directory does not read.
    await other.rateLimitCounter.create({ data: { id: `directory-cache-${groupId}`, windowStart: instant, count: 1 } });
    await other.auditEntry.create({
      data: { id: `directory-cache-${groupId}`, actorRole: "system", action: "test.directory_cache", targetType: "group", targetId: String(groupId) },
    });
    await other.groupMembership.create({ data: { groupId, userId: staff.id, role: "editor" } });
    expect(await directoryCounter(db)).toBe(before);
    expect(await search(db, "ふじ見守り", instant)).toBe(kept);
  });

  it("raises the counter with a change of each column kind the directory shows, through any client", async () => {
    const id = await group({ name: "はぎ見守り会", nameKana: "ハギミマモリカイ", activityFields: [1, 13], districtIds: [district] });
    const { publishedVersionId } = await db.group.findUniqueOrThrow({ where: { id }, select: { publishedVersionId: true } });
    const registration = await db.groupRegistration.findFirstOrThrow({ where: { groupId: id } });
    const shown: [string, () => Promise<unknown>][] = [
      ["Group", () => other.$executeRawUnsafe(`UPDATE "Group" SET "name" = 'はぎ見守りの会' WHERE "id" = ${id}`)],
      ["published GroupVersion", () => other.$executeRawUnsafe(`UPDATE "GroupVersion" SET "purpose" = '萩の里の見守り。' WHERE "id" = ${publishedVersionId}`)],
      ["approved GroupRegistration", () => other.groupRegistration.update({ where: { id: registration.id }, data: { renewalSubmittedAt: jst("2027-03-01T09:00:00") } })],
      ["GroupField", () => other.$executeRawUnsafe(`INSERT INTO "GroupField" ("groupId", "field") VALUES (${id}, 2)`)],
      ["GroupDistrict", () => other.$executeRawUnsafe(`DELETE FROM "GroupDistrict" WHERE "groupId" = ${id} AND "districtId" = ${district}`)],
      ["District", () => other.$executeRawUnsafe(`UPDATE "District" SET "name" = "name" || '（新）' WHERE "id" = ${district}`)],
    ];
    for (const [table, write] of shown) {
      const before = await directoryCounter(db);
      await write();
      expect(await directoryCounter(db), table).toBe(before + 1n);
    }
  });

  it(`raises the counter ${postgres ? "exactly once" : "at least once"} for an approval that writes many rows in one transaction`, async () => {
    const rep = await makePerson("resident", "repKiku");
    at("2026-11-28T09:00:00");
    const groupId = await submitNewGroup(rep, await profile({ name: "きく文化の会", nameKana: "きくぶんかのかい" }));
    const before = await directoryCounter(db);
    expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });
    const raised = (await directoryCounter(db)) - before;
    // PostgreSQL: one deferred bump at the commit; SQLite: one per row changed (one writer at a time anyway).
    if (postgres) expect(raised).toBe(1n);
    else expect(raised).toBeGreaterThan(0n);
    expect(await listedIds(other, "きく文化", jst("2026-11-28T12:00:00"))).toEqual([groupId]);
  });

  it("shows a district renamed through another client in the next district list (the directory's filter)", async () => {
    const renamed = await db.district.create({ data: { code: "098", name: "後閑区", nameKana: "ゴカンク" } });
    const nameIn = async (client: Db) => (await listDistrictOptions(client)).find((d) => d.id === renamed.id)?.name;
    expect(await nameIn(db)).toBe("後閑区");
    expect(await listDistrictOptions(db)).toBe(await listDistrictOptions(db)); // kept while nothing changes
    await other.district.update({ where: { id: renamed.id }, data: { name: "後閑新区" } });
    expect(await nameIn(db)).toBe("後閑新区");
  });

  it("gives the directory page and its district list under one reading of the counter: the kept ones, new ones after a change", async () => {
    const query = parseDirectoryQuery(new URLSearchParams({ q: "文化", sort: "new" }));
    const instant = jst("2026-11-28T12:30:00");
    const first = await directoryPageWithDistricts(query, { at: instant, client: db });
    expect(first.result).toBe(await searchDirectory(query, { at: instant, client: db }));
    expect(first.districts).toBe(await listDistrictOptions(db));
    const again = await directoryPageWithDistricts(query, { at: instant, client: db });
    expect([again.result, again.districts]).toEqual([first.result, first.districts]);
    expect(again.result).toBe(first.result);
    expect(again.districts).toBe(first.districts);
    const renamed = await db.district.create({ data: { code: "095", name: "碓氷区", nameKana: "ウスイク" } });
    const after = await directoryPageWithDistricts(query, { at: instant, client: db });
    expect(after.result).not.toBe(first.result);
    expect(after.districts).not.toBe(first.districts);
    expect(after.districts.find((d) => d.id === renamed.id)?.name).toBe("碓氷区");
  });

  it.runIf(postgres)("keeps writers from queueing at the counter: a draft save and another rename finish while a transaction with a rename is open", async () => {
    const rep = await makePerson("resident", "repKaki");
    at("2026-11-29T09:00:00");
    const groupId = await submitNewGroup(rep, await profile({ name: "かき育ての会", nameKana: "かきそだてのかい" }));
    expect(await decideVersion(staff, groupId, await submittedVersionId(groupId), "approve", "")).toEqual({ ok: true });
    const [held, free] = await Promise.all([
      db.district.create({ data: { code: "097", name: "原市区", nameKana: "ハライチク" } }),
      db.district.create({ data: { code: "096", name: "郷原区", nameKana: "ゴウバラク" } }),
    ]);
    const before = await directoryCounter(db);

    // Another server is in the middle of a transaction that changes what the directory shows.
    const open = new pg.Client({ connectionString: databaseUrl() });
    open.on("error", () => {});
    await open.connect();
    try {
      await open.query("BEGIN");
      await open.query(`UPDATE "District" SET "name" = '原市新区' WHERE "id" = $1`, [held.id]);

      // Meanwhile a resident saves a draft and staff rename another district, each in its own transaction.
      const draft = { profile: await profile({ name: "かき育ての会", nameKana: "かきそだてのかい" }), submit: false, logo: { kind: "keep" as const } };
      expect(await saveGroupVersion(rep, groupId, draft)).toEqual({ ok: true, submitted: false });
      expect(await directoryCounter(db)).toBe(before);
      await other.district.update({ where: { id: free.id }, data: { name: "郷原新区" } });
      expect(await directoryCounter(db)).toBe(before + 1n);

      await open.query("COMMIT");
    } finally {
      await open.end();
    }
    expect(await directoryCounter(db)).toBe(before + 2n);
    const names = new Map((await listDistrictOptions(db)).map((d) => [d.id, d.name]));
    expect([names.get(held.id), names.get(free.id)]).toEqual(["原市新区", "郷原新区"]);
  });
}
