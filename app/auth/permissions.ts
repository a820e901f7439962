/**
 * The one place that answers "may this person do this (to this thing)" (decision 0014).
 *
 * A permission is "entity:verb:access". `:any` permissions are the staff area's: they reach
 * every thing of their entity, are granted to account roles only, and open only once the
 * person's second factor is set up. `:own` permissions reach the things the person holds a
 * role on (a group they represent or edit, a district they represent), or, granted to an
 * account role, the things the person makes for themself (a new group).
 *
 * Every permission is granted in the one table below. Plain module: components may import it
 * to decide what to show; the server decides what is allowed (guards.server.ts and the
 * domains' scoped queries).
 */
export type Role = "resident" | "staff" | "admin";
export const ROLES: readonly Role[] = ["resident", "staff", "admin"];

export type GroupRole = "representative" | "editor";
export const GROUP_ROLES: readonly GroupRole[] = ["representative", "editor"];

/** Who a permission is granted to: an account role, or a role the person holds on the thing. */
export type Holder = Role | `group.${GroupRole}` | "district.representative";

export type Actor = {
  id: string;
  role: Role;
  emailVerified: boolean;
  totpEnabled: boolean;
  districtIds: number[];
};

type Grant = {
  to: readonly Holder[];
  /** Changes something in the person's name: a confirmed address is needed. */
  verified?: true;
};

type Access = "own" | "any";

const ACCOUNT = ["resident", "staff", "admin"] as const satisfies readonly Holder[];
const STAFF = ["staff", "admin"] as const satisfies readonly Holder[];
const ADMIN = ["admin"] as const satisfies readonly Holder[];
const MEMBERS = ["group.representative", "group.editor"] as const satisfies readonly Holder[];
const REPRESENTATIVES = ["group.representative"] as const satisfies readonly Holder[];

/** Every permission, and who holds it. */
export const GRANTS = {
  /** The staff area's frame and dashboard. */
  "dashboard:read:any": { to: STAFF },
  /** The review queue, any group's full record, decisions, cancellation, drafts' logos. */
  "group:review:any": { to: STAFF },
  /** Correcting any group's published profile. */
  "group:edit:any": { to: STAFF },
  /** The plan's indicators with the records they count. */
  "indicator:read:any": { to: STAFF },
  /** Districts and their 住民センター: list, edit, import, export. */
  "district:manage:any": { to: STAFF },
  /** Accounts: search, change role, deactivate, link to a district. */
  "user:manage:any": { to: ADMIN },
  /**
   * パブリックコメント: consultations from draft to results — create, edit, announce, withdraw,
   * type in comments received on paper, read every comment with its sender, summarise, respond,
   * publish the results, export.
   */
  "consultation:manage:any": { to: STAFF },
  /** パブリックコメント: marking duplicates and identical submissions, withholding passages (Art. 43). */
  "consultation:moderate:any": { to: STAFF },
  /** The audit log. */
  "audit:read:any": { to: ADMIN },
  /** The mail outbox (it holds personal data). */
  "outbox:read:any": { to: ADMIN },

  /** Registering a new group, of which the person becomes the representative. */
  "group:create:own": { to: ACCOUNT, verified: true },
  /** A group's status page and history, for its members. */
  "group:read:own": { to: MEMBERS },
  /** Leaving a group. */
  "group:leave:own": { to: MEMBERS },
  /** Saving the group's working version as a draft. */
  "group:edit:own": { to: MEMBERS, verified: true },
  /** Submitting the working version for review. */
  "group:submit:own": { to: REPRESENTATIVES, verified: true },
  /** Members and invitations. */
  "group:members:own": { to: REPRESENTATIVES, verified: true },
  /** Renewing the registration for the next fiscal year. */
  "group:renew:own": { to: REPRESENTATIVES, verified: true },
  /** Withdrawing the group from the registry. */
  "group:withdraw:own": { to: REPRESENTATIVES, verified: true },
  /** Acting for a district (support requests to its 住民センター), by its representatives. */
  "district:represent:own": { to: ["district.representative"], verified: true },
} as const satisfies Record<`${string}:${string}:${Access}`, Grant>;

export type Permission = keyof typeof GRANTS;
export const PERMISSIONS = Object.keys(GRANTS) as Permission[];

/** What the person is to the thing a `:own` permission is asked about. */
export type Ownership = {
  /** The person's role in the group, or null for none. */
  groupRole?: GroupRole | null;
  /** The district the thing belongs to. */
  districtId?: number;
};

function grantOf(permission: Permission): Grant {
  return GRANTS[permission];
}

export function isAnyPermission(permission: Permission): boolean {
  return permission.endsWith(":any");
}

/** Whether a permission changes something in the person's name (a confirmed address needed). */
export function needsVerifiedAddress(permission: Permission): boolean {
  return grantOf(permission).verified === true;
}

export function isStaff(actor: { role: string } | null | undefined): boolean {
  return actor?.role === "staff" || actor?.role === "admin";
}

/** The holders the person is to this thing. */
function holdersOf(actor: Actor, on: Ownership): Holder[] {
  const holders: Holder[] = [actor.role];
  if (on.groupRole) holders.push(`group.${on.groupRole}`);
  if (on.districtId !== undefined && actor.districtIds.includes(on.districtId)) holders.push("district.representative");
  return holders;
}

/** The role table plus the conditions: second factor for `:any`, confirmed address where the grant says. */
export function can(actor: Actor | null | undefined, permission: Permission, on: Ownership = {}): boolean {
  if (!actor) return false;
  const grant = grantOf(permission);
  if (grant.verified && !actor.emailVerified) return false;
  if (isAnyPermission(permission)) return grant.to.includes(actor.role) && actor.totpEnabled;
  return holdersOf(actor, on).some((holder) => grant.to.includes(holder));
}

/**
 * For scoping a query: "any" when the permission reaches every group, else the group roles
 * through which it reaches a group of the person's (none: it reaches no group).
 */
export function groupReach(actor: Actor, permission: Permission): "any" | GroupRole[] {
  if (isAnyPermission(permission)) return can(actor, permission) ? "any" : [];
  const grant = grantOf(permission);
  if (grant.verified && !actor.emailVerified) return [];
  return GROUP_ROLES.filter((groupRole) => grant.to.includes(`group.${groupRole}`));
}

/**
 * The role would allow this, but the second factor is not set up yet: the person is sent to
 * set it up rather than refused.
 */
export function needsSecondFactorSetup(actor: Actor | null | undefined, permission: Permission): boolean {
  return Boolean(actor && isAnyPermission(permission) && grantOf(permission).to.includes(actor.role) && !actor.totpEnabled);
}
