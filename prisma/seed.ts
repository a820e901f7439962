/**
 * Demo data for `npm run demo`: fills an EMPTY database only. Never run by `npm start`.
 * Features add their demo data here (after the districts they build on).
 */
import crypto from "node:crypto";
import { hashPassword } from "../app/auth/password.server.ts";
import { now } from "../app/utils/clock.server.ts";
import type { Db } from "../app/utils/db.server.ts";
import { centers, districts } from "./data/annaka.ts";

export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  const places = await seedDemoPlaces(db);
  const accounts = await seedDemoAccounts(db);
  return { seeded: places.seeded || accounts.seeded };
}

async function seedDemoPlaces(db: Db): Promise<{ seeded: boolean }> {
  if ((await db.district.count()) > 0) return { seeded: false };
  await db.$transaction(async (tx) => {
    await tx.district.createMany({ data: districts.map((d) => ({ code: d.code, name: d.name, nameKana: d.nameKana, area: d.area })) });
    const idByCode = new Map((await tx.district.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
    for (const c of centers) {
      await tx.communityCenter.create({
        data: {
          name: c.name,
          nameKana: c.nameKana,
          address: c.address,
          phone: c.phone,
          latitude: c.lat,
          longitude: c.lon,
          availableDays: c.availableDays,
          openTime: c.openTime,
          closeTime: c.closeTime,
          barrierFree: c.barrierFree,
          organization: "",
          districts: { create: c.districtCodes.map((code) => ({ districtId: idByCode.get(code)! })) },
        },
      });
    }
  });
  return { seeded: true };
}

/**
 * Demo accounts, one per role plus two district representatives. Their password and TOTP
 * secrets are published in the README, which is why `npm start` refuses to serve a database
 * that holds any account marked isDemo.
 */
export const DEMO_PASSWORD = "demo-password-2026";
export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  role: "resident" | "staff" | "admin";
  /** Base32, as authenticator apps and `oathtool --totp -b` take it. */
  totpSecret?: string;
  districtCode?: string;
}[] = [
  { email: "admin@demo.annaka.example", displayName: "デモ管理者", role: "admin", totpSecret: "ANNAKADEMOADMINAANNAKADEMOADMINA" },
  { email: "staff@demo.annaka.example", displayName: "デモ職員", role: "staff", totpSecret: "ANNAKADEMOSTAFFAANNAKADEMOSTAFFA" },
  { email: "resident@demo.annaka.example", displayName: "デモ市民", role: "resident" },
  { email: "kucho1@demo.annaka.example", displayName: "デモ区長 安中一区", role: "resident", districtCode: "001" },
  { email: "kucho2@demo.annaka.example", displayName: "デモ区長 東上秋間二区", role: "resident", districtCode: "045" },
];

/** Adds the demo accounts when the database has no account at all. */
export async function seedDemoAccounts(db: Db): Promise<{ seeded: boolean }> {
  if ((await db.user.count()) > 0) return { seeded: false };
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  const at = now();
  await db.$transaction(async (tx) => {
    const idByCode = new Map((await tx.district.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const districtId = account.districtCode ? idByCode.get(account.districtCode) : undefined;
      await tx.user.create({
        data: {
          id: crypto.randomUUID(),
          email: account.email,
          displayName: account.displayName,
          passwordHash: passwordHashes[index],
          role: account.role,
          emailVerifiedAt: at,
          isDemo: true,
          totpSecret: account.totpSecret ?? null,
          totpEnabledAt: account.totpSecret ? at : null,
          passwordChangedAt: at,
          createdAt: at,
          ...(districtId ? { districtMemberships: { create: { districtId, role: "representative" } } } : {}),
        },
      });
    }
  });
  return { seeded: true };
}
