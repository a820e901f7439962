/**
 * Demo data for `npm run demo`: fills an EMPTY database only. Never run by `npm start`.
 * Features add their demo data here (after the districts they build on).
 */
import crypto from "node:crypto";
import { hashPassword } from "../app/auth/password.server.ts";
import { groupProfileSchema } from "../app/groups/forms.ts";
import { withCheckDigit } from "../app/platform/forms/rules.ts";
import { fiscalYearValidity, publishVersion, versionColumns } from "../app/groups/group.server.ts";
import type { Actor } from "../app/auth/permissions.ts";
import { changeSchema, consultationSchema, opinionSchema, publishSchema, withdrawSchema } from "../app/consultations/admin-forms.ts";
import { createConsultation, scheduleConsultation, withdrawConsultation } from "../app/consultations/admin.server.ts";
import { enterComment, submitComment } from "../app/consultations/comments.server.ts";
import { commentSchema, staffCommentSchema, type CommentRules } from "../app/consultations/forms.ts";
import { markComment, withholdPassage } from "../app/consultations/moderation.server.ts";
import { publishResults, saveChange, saveOpinion } from "../app/consultations/results.server.ts";
import { COMMENTER_CATEGORIES, periodDaysOf, statusAt } from "../app/consultations/rules.ts";
import { now, withClockAt } from "../app/platform/clock.server.ts";
import { db as appDb, type Db } from "../app/platform/db.server.ts";
import { fiscalYearAt, tokyoDate, tokyoInstant, type IsoDate } from "../app/platform/dates.ts";
import { centers, districts } from "./data/annaka.ts";
import { demoConsultations, type DemoComment, type DemoConsultation } from "./data/consultations.ts";
import { demoGroups, type DemoGroupSeed } from "./data/groups.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";

export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  const places = await seedDemoPlaces(db);
  const accounts = await seedDemoAccounts(db);
  const groups = await seedDemoGroups(db);
  const consultations = await seedDemoConsultations(db);
  return { seeded: places.seeded || accounts.seeded || groups.seeded || consultations.seeded };
}

/** The 101 行政区 and their 住民センター (prisma/data/annaka.ts) when the database has no district. */
export async function seedDemoPlaces(db: Db): Promise<{ seeded: boolean }> {
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

/** A schema's result, or the demo's own mistake named (the data in prisma/data/ must pass the forms' rules). */
function parsed<T>(what: string, result: { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): T {
  if (result.success) return result.data;
  throw new Error(`demo ${what}: ${result.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; ")}`);
}

/** A step of the domain that must succeed on the demo data. */
function done<R extends { ok: boolean }>(what: string, result: R): Extract<R, { ok: true }> {
  if (!result.ok) throw new Error(`demo ${what}: ${JSON.stringify(result)}`);
  return result as Extract<R, { ok: true }>;
}

/** Times of day the demo's online comments arrive at, in turn (people write in the morning, at lunch, at night). */
const ONLINE_TIMES = ["10:12", "21:40", "07:55", "13:05", "19:30", "22:15", "12:20", "08:45", "20:10", "15:35", "23:05", "06:50"];

/**
 * The demo consultations (prisma/data/consultations.ts) when the database has none: one
 * announced, two open (one with a few dozen comments, one with a short period under Art. 40),
 * one closed with its results in preparation, two with results published (one that received no
 * comment) and one withdrawn. Each is written by the domain's own functions, as staff and
 * residents would have, with the clock set to when it happened (withClockAt): created and
 * announced before its period, comments sent through the form or typed in by staff from paper
 * on their day, duplicates and organised submissions marked, a passage withheld, opinions,
 * responses and changes after the period, then publishing or withdrawal. So the sections,
 * receipt numbers, audit entries and states are the app's own, and a fixed TEST_CLOCK gives the
 * same data every run. The functions write through the app's client (db.server.ts), which `db`
 * must therefore be; the demo staff account is their actor.
 */
export async function seedDemoConsultations(db: Db): Promise<{ seeded: boolean }> {
  if (db !== appDb) throw new Error("seedDemoConsultations: the consultations' functions write through the app's client (db.server.ts); pass that client");
  if ((await db.consultation.count()) > 0) return { seeded: false };
  const [staffUser, residentUser] = await Promise.all(
    ["staff@demo.annaka.example", "resident@demo.annaka.example"].map((email) => db.user.findUnique({ where: { email }, select: { id: true } })),
  );
  if (!staffUser) return { seeded: false };
  const staff: Actor = { id: staffUser.id, role: "staff", emailVerified: true, totpEnabled: true, districtIds: [] };

  const at = now();
  const today = tokyoDate(at);
  const dayOf = (offset: number): IsoDate => tokyoDate(new Date(tokyoInstant(today).getTime() + offset * DAY_MS + 12 * 3600_000));
  /** An instant of a day from today (Tokyo), never after now (the day's later hours may not have come yet). */
  const when = (offset: number, time: string) => new Date(Math.min(tokyoInstant(dayOf(offset), `${time}:00`).getTime(), at.getTime() - 60_000));
  const later = (instant: Date, minutes: number) => new Date(Math.min(instant.getTime() + minutes * 60_000, at.getTime() - 60_000));

  const plans = demoConsultations(fiscalYearAt(at)).sort((a, b) => a.createdDay - b.createdDay);
  try {
    for (const plan of plans) await seedConsultation(plan);
  } catch (error) {
    // Half a history is no demo: the next run starts again from none.
    await db.consultation.deleteMany();
    throw error;
  }
  return { seeded: true };

  async function seedConsultation(plan: DemoConsultation) {
    const created = when(plan.createdDay, "09:00");
    const id = await withClockAt(created, async () => {
      const input = parsed(
        plan.title,
        consultationSchema(tokyoDate(now())).safeParse({
          title: plan.title,
          summary: plan.summary,
          section: plan.section,
          contact: plan.contact,
          draft: plan.draft,
          eligible: plan.eligible ?? [...COMMENTER_CATEGORIES],
          identityRequired: plan.identityRequired === false ? "" : "on",
          firstDay: dayOf(plan.firstDay),
          lastDay: dayOf(plan.lastDay),
          shortPeriodReason: plan.shortPeriodReason ?? "",
        }),
      );
      return done(`${plan.title}: created`, await createConsultation(staff, input)).id;
    });
    await withClockAt(later(created, 30), async () => done(`${plan.title}: announced`, await scheduleConsultation(staff, id)));
    const stored = await db.consultation.findUniqueOrThrow({ where: { id }, select: { opensAt: true, closesAt: true, _count: { select: { sections: true } } } });
    const rules: CommentRules = { identityRequired: plan.identityRequired !== false, eligible: plan.eligible ?? [...COMMENTER_CATEGORIES], sectionCount: stored._count.sections };
    const period = periodDaysOf({ opensAt: stored.opensAt!, closesAt: stored.closesAt! });

    // Every comment at the instant it was taken: online when sent, paper when staff typed it in
    // (at the counter the same afternoon, by post, fax or mail the next morning).
    const all = [...plan.comments.map((c) => ({ c, opinion: null as number | null })), ...(plan.opinions ?? []).flatMap((o, index) => o.comments.map((c) => ({ c, opinion: index })))];
    const taken = all
      .map((entry, i) => ({
        ...entry,
        takenAt:
          entry.c.channel === "online"
            ? when(entry.c.day, ONLINE_TIMES[i % ONLINE_TIMES.length])
            : entry.c.channel === "counter"
              ? when(entry.c.day, `16:${String(10 + (i % 40)).padStart(2, "0")}`)
              : when(entry.c.day + 1, `09:${String(10 + (i % 40)).padStart(2, "0")}`),
      }))
      .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
    const receiptOf = new Map<DemoComment, string>();
    for (const { c, takenAt } of taken) {
      const form = { name: c.name, address: c.address, category: c.category, email: c.email ?? "", section: c.section === null ? "" : String(c.section), body: c.body, submissionKey: "" };
      const receipt = await withClockAt(takenAt, async () => {
        if (c.channel === "online") {
          const input = parsed(`${plan.title}: comment of ${c.name}`, commentSchema(rules).safeParse(form));
          return done(`${plan.title}: comment of ${c.name}`, await submitComment(id, input, { userId: c.byDemoResident ? (residentUser?.id ?? null) : null })).receipt;
        }
        const input = parsed(`${plan.title}: comment of ${c.name}`, staffCommentSchema(rules, { ...period, today: tokyoDate(now()) }).safeParse({ ...form, channel: c.channel, receivedOn: dayOf(c.day) }));
        return done(`${plan.title}: comment of ${c.name}`, await enterComment(staff, id, input)).receipt;
      });
      receiptOf.set(c, receipt.receiptNumber);
    }
    const byRef = new Map(all.flatMap(({ c }) => (c.ref ? [[c.ref, receiptOf.get(c)!] as const] : [])));
    const commentId = async (c: DemoComment) => (await db.consultationComment.findUniqueOrThrow({ where: { receiptNumber: receiptOf.get(c)! }, select: { id: true } })).id;

    // Staff mark a duplicate or an organised submission soon after it is typed in or arrives.
    for (const { c, takenAt } of taken) {
      const of = c.duplicateOf ?? c.identicalTo;
      if (!of) continue;
      const kind = c.duplicateOf ? "duplicate" : "identical";
      await withClockAt(later(takenAt, 90), async () => done(`${plan.title}: ${kind} ${receiptOf.get(c)}`, await markComment(staff, id, await commentId(c), kind, byRef.get(of)!)));
    }

    // After the period: withheld passages, the summarised opinions with the city's responses, the changes.
    if (plan.reviewDay !== undefined) {
      const review = when(plan.reviewDay, "10:00");
      for (const { c } of taken) {
        if (!c.withhold) continue;
        const w = c.withhold;
        await withClockAt(review, async () => done(`${plan.title}: withheld`, await withholdPassage(staff, id, await commentId(c), w.passage, w.reason)));
      }
      for (const [index, o] of (plan.opinions ?? []).entries()) {
        const input = parsed(
          `${plan.title}: opinion ${index + 1}`,
          opinionSchema.safeParse({ opinionId: "", section: o.section === null ? "" : String(o.section), summary: o.summary, response: o.response, receipts: o.comments.map((c) => receiptOf.get(c)!).join(" ") }),
        );
        await withClockAt(later(review, 20 + index * 15), async () => done(`${plan.title}: opinion ${index + 1}`, await saveOpinion(staff, id, input)));
      }
      for (const [index, ch] of (plan.changes ?? []).entries()) {
        const input = parsed(`${plan.title}: change ${index + 1}`, changeSchema.safeParse({ changeSection: ch.section === null ? "" : String(ch.section), change: ch.change, reason: ch.reason }));
        await withClockAt(when(plan.reviewDay, `15:${String(10 + index * 5).padStart(2, "0")}`), async () => done(`${plan.title}: change ${index + 1}`, await saveChange(staff, id, input)));
      }
    }
    if (plan.results) {
      const input = parsed(`${plan.title}: results`, publishSchema.safeParse({ finalText: plan.results.finalText, finalTextUrl: "" }));
      await withClockAt(when(plan.results.day, "10:00"), async () => done(`${plan.title}: results`, await publishResults(staff, id, input)));
    }
    if (plan.withdrawal) {
      const input = parsed(`${plan.title}: withdrawal`, withdrawSchema.safeParse({ notice: plan.withdrawal.notice }));
      await withClockAt(when(plan.withdrawal.day, "10:00"), async () => done(`${plan.title}: withdrawn`, await withdrawConsultation(staff, id, input.notice)));
    }

    const final = await db.consultation.findUniqueOrThrow({ where: { id }, select: { state: true, opensAt: true, closesAt: true } });
    if (statusAt(final, at) !== plan.status) throw new Error(`demo ${plan.title}: ${statusAt(final, at)} today, not ${plan.status}`);
  }
}
