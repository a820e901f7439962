/**
 * The admin area against a real database, shared by admin.test.ts (SQLite) and
 * admin.postgresql.test.ts: model functions called directly (the import, roles, the last-admin
 * rule, audit entries) and a real server process for what only HTTP shows (403s, 400s,
 * multipart upload of a Shift_JIS file).
 *
 * The app's `db` is a process-wide client for DATABASE_URL, made when db.server.ts is first
 * imported: prepareDatabase() sets DATABASE_URL before anything imports it, and the suite
 * imports the models only in beforeAll.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropPostgres, migratedPostgres, migratedSqliteFile, postgresProblem } from "./helpers/templates.ts";

export type Provider = "sqlite" | "postgresql";
export type PreparedDatabase = { provider: Provider; url: string; drop(): Promise<void> };

/** null when the PostgreSQL admin server answers; the reason otherwise. */
export const postgresReachable = postgresProblem;

/** A fresh migrated database (a copy of the run's template), made the app's DATABASE_URL. Call before importing anything from app/. */
export async function prepareDatabase(provider: Provider): Promise<PreparedDatabase> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-admin-test-"));
    const file = path.join(dir, "admin.db");
    await migratedSqliteFile(file);
    const url = `file:${file}`;
    process.env.DATABASE_URL = url;
    return { provider, url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const { name, url } = await migratedPostgres("portal_admin");
  process.env.DATABASE_URL = url;
  return { provider, url, drop: () => dropPostgres(name) };
}

// ---------------------------------------------------------------------------------------
// CSV fixtures

const HEADERS = [
  "都道府県コード又は市区町村コード",
  "NO",
  "都道府県名",
  "市区町村名",
  "名称",
  "名称_カナ",
  "名称_通称",
  "POIコード",
  "住所",
  "方書",
  "緯度",
  "経度",
  "電話番号",
  "内線番号",
  "法人番号",
  "団体名",
  "利用可能曜日",
  "開始時間",
  "終了時間",
  "利用可能日時特記事項",
  "説明",
  "バリアフリー情報",
  "URL",
  "備考",
  "行政区コード",
];

/** One CSV record from named cells (the rest empty), quoted the RFC 4180 way where needed. */
export function csvRow(cells: Record<string, string>): string {
  return HEADERS.map((h) => {
    const v = cells[h] ?? "";
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(",");
}

export const CSV_HEADER = HEADERS.join(",");

/**
 * A Shift_JIS encoder built from the platform's decoder (there is no encoder in Node and no
 * iconv here): every one- and two-byte code is decoded once and the table reversed.
 */
export function shiftJisEncoder(): (text: string) => Uint8Array<ArrayBuffer> {
  const decoder = new TextDecoder("shift_jis");
  const table = new Map<string, number[]>();
  for (let b = 0x00; b < 0x80; b++) table.set(String.fromCharCode(b), [b]);
  for (let b = 0xa1; b <= 0xdf; b++) table.set(decoder.decode(new Uint8Array([b])), [b]);
  const leads = [...Array.from({ length: 0x1f }, (_, i) => 0x81 + i), ...Array.from({ length: 0x1d }, (_, i) => 0xe0 + i)];
  for (const lead of leads) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no Shift_JIS code for ${ch}`);
      out.push(...bytes);
    }
    return new Uint8Array(out);
  };
}

// ---------------------------------------------------------------------------------------

type Models = {
  db: typeof import("../../app/platform/db.server.ts").db;
  centers: typeof import("../../app/districts/centers.server.ts");
  directory: typeof import("../../app/groups/directory.server.ts");
  users: typeof import("../../app/accounts/user-admin.server.ts");
  dashboard: typeof import("../../app/admin/dashboard.server.ts");
  session: typeof import("../../app/auth/session.server.ts");
  server: typeof import("./helpers/server-process.ts");
};

/** A person as the domain functions take them. */
type Person = { id: string; role: "resident" | "staff" | "admin"; emailVerified: true; totpEnabled: boolean; districtIds: number[] };

export function defineAdminSuite(database: () => PreparedDatabase) {
  let m: Models;
  let admin: Person;
  let admin2: Person;
  let staff: Person;
  let resident: Person;

  async function makeUser(email: string, role: Person["role"], { totp = role !== "resident" } = {}): Promise<Person> {
    const now = new Date();
    const user = await m.db.user.create({
      data: {
        id: crypto.randomUUID(),
        email,
        displayName: email.split("@")[0],
        passwordHash: "not-a-real-hash",
        role,
        emailVerifiedAt: now,
        totpSecret: totp ? "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" : null,
        totpEnabledAt: totp ? now : null,
      },
    });
    return { id: user.id, role, emailVerified: true, totpEnabled: totp, districtIds: [] };
  }

  async function auditCount(action?: string) {
    return m.db.auditEntry.count({ where: action ? { action } : {} });
  }

  beforeAll(async () => {
    const [{ db, connectDb }, centers, directory, users, dashboard, session, server, seed] = await Promise.all([
      import("../../app/platform/db.server.ts"),
      import("../../app/districts/centers.server.ts"),
      import("../../app/groups/directory.server.ts"),
      import("../../app/accounts/user-admin.server.ts"),
      import("../../app/admin/dashboard.server.ts"),
      import("../../app/auth/session.server.ts"),
      import("./helpers/server-process.ts"),
      import("../../prisma/seed.ts"),
    ]);
    await connectDb();
    m = { db, centers, directory, users, dashboard, session, server };
    await seed.seedDemo(db);
    const demoAdmin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.annaka.example" } });
    admin = { id: demoAdmin.id, role: "admin", emailVerified: true, totpEnabled: true, districtIds: [] };
    admin2 = await makeUser("second-admin@example.jp", "admin");
    staff = await makeUser("staff-member@example.jp", "staff");
    resident = await makeUser("yamada.hanako@example.jp", "resident");
  });

  afterAll(async () => {
    // Drop first: on PostgreSQL, DROP … WITH (FORCE) ends every connection of the app's pool —
    // including one a serializable transaction refused at COMMIT may still hold, on which
    // $disconnect would otherwise wait — and closeDb then ends the pool without that wait.
    const { closeDb } = await import("./helpers/test-db.ts");
    const ending = m ? closeDb(m.db) : Promise.resolve();
    await database().drop();
    await ending;
  });

  describe("centre CSV import", () => {
    const NEW_NAME = "テスト公民館";
    const csv = [
      CSV_HEADER,
      // 2: an existing centre with a new phone number and two districts → update
      csvRow({
        名称: "安中一区住民センター",
        名称_カナ: "アンナカイックジュウミンセンター",
        住所: "群馬県安中市安中1丁目14-30",
        緯度: "36.329920",
        経度: "138.884890",
        電話番号: "027-300-9999",
        利用可能曜日: "月火水木金土日",
        開始時間: "09:00",
        終了時間: "21:00",
        バリアフリー情報: "段差なし、多目的トイレあり",
        行政区コード: "001;002",
      }),
      // 3: new, with a comma and a line break in a quoted cell, a code Excel stripped of its zeros,
      //    full-width digits, and a formula-escaped remark → create
      csvRow({
        名称: NEW_NAME,
        緯度: "３６.３",
        経度: "138.9",
        電話番号: "0273000000",
        開始時間: "9:00",
        説明: "会議室、和室\r\n駐車場10台",
        URL: "https://www.city.annaka.example.jp/center",
        備考: "'=1+1",
        行政区コード: "3",
      }),
      // 4: latitude out of range and a javascript: URL → refused
      csvRow({ 名称: "壊れた行センター", 緯度: "91", URL: "javascript:alert(1)", 行政区コード: "004" }),
      // 5: unknown district code → refused
      csvRow({ 名称: "不明コードセンター", 行政区コード: "004;999" }),
      // 6: no name → refused
      csvRow({ 名称: "", 住所: "どこか", 行政区コード: "005" }),
      // 7: the same name as row 3 → refused
      csvRow({ 名称: NEW_NAME, 行政区コード: "006" }),
      // 8: too few cells → refused
      "102113,8,群馬県,安中市,短すぎる行",
      // 9: blank → skipped
      "",
      // 10: an existing centre exactly as stored → unchanged
      csvRow({
        名称: "安中二区住民センター",
        名称_カナ: "アンナカニクジュウミンセンター",
        住所: "群馬県安中市安中2丁目8-19",
        緯度: "36.323220",
        経度: "138.890800",
        電話番号: "027-300-0102",
        利用可能曜日: "月火水木金土日",
        開始時間: "09:00",
        終了時間: "21:00",
        バリアフリー情報: "段差なし、多目的トイレあり",
        行政区コード: "002",
      }),
    ].join("\r\n");

    it("previews row by row, with row numbers and reasons, and writes nothing", async () => {
      const before = await m.db.communityCenter.findUniqueOrThrow({ where: { name: "安中一区住民センター" } });
      const centres = await m.db.communityCenter.count();
      const audits = await auditCount();

      const preview = await m.centers.previewCenterImport(csv);
      expect(preview.fileError).toBeUndefined();
      expect(preview.counts).toEqual({ create: 1, update: 1, unchanged: 1, refused: 5 });
      const byRow = new Map(preview.rows.map((r) => [r.row, r]));
      expect(byRow.get(2)?.status).toBe("update");
      expect(byRow.get(3)?.status).toBe("create");
      expect(byRow.get(10)?.status).toBe("unchanged");
      expect(byRow.has(9)).toBe(false);
      const reasons = (row: number) => byRow.get(row)!.reasons.map((r) => `${r.column}:${r.message.split("|")[0]}`);
      expect(byRow.get(4)?.status).toBe("refused");
      expect(reasons(4)).toEqual(expect.arrayContaining(["緯度:admin.errors.latitude", "URL:admin.errors.url"]));
      expect(reasons(5)).toEqual(["行政区コード:admin.import.errors.unknownDistrict"]);
      expect(byRow.get(5)!.reasons[0].message).toContain("999");
      expect(byRow.get(5)!.reasons[0].message).not.toContain("004");
      expect(reasons(6)).toEqual(["名称:errors.required"]);
      expect(reasons(7)).toEqual(["名称:admin.import.errors.duplicateName"]);
      expect(byRow.get(7)!.reasons[0].message).toContain('"row":3');
      expect(reasons(8)).toEqual([":admin.import.errors.cellCount"]);

      expect(await m.db.communityCenter.count()).toBe(centres);
      expect(await auditCount()).toBe(audits);
      const after = await m.db.communityCenter.findUniqueOrThrow({ where: { name: "安中一区住民センター" } });
      expect(after).toEqual(before);
    });

    it("applies the accepted rows in one transaction and records who, what and why", async () => {
      const audits = await auditCount("center.imported");
      const result = await m.centers.applyCenterImport(admin, csv, "令和8年度の施設一覧に合わせる");
      expect(result.counts).toEqual({ create: 1, update: 1, unchanged: 1, refused: 5 });

      const created = await m.db.communityCenter.findUniqueOrThrow({
        where: { name: NEW_NAME },
        include: { districts: { include: { district: true } } },
      });
      expect(created.latitude).toBe("36.3");
      expect(created.openTime).toBe("09:00");
      expect(created.description).toBe("会議室、和室\n駐車場10台");
      expect(created.note).toBe("=1+1");
      expect(created.districts.map((d) => d.district.code)).toEqual(["003"]);

      const updated = await m.db.communityCenter.findUniqueOrThrow({
        where: { name: "安中一区住民センター" },
        include: { districts: { include: { district: true } } },
      });
      expect(updated.phone).toBe("027-300-9999");
      expect(updated.districts.map((d) => d.district.code).sort()).toEqual(["001", "002"]);
      for (const name of ["壊れた行センター", "不明コードセンター", "短すぎる行"]) {
        expect(await m.db.communityCenter.findUnique({ where: { name } })).toBeNull();
      }

      expect(await auditCount("center.imported")).toBe(audits + 1);
      const entry = await m.db.auditEntry.findFirstOrThrow({ where: { action: "center.imported" }, orderBy: { at: "desc" } });
      expect(entry.actorId).toBe(admin.id);
      expect(entry.actorRole).toBe("admin");
      expect(entry.reason).toBe("令和8年度の施設一覧に合わせる");
      expect(JSON.parse(entry.details)).toMatchObject({ created: 1, updated: 1, unchanged: 1, refused: 5, createdIds: [created.id], updatedIds: [updated.id] });
    });

    it("changes nothing when the same file is imported again", async () => {
      const before = await m.db.communityCenter.findMany({ orderBy: { id: "asc" }, include: { districts: true } });
      const result = await m.centers.applyCenterImport(admin, csv, "");
      expect(result.counts).toMatchObject({ create: 0, update: 0, unchanged: 3, refused: 5 });
      const after = await m.db.communityCenter.findMany({ orderBy: { id: "asc" }, include: { districts: true } });
      expect(after).toEqual(before);
      const entry = await m.db.auditEntry.findFirstOrThrow({ where: { action: "center.imported" }, orderBy: { at: "desc" } });
      expect(JSON.parse(entry.details)).toMatchObject({ created: 0, updated: 0, createdIds: [], updatedIds: [] });
    });

    it("exports every centre in the same columns, escaped, and the export imports back unchanged", async () => {
      const exported = await m.centers.exportCentersCsv();
      expect(exported.startsWith("\uFEFF" + CSV_HEADER + "\r\n")).toBe(true);
      expect(exported).toContain(",'=1+1,");
      expect(exported).toContain('"会議室、和室\n駐車場10台"');
      const lines = exported.split("\r\n");
      expect(lines[1].startsWith("102113,1,群馬県,安中市,")).toBe(true);
      const preview = await m.centers.previewCenterImport(exported);
      expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: await m.db.communityCenter.count(), refused: 0 });
    });

    it("refuses a file without the required columns, or with a broken quote, as a whole", async () => {
      const missing = await m.centers.previewCenterImport("名称,住所\r\nどこか,安中\r\n");
      expect(missing.fileError).toMatch(/^admin\.import\.errors\.columns\|/);
      expect(missing.fileError).toContain("行政区コード");
      expect(missing.rows).toEqual([]);
      const broken = await m.centers.previewCenterImport(`${CSV_HEADER}\r\n"unterminated,1\r\n`);
      expect(broken.fileError).toBe('admin.import.errors.syntax|{"row":2}');
      expect((await m.centers.applyCenterImport(admin, "", "")).fileError).toBe("admin.import.errors.empty");
    });
  });

  describe("districts and centres edited one by one", () => {
    it("records a district change with its reason, and nothing when nothing changed", async () => {
      const district = await m.db.district.findUniqueOrThrow({ where: { code: "010" } });
      const input = { name: "安中十区（新）", nameKana: district.nameKana, area: district.area, reason: "区の名称変更（区長会の決定）" };
      const filterName = async () => (await m.directory.listDistrictOptions()).find((d) => d.id === district.id)?.name;
      expect(await filterName()).toBe(district.name);
      expect(await m.centers.updateDistrict(staff, district.id, input)).toEqual({ found: true, changed: true });
      // The directory's filter keeps the district list, but not past a change.
      expect(await filterName()).toBe(input.name);
      const entry = await m.db.auditEntry.findFirstOrThrow({ where: { action: "district.updated", targetId: String(district.id) } });
      expect(entry).toMatchObject({ actorId: staff.id, actorRole: "staff", targetType: "district", reason: input.reason });
      expect(JSON.parse(entry.details)).toEqual({ code: "010", changes: { name: { from: district.name, to: input.name } } });
      const count = await auditCount("district.updated");
      expect(await m.centers.updateDistrict(staff, district.id, input)).toEqual({ found: true, changed: false });
      expect(await auditCount("district.updated")).toBe(count);
      expect((await m.centers.updateDistrict(staff, 999_999, input)).found).toBe(false);
    });

    it("creates and updates a centre with audit entries, and refuses a taken name", async () => {
      const d1 = await m.db.district.findUniqueOrThrow({ where: { code: "007" } });
      const d2 = await m.db.district.findUniqueOrThrow({ where: { code: "008" } });
      const blank = Object.fromEntries(
        ["nameKana", "alias", "poiCode", "address", "addressExtra", "latitude", "longitude", "phone", "extension", "corporateNumber", "organization", "availableDays", "openTime", "closeTime", "availabilityNote", "description", "barrierFree", "url", "note"].map((f) => [f, ""]),
      ) as Omit<Parameters<typeof m.centers.createCenter>[1], "name" | "districtIds" | "reason">;
      const created = await m.centers.createCenter(staff, { ...blank, name: "新設センター", districtIds: [String(d1.id)], reason: "新築" });
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      const entry = await m.db.auditEntry.findFirstOrThrow({ where: { action: "center.created", targetId: String(created.id) } });
      expect(entry.reason).toBe("新築");
      expect(JSON.parse(entry.details)).toEqual({ districtCodes: ["007"] });

      const taken = await m.centers.createCenter(staff, { ...blank, name: "新設センター", districtIds: [], reason: "" });
      expect(taken).toEqual({ ok: false, errors: { name: "admin.errors.centerNameTaken" } });
      const unknownDistrict = await m.centers.createCenter(staff, { ...blank, name: "別のセンター", districtIds: ["999999"], reason: "" });
      expect(unknownDistrict.ok).toBe(false);

      const updated = await m.centers.updateCenter(staff, created.id, { ...blank, name: "新設センター", phone: "027-382-1111", districtIds: [String(d2.id)], reason: "電話開通" });
      expect(updated).toEqual({ ok: true, id: created.id, changed: true });
      const change = await m.db.auditEntry.findFirstOrThrow({ where: { action: "center.updated", targetId: String(created.id) } });
      expect(JSON.parse(change.details)).toEqual({ fields: ["phone"], districtsAdded: ["008"], districtsRemoved: ["007"] });
      expect(await m.centers.updateCenter(staff, created.id, { ...blank, name: "安中一区住民センター", districtIds: [], reason: "" })).toEqual({
        ok: false,
        errors: { name: "admin.errors.centerNameTaken" },
      });
    });
  });

  describe("accounts", () => {
    it("changes a role with its reason in the audit log, in the same transaction", async () => {
      const result = await m.users.changeUserRole(admin, resident.id, "staff", "市民協働課へ配属");
      expect(result).toEqual({ ok: true, changed: true });
      expect((await m.db.user.findUniqueOrThrow({ where: { id: resident.id } })).role).toBe("staff");
      const entry = await m.db.auditEntry.findFirstOrThrow({ where: { action: "user.role_changed", targetId: resident.id } });
      expect(entry).toMatchObject({ actorId: admin.id, actorRole: "admin", targetType: "user", reason: "市民協働課へ配属" });
      expect(JSON.parse(entry.details)).toEqual({ from: "resident", to: "staff" });
      // Back, so later tests see a resident.
      await m.users.changeUserRole(admin, resident.id, "resident", "配属の取消し");
    });

    it("refuses to change one's own role or deactivate oneself", async () => {
      expect(await m.users.changeUserRole(admin, admin.id, "staff", "test")).toEqual({ ok: false, error: "admin.users.errors.ownRole" });
      expect(await m.users.setUserActive(admin, admin.id, false, "test")).toEqual({ ok: false, error: "admin.users.errors.ownStatus" });
      expect((await m.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    });

    it("never leaves the portal without an active admin", async () => {
      expect(await m.users.changeUserRole(admin, admin2.id, "staff", "異動")).toEqual({ ok: true, changed: true });
      const entries = await auditCount();
      // admin2 still holds an old idea of itself (say, a request already past its guard).
      expect(await m.users.changeUserRole(admin2, admin.id, "resident", "test")).toEqual({ ok: false, error: "admin.users.errors.lastAdmin" });
      expect(await m.users.setUserActive(admin2, admin.id, false, "test")).toEqual({ ok: false, error: "admin.users.errors.lastAdmin" });
      expect((await m.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
      expect((await m.db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
      expect(await auditCount()).toBe(entries);
      expect(await m.users.changeUserRole(admin, admin2.id, "admin", "復帰")).toEqual({ ok: true, changed: true });
    });

    it("lets only one of two admins demoting each other at the same moment succeed", async () => {
      const results = await Promise.all([
        m.users.changeUserRole(admin, admin2.id, "staff", "同時操作A"),
        m.users.changeUserRole(admin2, admin.id, "staff", "同時操作B"),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "admin.users.errors.lastAdmin" }]);
      expect(await m.db.user.count({ where: { role: "admin", active: true } })).toBe(1);
      // Restore both admins.
      const demoted = (await m.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role === "admin" ? admin2 : admin;
      const remaining = demoted === admin ? admin2 : admin;
      await m.users.changeUserRole(remaining, demoted.id, "admin", "復帰");
      expect(await m.db.user.count({ where: { role: "admin", active: true, id: { in: [admin.id, admin2.id] } } })).toBe(2);
    });

    it("deactivation ends the person's sessions; reactivation is recorded too", async () => {
      await m.session.createSession(resident.id, { twoFactorVerified: false, device: "Chrome / Android" });
      await m.session.createSession(resident.id, { twoFactorVerified: false, device: "Safari / iOS" });
      expect(await m.users.setUserActive(admin, resident.id, false, "なりすましの疑い")).toEqual({ ok: true, changed: true });
      expect(await m.db.session.count({ where: { userId: resident.id } })).toBe(0);
      const off = await m.db.auditEntry.findFirstOrThrow({ where: { action: "user.deactivated", targetId: resident.id } });
      expect(off.reason).toBe("なりすましの疑い");
      expect(JSON.parse(off.details)).toEqual({ sessionsEnded: 2 });
      expect(await m.users.setUserActive(admin, resident.id, true, "本人確認済み")).toEqual({ ok: true, changed: true });
      expect((await m.db.user.findUniqueOrThrow({ where: { id: resident.id } })).active).toBe(true);
      expect(await m.db.auditEntry.count({ where: { action: "user.reactivated", targetId: resident.id, reason: "本人確認済み" } })).toBe(1);
    });

    it("links and unlinks a district representative with audit entries", async () => {
      const district = await m.db.district.findUniqueOrThrow({ where: { code: "020" } });
      expect(await m.users.addRepresentative(admin, resident.id, district.id, "区長に就任")).toEqual({ ok: true, changed: true });
      expect(await m.users.addRepresentative(admin, resident.id, district.id, "二重登録")).toEqual({ ok: true, changed: false });
      expect(await m.db.districtMembership.count({ where: { userId: resident.id, districtId: district.id } })).toBe(1);
      const added = await m.db.auditEntry.findFirstOrThrow({ where: { action: "district.representative_added" } });
      expect(added).toMatchObject({ targetType: "district", targetId: String(district.id), reason: "区長に就任" });
      expect(JSON.parse(added.details)).toEqual({ userId: resident.id, code: "020" });
      expect(await m.users.removeRepresentative(admin, resident.id, district.id, "任期満了")).toEqual({ ok: true, changed: true });
      expect(await m.db.districtMembership.count({ where: { userId: resident.id } })).toBe(0);
      expect(await m.db.auditEntry.count({ where: { action: "district.representative_removed", reason: "任期満了" } })).toBe(1);
      expect(await m.users.removeRepresentative(admin, resident.id, district.id, "again")).toEqual({ ok: false, error: "errors.choice" });
    });

    it("searches by part of the name or address, filters by role and status, 50 to a page", async () => {
      await m.db.user.createMany({
        data: Array.from({ length: 55 }, (_, i) => ({
          id: crypto.randomUUID(),
          email: `bulk${String(i).padStart(2, "0")}@example.jp`,
          displayName: `一括 ${i}`,
          passwordHash: "x",
          role: "resident",
          emailVerifiedAt: i % 5 === 0 ? null : new Date(),
        })),
      });
      const first = await m.users.listUsers(admin, { q: "BULK", page: 1 });
      expect(first.total).toBe(55);
      expect(first.users).toHaveLength(50);
      expect((await m.users.listUsers(admin, { q: "bulk", page: 2 })).users).toHaveLength(5);
      expect((await m.users.listUsers(admin, { q: "一括 1" })).total).toBe(11);
      expect((await m.users.listUsers(admin, { q: "yamada" })).users.map((u) => u.id)).toEqual([resident.id]);
      expect((await m.users.listUsers(admin, { role: "admin" })).users.map((u) => u.id).sort()).toEqual([admin.id, admin2.id].sort());
      expect((await m.users.listUsers(admin, { q: "bulk", status: "unverified" })).total).toBe(11);
    });
  });

  describe("dashboard", () => {
    it("shows each person the queues their permissions open, with counts", async () => {
      const actor = (p: Person) => ({ id: p.id, role: p.role, emailVerified: true, totpEnabled: true, districtIds: [] });
      // Later features add queues of their own; these are the admin area's.
      const forStaff = await m.dashboard.waitingQueues(actor(staff));
      const staffIds = forStaff.map((q) => q.id);
      expect(staffIds).toEqual(expect.arrayContaining(["districts-without-center", "districts-without-representative"]));
      expect(staffIds).not.toEqual(expect.arrayContaining(["users-unverified"]));
      expect(staffIds.filter((id) => id.startsWith("outbox-"))).toEqual([]);
      const withoutCentre = await m.db.district.count({ where: { centers: { none: {} } } });
      expect(forStaff.find((q) => q.id === "districts-without-center")).toMatchObject({ count: withoutCentre, href: "/admin/districts?filter=no-center" });
      const forAdmin = await m.dashboard.waitingQueues(actor(admin));
      expect(forAdmin.map((q) => q.id)).toEqual(
        expect.arrayContaining(["districts-without-center", "districts-without-representative", "users-unverified", "outbox-pending", "outbox-failed"]),
      );
      expect(forAdmin.find((q) => q.id === "users-unverified")?.count).toBe(11);
    });
  });

  describe("over HTTP (production server)", () => {
    let server: Awaited<ReturnType<Models["server"]["startServer"]>>;
    const cookies: Record<string, string> = {};

    beforeAll(async () => {
      server = await m.server.startServer({ databaseUrl: database().url });
      for (const [name, person] of Object.entries({ admin, staff, resident })) {
        const { token } = await m.session.createSession(person.id, { twoFactorVerified: true, device: "test" });
        cookies[name] = `portal_session=${token}`;
      }
      const noTotp = await makeUser("new-staff@example.jp", "staff", { totp: false });
      cookies.staffWithoutTotp = `portal_session=${(await m.session.createSession(noTotp.id, { twoFactorVerified: false, device: "test" })).token}`;
    });

    afterAll(async () => {
      await server?.stop();
    });

    const get = (path: string, who?: string) => m.server.request(server, path, { headers: who ? { Cookie: cookies[who] } : {} });
    const post = (path: string, who: string, form: Record<string, string>) => m.server.postForm(server, path, form, { Cookie: cookies[who] });

    it("opens the staff area to staff, but not accounts, audit log or outbox", async () => {
      for (const path of ["/admin", "/admin/districts", "/admin/centers", "/admin/centers/import", "/admin/centers/new"]) {
        expect((await get(path, "staff")).status, path).toBe(200);
      }
      for (const path of ["/admin/users", `/admin/users/${resident.id}`, "/admin/audit", "/admin/outbox"]) {
        expect((await get(path, "staff")).status, path).toBe(403);
      }
      const page = await get("/admin", "staff");
      expect(page.text).toContain('href="/admin/districts"');
      expect(page.text).not.toContain('href="/admin/users"');
      expect(page.text).not.toContain('href="/admin/audit"');
      expect(page.text).not.toContain('href="/admin/outbox"');
      const adminPage = await get("/admin", "admin");
      expect(adminPage.text).toContain('href="/admin/users"');
      expect(adminPage.text).toContain('href="/admin/audit"');
    });

    it("refuses staff a role change (403) and changes nothing", async () => {
      const before = await auditCount();
      const res = await post(`/admin/users/${resident.id}`, "staff", { intent: "role", role: "admin", roleReason: "自分で昇格" });
      expect(res.status).toBe(403);
      expect((await m.db.user.findUniqueOrThrow({ where: { id: resident.id } })).role).toBe("resident");
      expect(await auditCount()).toBe(before);
    });

    it("sends residents away with 403, anonymous visitors to log in, staff without TOTP to set it up", async () => {
      expect((await get("/admin", "resident")).status).toBe(403);
      expect((await get("/admin/centers/export", "resident")).status).toBe(403);
      const anonymous = await get("/admin/users?q=x");
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.location).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Fq%3Dx");
      const noTotp = await get("/admin", "staffWithoutTotp");
      expect(noTotp.status).toBe(302);
      expect(noTotp.headers.location).toBe("/account/two-factor?required=1");
    });

    it("answers a role change without a reason with 400, the error at the field and the choice kept", async () => {
      const res = await post(`/admin/users/${resident.id}`, "admin", { intent: "role", role: "staff", roleReason: "   " });
      expect(res.status).toBe(400);
      expect(res.text).toContain('id="roleReason-error"');
      expect(res.text).toContain("入力してください");
      expect(res.text).toMatch(/<option value="staff" selected="">/);
      const hostile = await post(`/admin/users/${resident.id}`, "admin", { intent: "role", role: "superuser", roleReason: "x".repeat(501) });
      expect(hostile.status).toBe(400);
      expect(hostile.text).toContain("選択肢から選んでください");
      expect(hostile.text).toContain("500文字以内で入力してください");
      expect((await m.db.user.findUniqueOrThrow({ where: { id: resident.id } })).role).toBe("resident");
      const self = await post(`/admin/users/${admin.id}`, "admin", { intent: "deactivate", statusReason: "test" });
      expect(self.status).toBe(400);
      expect(self.text).toContain("自分のアカウントは停止できません");
    });

    it("grants a role with a reason, and the audit page shows who, what and why", async () => {
      const res = await post(`/admin/users/${resident.id}`, "admin", { intent: "role", role: "staff", roleReason: "広報担当として採用" });
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`/admin/users/${resident.id}?done=role`);
      const audit = await get("/admin/audit?action=user.role_changed", "admin");
      expect(audit.status).toBe(200);
      expect(audit.text).toContain("広報担当として採用");
      expect(audit.text).toContain("役割の変更");
      expect(audit.text).toContain("デモ管理者");
      await m.users.changeUserRole(admin, resident.id, "resident", "元に戻す");
    });

    it("validates the audit filters and the user search without failing", async () => {
      const bad = await get("/admin/audit?from=2026-13-40&to=2026-01-01", "admin");
      expect(bad.status).toBe(400);
      expect(bad.text).toContain("日付は 2026-04-01 の形式で入力してください");
      const order = await get("/admin/audit?from=2026-05-01&to=2026-04-01", "admin");
      expect(order.status).toBe(400);
      expect((await get("/admin/users?role=emperor", "admin")).status).toBe(400);
      expect((await get("/admin/users?page=abc", "admin")).status).toBe(200);
      expect((await get("/admin/users/no-such-user", "admin")).status).toBe(404);
      expect((await get("/admin/centers/999999", "admin")).status).toBe(404);
      expect((await get("/admin/outbox/nothing-here", "admin")).status).toBe(404);
    });

    it("keeps what was typed when a centre form is refused", async () => {
      const res = await post("/admin/centers/new", "staff", { name: "入力保持センター", latitude: "北緯36度", phone: "03-1234-5678", url: "ftp://x" });
      expect(res.status).toBe(400);
      expect(res.text).toContain('value="入力保持センター"');
      expect(res.text).toContain('value="北緯36度"');
      expect(res.text).toContain("緯度は -90 以上 90 以下の10進数で入力してください");
      expect(res.text).toContain("URLは http:// または https:// で始まるアドレスを入力してください");
      expect(await m.db.communityCenter.findUnique({ where: { name: "入力保持センター" } })).toBeNull();
    });

    async function upload(who: string, fields: Record<string, string>, file?: { bytes: Uint8Array<ArrayBuffer>; name: string }) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      if (file) form.append("file", new Blob([file.bytes], { type: "text/csv" }), file.name);
      return fetch(`${server.url}/admin/centers/import`, {
        method: "POST",
        body: form,
        redirect: "manual",
        headers: { Cookie: cookies[who], Origin: server.url },
      });
    }

    it("previews an uploaded Shift_JIS file without writing, then imports it", async () => {
      const encode = shiftJisEncoder();
      const text = [CSV_HEADER, csvRow({ 名称: "文字コード試験センター", 住所: "群馬県安中市安中１丁目", 行政区コード: "011" }), csvRow({ 名称: "駄目な行", 行政区コード: "000" })].join("\r\n");
      const bytes = encode(text);
      expect(new TextDecoder("shift_jis").decode(bytes)).toBe(text);
      const preview = await upload("staff", { intent: "preview", reason: "" }, { bytes, name: "centers-sjis.csv" });
      const html = await preview.text();
      expect(preview.status).toBe(200);
      expect(html).toContain("文字コード：Shift_JIS");
      expect(html).toContain("新規 1 件、更新 0 件、変更なし 0 件、取り込めない行 1 件");
      expect(html).toContain("登録されていない行政区コードです：000");
      expect(await m.db.communityCenter.findUnique({ where: { name: "文字コード試験センター" } })).toBeNull();

      const apply = await upload("staff", { intent: "apply", reason: "Excelで作成した一覧", csv: new TextDecoder("shift_jis").decode(bytes) });
      expect(apply.status).toBe(200);
      expect(await apply.text()).toContain("取り込みました。新規 1 件");
      const centre = await m.db.communityCenter.findUniqueOrThrow({ where: { name: "文字コード試験センター" } });
      expect(centre.address).toBe("群馬県安中市安中１丁目");
      const entry = await m.db.auditEntry.findFirstOrThrow({ where: { action: "center.imported" }, orderBy: { at: "desc" } });
      expect(entry).toMatchObject({ actorId: staff.id, reason: "Excelで作成した一覧" });
    });

    it("refuses a file over 1 MB, no file, and a body that is not multipart, with 400", async () => {
      const big = new Uint8Array(1024 * 1024 + 1).fill(0x41);
      const tooBig = await upload("staff", { intent: "preview" }, { bytes: big, name: "big.csv" });
      expect(tooBig.status).toBe(400);
      expect(await tooBig.text()).toContain("ファイルが大きすぎます");
      const none = await upload("staff", { intent: "preview" });
      expect(none.status).toBe(400);
      expect(await none.text()).toContain("CSVファイルを選んでください");
      const plain = await post("/admin/centers/import", "staff", { intent: "preview" });
      expect(plain.status).toBe(400);
      const undecodable = await upload("staff", { intent: "preview" }, { bytes: new Uint8Array([0x41, 0xff, 0xfe, 0x42]), name: "x.csv" });
      expect(undecodable.status).toBe(400);
      expect(await undecodable.text()).toContain("文字コードを判別できません");
    });

    it("downloads the CSV export as UTF-8 with BOM", async () => {
      const res = await get("/admin/centers/export", "staff");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="community-centers-\d{8}\.csv"$/);
      expect(res.text.startsWith("\uFEFF都道府県コード又は市区町村コード,")).toBe(true);
    });

    it("lets admins read the outbox, its mails and the dashboard counts", async () => {
      await m.db.outboxMail.create({
        data: { id: crypto.randomUUID(), to: "someone@example.jp", subject: "確認のお願い", text: "本文です\n2行目", status: "failed", attempts: 8 },
      });
      const list = await get("/admin/outbox?status=failed", "admin");
      expect(list.status).toBe(200);
      expect(list.text).toContain("確認のお願い");
      expect(list.text).toContain("someone@example.jp");
      const mail = await m.db.outboxMail.findFirstOrThrow({ where: { subject: "確認のお願い" } });
      const detail = await get(`/admin/outbox/${mail.id}`, "admin");
      expect(detail.text).toContain("本文です\n2行目");
      const dashboard = await get("/admin", "admin");
      expect(dashboard.text).toContain('href="/admin/outbox?status=failed"');
    });
  });
}
