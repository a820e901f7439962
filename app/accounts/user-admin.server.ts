/**
 * Accounts as admins manage them: search, role, deactivation, district representatives.
 * The rules that keep the portal governable live here, checked inside the transaction that
 * makes the change: nobody changes their own role or deactivates themselves, and at least
 * one active admin always remains. Each change writes its audit entry in that transaction.
 *
 * Every function takes the acting person and reaches accounts only through user:manage:any:
 * for anyone else there are no accounts to list, read or change.
 */
import { can, type Actor, type Role } from "../auth/permissions.ts";
import { USER_PAGE_SIZE } from "./user-admin-forms.ts";
import { encodeMessage, type AnyPlainKey } from "../i18n/index.ts";
import { db, type Prisma } from "../platform/db.server.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { normalizeEmail } from "../platform/forms/rules.ts";

type Tx = Prisma.TransactionClient;

/** The accounts the person may manage: all of them, or none. */
function manageable(actor: Actor): Prisma.UserWhereInput {
  return can(actor, "user:manage:any") ? {} : { id: { in: [] } };
}

export type UserStatusFilter = "" | "active" | "inactive" | "unverified";

export async function listUsers(
  actor: Actor,
  { q = "", role = "", status = "", page = 1 }: { q?: string; role?: Role | ""; status?: UserStatusFilter; page?: number },
) {
  const needle = q.trim();
  const where: Prisma.UserWhereInput = {
    ...manageable(actor),
    ...(needle
      ? { OR: [{ email: { contains: normalizeEmail(needle) } }, { displayName: { contains: needle } }] }
      : {}),
    ...(role ? { role } : {}),
    ...(status === "active" ? { active: true } : status === "inactive" ? { active: false } : {}),
    ...(status === "unverified" ? { emailVerifiedAt: null, active: true } : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        active: true,
        emailVerifiedAt: true,
        totpEnabledAt: true,
        isDemo: true,
        createdAt: true,
        districtMemberships: { select: { district: { select: { code: true, name: true } } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageSize: USER_PAGE_SIZE,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role as Role,
      active: u.active,
      emailVerified: u.emailVerifiedAt !== null,
      totpEnabled: u.totpEnabledAt !== null,
      isDemo: u.isDemo,
      createdAt: u.createdAt,
      districts: u.districtMemberships.map((m) => m.district),
    })),
  };
}

export async function getUserForAdmin(actor: Actor, id: string) {
  const user = await db.user.findFirst({
    where: { id, ...manageable(actor) },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      active: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      isDemo: true,
      createdAt: true,
      _count: { select: { sessions: true } },
      districtMemberships: {
        select: { createdAt: true, district: { select: { id: true, code: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as Role,
    active: user.active,
    emailVerifiedAt: user.emailVerifiedAt,
    totpEnabled: user.totpEnabledAt !== null,
    isDemo: user.isDemo,
    createdAt: user.createdAt,
    sessions: user._count.sessions,
    districts: user.districtMemberships.map((m) => m.district).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** Refused: a catalogue message for the form. Not found: the route answers 404. */
export type AdminChange = { ok: true; changed: boolean } | { ok: false; notFound?: true; error?: string };

const NOT_FOUND: AdminChange = { ok: false, notFound: true };
const refuse = (key: AnyPlainKey): AdminChange => ({ ok: false, error: encodeMessage(key) });

async function activeAdmins(tx: Tx) {
  return tx.user.count({ where: { role: "admin", active: true } });
}

/**
 * A serialization failure: Prisma's P2034 when a statement hits it, or — when PostgreSQL only
 * finds the conflict at COMMIT — the driver adapter's own error, whose cause is of kind
 * "TransactionWriteConflict" (seen under load).
 */
function isWriteConflict(error: unknown) {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; name?: string; cause?: { kind?: string } };
  return e.code === "P2034" || (e.name === "DriverAdapterError" && e.cause?.kind === "TransactionWriteConflict");
}

/**
 * Runs fn serializable, retried on a write conflict: the "one admin remains" count must see
 * what a concurrent change did (two admins demoting each other at once on PostgreSQL).
 */
async function serializable<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { isolationLevel: "Serializable" });
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}

export async function changeUserRole(actor: Actor, userId: string, role: Role, reason: string): Promise<AdminChange> {
  if (actor.id === userId) return refuse("admin.users.errors.ownRole");
  return serializable(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, ...manageable(actor) }, select: { role: true, active: true } });
    if (!user) return NOT_FOUND;
    if (user.role === role) return { ok: true, changed: false };
    await tx.user.update({ where: { id: userId }, data: { role } });
    if ((await activeAdmins(tx)) === 0) throw new LastAdmin();
    await recordAudit({ actor, action: "user.role_changed", targetType: "user", targetId: userId, reason, details: { from: user.role, to: role } }, tx);
    return { ok: true, changed: true };
  }).catch(lastAdminRefusal);
}

/** Thrown inside a transaction to roll back a change that left no active admin. */
class LastAdmin extends Error {}

function lastAdminRefusal(error: unknown): AdminChange {
  if (error instanceof LastAdmin) return refuse("admin.users.errors.lastAdmin");
  throw error;
}

/** Deactivation ends every session of the account at once; reactivation lets it log in again. */
export async function setUserActive(actor: Actor, userId: string, active: boolean, reason: string): Promise<AdminChange> {
  if (actor.id === userId) return refuse("admin.users.errors.ownStatus");
  return serializable(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, ...manageable(actor) }, select: { active: true } });
    if (!user) return NOT_FOUND;
    if (user.active === active) return { ok: true, changed: false };
    await tx.user.update({ where: { id: userId }, data: { active } });
    let sessionsEnded = 0;
    if (!active) {
      if ((await activeAdmins(tx)) === 0) throw new LastAdmin();
      sessionsEnded = (await tx.session.deleteMany({ where: { userId } })).count;
    }
    await recordAudit(
      {
        actor,
        action: active ? "user.reactivated" : "user.deactivated",
        targetType: "user",
        targetId: userId,
        reason,
        details: active ? {} : { sessionsEnded },
      },
      tx,
    );
    return { ok: true, changed: true };
  }).catch(lastAdminRefusal);
}

export async function addRepresentative(actor: Actor, userId: string, districtId: number, reason: string): Promise<AdminChange> {
  return db.$transaction(async (tx) => {
    const [user, district] = await Promise.all([
      tx.user.findFirst({ where: { id: userId, ...manageable(actor) }, select: { id: true } }),
      tx.district.findUnique({ where: { id: districtId }, select: { code: true } }),
    ]);
    if (!user) return NOT_FOUND;
    if (!district) return refuse("errors.choice");
    const existing = await tx.districtMembership.findUnique({ where: { userId_districtId: { userId, districtId } } });
    if (existing) return { ok: true, changed: false };
    await tx.districtMembership.create({ data: { userId, districtId, role: "representative" } });
    await recordAudit(
      { actor, action: "district.representative_added", targetType: "district", targetId: districtId, reason, details: { userId, code: district.code } },
      tx,
    );
    return { ok: true, changed: true };
  });
}

export async function removeRepresentative(actor: Actor, userId: string, districtId: number, reason: string): Promise<AdminChange> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, ...manageable(actor) }, select: { id: true } });
    if (!user) return NOT_FOUND;
    const membership = await tx.districtMembership.findUnique({
      where: { userId_districtId: { userId, districtId } },
      include: { district: { select: { code: true } } },
    });
    if (!membership) return refuse("errors.choice");
    await tx.districtMembership.delete({ where: { userId_districtId: { userId, districtId } } });
    await recordAudit(
      {
        actor,
        action: "district.representative_removed",
        targetType: "district",
        targetId: districtId,
        reason,
        details: { userId, code: membership.district.code },
      },
      tx,
    );
    return { ok: true, changed: true };
  });
}

/** People who can appear as the actor of an audit entry (staff, admins, anyone already there), for readers of the log. */
export async function listAuditActors(actor: Actor) {
  if (!can(actor, "audit:read:any")) return [];
  return db.user.findMany({
    where: { OR: [{ role: { in: ["staff", "admin"] } }, { auditEntries: { some: {} } }] },
    select: { id: true, displayName: true, email: true },
    orderBy: [{ displayName: "asc" }, { email: "asc" }],
  });
}

/** Accounts made by `npm run demo`; `npm start` refuses to serve a database that has any. */
export async function countDemoAccounts() {
  return db.user.count({ where: { isDemo: true } });
}
