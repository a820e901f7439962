/**
 * The one place that answers "may this person do this (to this thing)". Every loader and
 * action that needs a person asks here, through the guards in guards.server.ts. Plain module:
 * components may import it to decide what to show, the server decides what is allowed.
 */
export type Role = "resident" | "staff" | "admin";
export const ROLES: readonly Role[] = ["resident", "staff", "admin"];

export type Actor = {
  id: string;
  role: Role;
  emailVerified: boolean;
  totpEnabled: boolean;
  districtIds: number[];
};

export type Permission =
  /** The staff area; staff and admins, once their second factor is set up. */
  | "admin:access"
  /** Districts and their 住民センター: list, edit, import. */
  | "districts:manage"
  /** Accounts: search, change role, deactivate, link to a district. Admins only. */
  | "users:manage"
  /** The audit log. Admins only. */
  | "audit:read"
  /** The mail outbox (it holds personal data). Admins only. */
  | "outbox:read"
  /** Submitting anything (comments, registrations, requests): verified accounts only. */
  | "content:submit"
  /** Acting for a district (support requests): its representatives. Needs { districtId }. */
  | "district:represent";

export type Resource = { districtId?: number };

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  resident: new Set(["content:submit", "district:represent"]),
  staff: new Set(["content:submit", "district:represent", "admin:access", "districts:manage"]),
  admin: new Set([
    "content:submit",
    "district:represent",
    "admin:access",
    "districts:manage",
    "users:manage",
    "audit:read",
    "outbox:read",
  ]),
};

/** The staff permissions: they open only once the person's second factor is set up. */
const STAFF_AREA: ReadonlySet<Permission> = new Set(["admin:access", "districts:manage", "users:manage", "audit:read", "outbox:read"]);

export function isStaff(actor: Pick<Actor, "role"> | null | undefined): boolean {
  return actor?.role === "staff" || actor?.role === "admin";
}

/** Role permission plus the conditions of the thing itself. */
export function can(actor: Actor | null | undefined, permission: Permission, resource: Resource = {}): boolean {
  if (!actor) return false;
  if (!ROLE_PERMISSIONS[actor.role]?.has(permission)) return false;
  switch (permission) {
    case "content:submit":
      return actor.emailVerified;
    case "district:represent":
      return actor.emailVerified && resource.districtId !== undefined && actor.districtIds.includes(resource.districtId);
    default:
      return STAFF_AREA.has(permission) ? actor.totpEnabled : true;
  }
}

/**
 * The role would allow this, but the second factor is not set up yet: the person is sent to
 * set it up rather than refused.
 */
export function needsSecondFactorSetup(actor: Actor | null | undefined, permission: Permission): boolean {
  return Boolean(actor && STAFF_AREA.has(permission) && ROLE_PERMISSIONS[actor.role]?.has(permission) && !actor.totpEnabled);
}
