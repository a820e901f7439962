/**
 * deleteAccount's hook for later rules (accountDeletionChecks), called in this process on a
 * migrated SQLite file. The app's database client is made when db.server.ts is first loaded,
 * so DATABASE_URL is set (vi.hoisted) before any import.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const target = vi.hoisted(() => {
  const url = `file:${process.env.TMPDIR ?? "/tmp"}/portal-deletion-checks-${process.pid}-${Date.now()}.db`;
  process.env.DATABASE_URL = url;
  return { url };
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { accountDeletionChecks, deleteAccount } from "../../app/accounts/account.server.ts";
import { connectDb, databaseTarget, db } from "../../app/platform/db.server.ts";
import { createAccount } from "./account-support.ts";
import { ROOT } from "./helpers/test-db.ts";

const AT = new Date("2026-06-01T03:00:10.000Z");

beforeAll(async () => {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: target.url }, stdio: "pipe" });
  await connectDb();
});

afterAll(async () => {
  await db.$disconnect();
  if (databaseTarget.provider === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databaseTarget.file}${suffix}`, { force: true });
  }
});

describe("accountDeletionChecks: the hook later rules add to", () => {
  it("stops a deletion with the first reason given, before anything changes", async () => {
    const user = await createAccount(db, { email: "representative@example.jp", at: AT });
    expect(databaseTarget.url).toBe(target.url);
    const seen: string[] = [];
    const check = async (userId: string) => {
      seen.push(userId);
      return userId === user.id ? ("account.errors.wrongPassword" as const) : null;
    };
    accountDeletionChecks.push(check);
    try {
      expect(await deleteAccount(user.id)).toEqual({ ok: false, reason: "account.errors.wrongPassword" });
      expect(seen).toEqual([user.id]);
      expect(await db.user.count({ where: { id: user.id } })).toBe(1);
      expect(await db.auditEntry.count({ where: { targetId: user.id } })).toBe(0);
    } finally {
      accountDeletionChecks.splice(accountDeletionChecks.indexOf(check), 1);
    }
    expect(await deleteAccount(user.id)).toEqual({ ok: true });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await db.auditEntry.findMany({ where: { targetId: user.id }, select: { action: true, actorId: true } })).toEqual([
      { action: "account.deleted", actorId: null },
    ]);
  });
});
