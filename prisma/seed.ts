/**
 * Demo data for `npm run demo`: fills an EMPTY database only. Never run by `npm start`.
 * Features add their demo data here (after the districts they build on).
 */
import crypto from "node:crypto";
import { hashPassword } from "../app/auth/password.server.ts";
import { groupProfileSchema } from "../app/groups/forms.ts";
import { withCheckDigit } from "../app/platform/forms/rules.ts";
import { fiscalYearValidity, publishVersion, versionColumns } from "../app/groups/group.server.ts";
import { now } from "../app/platform/clock.server.ts";
import type { Db } from "../app/platform/db.server.ts";
import { fiscalYearAt, tokyoDate, tokyoInstant } from "../app/platform/dates.ts";
import { centers, districts } from "./data/annaka.ts";
import { demoGroups, type DemoGroupSeed } from "./data/groups.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";

export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  const places = await seedDemoPlaces(db);
  const accounts = await seedDemoAccounts(db);
  const groups = await seedDemoGroups(db);
  return { seeded: places.seeded || accounts.seeded || groups.seeded };
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
    // A hundred inserts outlast Prisma's 5-second default on a busy machine.
  }, { timeout: 60_000 });
  return { seeded: true };
}

// Demo accounts (one per role plus two district representatives): their password and TOTP
// secrets are published in the README, which is why `npm start` refuses to serve a database
// that holds any account marked isDemo.
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";

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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * About a hundred groups (prisma/data/groups.ts) when the database has none, dated from the
 * clock so the demo stays current: most registered for the current fiscal year (some with the
 * previous year's registration renewed, some imported from the city's list), some lapsed at the
 * end of the previous year, some waiting for their first review (drafts of the demo resident),
 * some with a change waiting and, from February 1, two with a renewal waiting. Each profile goes
 * through groupProfileSchema, as the form would.
 */
export async function seedDemoGroups(db: Db): Promise<{ seeded: boolean }> {
  if ((await db.group.count()) > 0) return { seeded: false };
  const districtIds = new Map((await db.district.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
  if (districtIds.size === 0) return { seeded: false };
  const emails = [...new Set(demoGroups.flatMap((g) => (g.accounts ?? []).map((a) => a.email)))];
  const userIds = new Map((await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));

  const at = now();
  const today = tokyoDate(at);
  const fy = fiscalYearAt(at);
  const current = fiscalYearValidity(fy);
  const previous = fiscalYearValidity(fy - 1);
  const next = fiscalYearValidity(fy + 1);
  const renewalOpensAt = tokyoInstant(`${fy + 1}-02-01`);
  const schema = groupProfileSchema(today);
  const plus = (instant: Date, days: number) => new Date(instant.getTime() + days * DAY_MS);
  /** Never in the future: the demo may be seeded on the first day of a fiscal year. */
  const past = (instant: Date, daysAgo = 0) => new Date(Math.min(instant.getTime(), at.getTime() - daysAgo * DAY_MS));

  const profile = (g: DemoGroupSeed, index: number, change: DemoGroupSeed["change"] = {}) => {
    const v = { ...g, ...change };
    const parsed = schema.safeParse({
      name: g.name,
      nameKana: g.kana,
      kind: g.kind,
      corporateNumber: g.corporateBase ? withCheckDigit(g.corporateBase) : "",
      mainOfficeInCity: g.mainOfficeInCity ? "on" : "",
      volunteerCenter: g.volunteerCenter ? "on" : "",
      representativeName: g.representative,
      representativePublic: g.representativePublic ? "on" : "",
      phone: index % 6 === 5 ? "" : `027-300-${2001 + index}`,
      email: v.email ?? "",
      website: g.website ?? "",
      sns: g.sns ?? "",
      mainDistrictId: String(districtIds.get(g.main) ?? ""),
      districtIds: g.districts.map((code) => String(districtIds.get(code) ?? "")),
      activityFields: g.fields.map(String),
      purpose: v.purpose,
      activities: v.activities,
      foundedOn: g.foundedOn,
      memberCount: String(v.members),
      welcomesMembers: g.welcomesMembers ? "on" : "",
      welcomesVolunteers: v.welcomesVolunteers ? "on" : "",
      meetingPlace: v.meetingPlace,
    });
    if (!parsed.success) {
      throw new Error(`demo group ${g.name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    return versionColumns(parsed.data);
  };

  // Plan every group first, then write in a few bulk statements (seeding stays fast).
  type Registration = {
    fiscalYear: number;
    kind: string;
    status: string;
    submittedAt: Date;
    decidedAt: Date | null;
    validFrom: Date | null;
    validUntil: Date;
    endReason?: string;
    renewalSubmittedAt?: Date;
    renewalDecidedAt?: Date;
  };
  type Version = ReturnType<typeof profile> & {
    status: string;
    createdById: string | null;
    consentAt: Date | null;
    createdAt: Date;
    submittedAt: Date;
    decidedAt: Date | null;
  };
  const plans = demoGroups.map((g, index) => {
    const k = index % 20;
    const members = (g.accounts ?? []).flatMap((a) => {
      const userId = userIds.get(a.email);
      return userId ? [{ userId, role: a.role }] : [];
    });
    const author = members.find((m) => m.role === "representative")?.userId ?? null;
    const registrations: Registration[] = [];
    const versions: Version[] = [];

    if (g.state === "pending") {
      // A first application waiting for review: a draft group, its submitted version, a pending registration.
      const submittedAt = past(plus(at, -(k % 7) - 1));
      versions.push({ ...profile(g, index), status: "submitted", createdById: author, consentAt: submittedAt, createdAt: submittedAt, submittedAt, decidedAt: null });
      registrations.push({ fiscalYear: fy, kind: "initial", status: "pending", submittedAt, decidedAt: null, validFrom: null, validUntil: current.validUntil });
      return { g, state: "draft", imported: false, createdAt: submittedAt, versions, registrations, members };
    }

    const foundedBeforePrevious = g.foundedOn < tokyoDate(previous.startsAt);
    if (g.state === "lapsed" || (!g.imported && foundedBeforePrevious && index % 3 !== 0)) {
      // Registered last fiscal year: renewed in February–March, or lapsed at its end.
      const submittedAt = plus(previous.startsAt, 5 + k);
      const decidedAt = plus(submittedAt, 7);
      const renewed = g.state !== "lapsed";
      const renewalSubmittedAt = tokyoInstant(`${fy}-02-${String(5 + k).padStart(2, "0")}`);
      const renewalDecidedAt = tokyoInstant(`${fy}-03-${String(5 + k).padStart(2, "0")}`);
      registrations.push({
        fiscalYear: fy - 1,
        kind: "initial",
        status: "approved",
        submittedAt,
        decidedAt,
        validFrom: decidedAt,
        validUntil: previous.validUntil,
        endReason: renewed ? "renewed" : "expired",
        ...(renewed ? { renewalSubmittedAt, renewalDecidedAt } : {}),
      });
      if (renewed) {
        registrations.push({
          fiscalYear: fy,
          kind: "renewal",
          status: "approved",
          submittedAt: renewalSubmittedAt,
          decidedAt: renewalDecidedAt,
          validFrom: current.startsAt,
          validUntil: current.validUntil,
        });
      }
    } else {
      // First registered this fiscal year (or imported from the city's list).
      const submittedAt = past(plus(current.startsAt, 3 + k), 2);
      const decidedAt = past(plus(submittedAt, 7), 1);
      registrations.push({
        fiscalYear: fy,
        kind: g.imported ? "imported" : "initial",
        status: "approved",
        submittedAt: g.imported ? decidedAt : submittedAt,
        decidedAt,
        validFrom: decidedAt,
        validUntil: current.validUntil,
      });
    }
    if (g.renewal && at.getTime() >= renewalOpensAt.getTime()) {
      const submittedAt = new Date(Math.max(renewalOpensAt.getTime(), at.getTime() - (1 + (k % 3)) * DAY_MS));
      registrations[registrations.length - 1].renewalSubmittedAt = submittedAt;
      registrations.push({ fiscalYear: fy + 1, kind: "renewal", status: "pending", submittedAt, decidedAt: null, validFrom: null, validUntil: next.validUntil });
    }
    const first = registrations[0];
    const createdById = g.imported ? null : author;
    versions.push({
      ...profile(g, index),
      status: "approved",
      createdById,
      consentAt: createdById ? first.submittedAt : null,
      createdAt: first.submittedAt,
      submittedAt: first.submittedAt,
      decidedAt: first.decidedAt,
    });
    if (g.change) {
      const submittedAt = past(plus(at, -1 - (k % 5)));
      versions.push({ ...profile(g, index, g.change), status: "submitted", createdById: author, consentAt: author ? submittedAt : null, createdAt: submittedAt, submittedAt, decidedAt: null });
    }
    return { g, state: "active", imported: Boolean(g.imported), createdAt: first.submittedAt, versions, registrations, members };
  });

  await db.$transaction(
    async (tx) => {
      const created = await tx.group.createManyAndReturn({
        data: plans.map((p) => ({ state: p.state, imported: p.imported, createdAt: p.createdAt })),
        select: { id: true },
      });
      // One multi-row INSERT numbers its rows in order: the n-th smallest id is the n-th plan.
      const ids = created.map((c) => c.id).sort((a, b) => a - b);
      const versions = await tx.groupVersion.createManyAndReturn({
        data: plans.flatMap((p, i) => p.versions.map((v) => ({ ...v, groupId: ids[i] }))),
        select: { id: true, groupId: true, status: true },
      });
      for (const v of versions) if (v.status === "approved") await publishVersion(tx, v.groupId, v.id);
      await tx.groupRegistration.createMany({
        data: plans.flatMap((p, i) => p.registrations.map((r) => ({ ...r, groupId: ids[i], createdAt: r.submittedAt }))),
      });
      await tx.groupMembership.createMany({
        data: plans.flatMap((p, i) => p.members.map((m) => ({ ...m, groupId: ids[i], createdAt: p.createdAt }))),
      });
    },
    { timeout: 60_000 },
  );
  return { seeded: true };
}
