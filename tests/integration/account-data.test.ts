/**
 * The account export and deletion gather every domain's part (contributes.server.ts): the
 * registry's group memberships and invitations, the districts' memberships. Also checks that
 * the server-side contributions are well-formed. Runs in this process on a migrated SQLite
 * file: the app's database client is made when db.server.ts is first loaded, so DATABASE_URL
 * is set (vi.hoisted) before any import.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const target = vi.hoisted(() => {
  const url = `file:${process.env.TMPDIR ?? "/tmp"}/portal-account-data-${process.pid}-${Date.now()}.db`;
  process.env.DATABASE_URL = url;
  return { url };
});

import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { deleteAccount, exportAccountData } from "../../app/accounts/account.server.ts";
import { can, type Actor } from "../../app/auth/permissions.ts";
import { lookupMessage, translator } from "../../app/i18n/index.ts";
import { contributedMessages } from "../../app/platform/domains.contributions.ts";
import { accountDataParts, dashboardCards, domainJobs, openDataFiles } from "../../app/platform/domains.contributions.server.ts";
import { connectDb, databaseTarget, db } from "../../app/platform/db.server.ts";
import { listJobs } from "../../app/platform/jobs/scheduler.server.ts";
import { registerDefaultJobs } from "../../app/platform/jobs/index.server.ts";
import { createAccount } from "./account-support.ts";
import { ROOT } from "./helpers/test-db.ts";

const AT = new Date("2026-06-01T03:00:10.000Z");

beforeAll(async () => {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: target.url }, stdio: "pipe" });
  await connectDb();
  expect(databaseTarget.url).toBe(target.url);
});

afterAll(async () => {
  await db.$disconnect();
  if (databaseTarget.provider === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databaseTarget.file}${suffix}`, { force: true });
  }
});

let counter = 0;

/** A group with one version of this name (the registry's tables, written directly). */
async function makeGroup(name: string, state: "draft" | "active" = "active") {
  const group = await db.group.create({ data: { state, name } });
  await db.groupVersion.create({
    data: {
      groupId: group.id,
      status: state === "active" ? "approved" : "draft",
      name,
      nameKana: "だんたい",
      kind: "volunteer",
      representativeName: "代表 一郎",
      purpose: "目的",
      activities: "活動",
      memberCount: 5,
    },
  });
  return group.id;
}

async function invite(groupId: number, email: string, role = "editor") {
  counter += 1;
  await db.groupInvitation.create({
    data: { id: randomUUID(), groupId, email, role, tokenHash: `hash-${counter}-${randomUUID()}`, expiresAt: new Date(AT.getTime() + 86_400_000) },
  });
}

describe("the account export", () => {
  it("holds the person's group memberships, the invitations to their address and their district memberships, and nobody else's", async () => {
    const user = await createAccount(db, { email: "member@example.jp", at: AT });
    const other = await createAccount(db, { email: "bystander@example.jp", displayName: "無関係 花子", at: AT });
    const mine = await makeGroup("梅の会");
    const draft = await makeGroup("下書きの会", "draft");
    const theirs = await makeGroup("よその会");
    await db.groupMembership.create({ data: { groupId: mine, userId: user.id, role: "representative", createdAt: AT } });
    await db.groupMembership.create({ data: { groupId: draft, userId: user.id, role: "editor", createdAt: new Date(AT.getTime() + 1000) } });
    await db.groupMembership.create({ data: { groupId: theirs, userId: other.id, role: "representative" } });
    await invite(theirs, user.email);
    await invite(theirs, other.email);
    const district = await db.district.create({ data: { code: "T01", name: "試験区", nameKana: "しけんく" } });
    await db.districtMembership.create({ data: { userId: user.id, districtId: district.id } });

    const data = await exportAccountData(user.id, "no-current-session");
    expect(data.groupMemberships).toEqual([
      { group: { id: mine, name: "梅の会", state: "active" }, role: "representative", since: AT },
      { group: { id: draft, name: "下書きの会", state: "draft" }, role: "editor", since: new Date(AT.getTime() + 1000) },
    ]);
    expect(data.groupInvitations).toEqual([expect.objectContaining({ group: { id: theirs, name: "よその会", state: "active" }, role: "editor", acceptedAt: null })]);
    expect(data.districtMemberships).toEqual([expect.objectContaining({ district: { id: district.id, code: "T01", name: "試験区" }, role: "representative" })]);
    expect(data.profile).toMatchObject({ id: user.id, email: "member@example.jp" });
    const text = JSON.stringify(data);
    for (const foreign of [other.id, other.email, "無関係 花子"]) expect(text).not.toContain(foreign);
  });

  it("takes each domain's part under keys of its own", async () => {
    const user = await createAccount(db, { email: "keys@example.jp", at: AT });
    const core = Object.keys(await exportAccountData(user.id, "none"));
    const keys = (await Promise.all(accountDataParts().map(async (part) => Object.keys((await part.export?.(user.id)) ?? {})))).flat();
    expect(keys).toEqual(expect.arrayContaining(["groupMemberships", "groupInvitations", "districtMemberships"]));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    // Every key appears once in the whole export: no part hides another's, or the account's own.
    expect(core.filter((k, i) => core.indexOf(k) !== i)).toEqual([]);
    expect(core.length).toBe(new Set([...core, ...keys]).size);
  });
});

describe("account deletion", () => {
  it("is stopped by the registry's check while the person is a group's last representative, before anything changes", async () => {
    const user = await createAccount(db, { email: "last-rep@example.jp", at: AT });
    const groupId = await makeGroup("最後の代表の会");
    await db.groupMembership.create({ data: { groupId, userId: user.id, role: "representative" } });
    expect(await deleteAccount(user.id)).toEqual({ ok: false, reason: "groupForm.account.lastRepresentative" });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    expect(await db.groupMembership.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { OR: [{ targetId: user.id }, { targetId: String(groupId) }] } })).toBe(0);
  });

  it("ends the person's group memberships on the record and deletes the invitations to their addresses, in one step with the account", async () => {
    const user = await createAccount(db, { email: "leaving@example.jp", at: AT });
    const successor = await createAccount(db, { email: "successor@example.jp", at: AT });
    const groupId = await makeGroup("引き継ぎの会");
    const other = await makeGroup("招待の会");
    await db.groupMembership.create({ data: { groupId, userId: user.id, role: "representative" } });
    await db.groupMembership.create({ data: { groupId, userId: successor.id, role: "representative" } });
    await invite(other, user.email);
    await db.userToken.create({
      data: { id: randomUUID(), userId: user.id, kind: "change-email", email: "new-address@example.jp", tokenHash: randomUUID(), expiresAt: new Date(AT.getTime() + 86_400_000) },
    });
    await invite(other, "new-address@example.jp");
    await invite(other, successor.email);

    expect(await deleteAccount(user.id)).toEqual({ ok: true });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await db.groupMembership.findMany({ where: { groupId }, select: { userId: true } })).toEqual([{ userId: successor.id }]);
    const left = await db.auditEntry.findMany({ where: { action: "group.member_left", targetId: String(groupId) }, select: { actorId: true, details: true } });
    expect(left).toHaveLength(1);
    expect(left[0].actorId).toBeNull();
    expect(JSON.parse(left[0].details)).toEqual({ userId: user.id, role: "representative", accountDeleted: true });
    expect(await db.groupInvitation.findMany({ where: { groupId: other }, select: { email: true } })).toEqual([{ email: successor.email }]);
    expect(await db.auditEntry.findMany({ where: { targetId: user.id }, select: { action: true, actorId: true } })).toEqual([
      { action: "account.deleted", actorId: null },
    ]);
  });
});

describe("server-side contributions (contributes.server.ts)", () => {
  const ja = translator("ja", ...contributedMessages());
  const en = translator("en", ...contributedMessages());
  const admin: Actor = { id: "a", role: "admin", emailVerified: true, totpEnabled: true, districtIds: [] };

  it("give every dashboard card an id and a place of its own, a permission staff hold, a title in both languages and a count", async () => {
    const cards = dashboardCards();
    const ids = cards.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["districts-without-center", "users-unverified", "outbox-failed", "groups-new", "groups-registered"]));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const orders = cards.map((c) => c.order);
    expect(orders.filter((o, i) => orders.indexOf(o) !== i)).toEqual([]);
    for (const card of cards) {
      expect(can(admin, card.permission), card.id).toBe(true);
      expect(lookupMessage(ja, card.title), card.id).toBeDefined();
      expect(lookupMessage(en, card.title), card.id).not.toBe(lookupMessage(ja, card.title));
      expect(card.href, card.id).toMatch(/^\/admin\//);
      const count = card.kind === "waiting" ? (await card.waiting(admin)).length : await card.count();
      expect(Number.isInteger(count), card.id).toBe(true);
    }
  });

  it("register each domain's jobs beside the platform's, by names of their own", () => {
    const names = domainJobs().map((j) => j.name);
    expect(names).toEqual(expect.arrayContaining(["groups.renewal-reminders", "groups.lapse"]));
    registerDefaultJobs();
    const registered = listJobs().map((j) => j.name);
    expect(registered).toEqual(expect.arrayContaining(["mail.deliver", "housekeeping.expired", "outbox.purge", ...names]));
    expect(registered.length).toBe(3 + names.length);
  });

  it("serve each open-data file under a name of its own, with a title in both languages", async () => {
    const files = openDataFiles();
    expect(files.map((f) => f.file)).toEqual(["groups.csv", "groups.json"]);
    for (const file of files) {
      expect(file.file).toMatch(new RegExp(`^[a-z0-9-]+\\.${file.format}$`));
      expect(lookupMessage(ja, file.title), file.file).toBeDefined();
      expect(lookupMessage(en, file.title), file.file).not.toBe(lookupMessage(ja, file.title));
      const res = await file.respond(AT);
      expect(res.status, file.file).toBe(200);
      expect(res.headers.get("content-type"), file.file).toContain(file.format === "csv" ? "text/csv" : "application/json");
    }
  });
});
