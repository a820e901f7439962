/**
 * The permission table (app/auth/permissions.ts): who holds each permission, the conditions of
 * the thing itself (membership, district), the confirmed address, and the second factor that
 * `:any` permissions wait for. Which page asks for what is the role × page matrix
 * (tests/integration/role-matrix-suite.ts).
 */
import { describe, expect, it } from "vitest";
import {
  can,
  GRANTS,
  GROUP_ROLES,
  groupReach,
  isAnyPermission,
  isStaff,
  needsSecondFactorSetup,
  needsVerifiedAddress,
  PERMISSIONS,
  ROLES,
  type Actor,
  type Permission,
} from "../../app/auth/permissions.ts";

const person = (over: Partial<Actor>): Actor => ({ id: "u", role: "resident", emailVerified: true, totpEnabled: false, districtIds: [], ...over });
const staff = person({ role: "staff", totpEnabled: true });
const admin = person({ role: "admin", totpEnabled: true });

const ANY = PERMISSIONS.filter(isAnyPermission);
const OWN = PERMISSIONS.filter((p) => !isAnyPermission(p));

/** The table as expected, written out by hand: a change to a grant must change this too. */
const EXPECTED: Record<Permission, string[]> = {
  "dashboard:read:any": ["staff", "admin"],
  "group:review:any": ["staff", "admin"],
  "group:edit:any": ["staff", "admin"],
  "indicator:read:any": ["staff", "admin"],
  "district:manage:any": ["staff", "admin"],
  "consultation:manage:any": ["staff", "admin"],
  "consultation:moderate:any": ["staff", "admin"],
  "user:manage:any": ["admin"],
  "audit:read:any": ["admin"],
  "outbox:read:any": ["admin"],
  "group:create:own": ["resident", "staff", "admin"],
  "group:read:own": ["group.representative", "group.editor"],
  "group:leave:own": ["group.representative", "group.editor"],
  "group:edit:own": ["group.representative", "group.editor"],
  "group:submit:own": ["group.representative"],
  "group:members:own": ["group.representative"],
  "group:renew:own": ["group.representative"],
  "group:withdraw:own": ["group.representative"],
  "district:represent:own": ["district.representative"],
};

describe("the permission table", () => {
  it("knows the three account roles, who of them is staff, and which permissions need a confirmed address", () => {
    expect(ROLES).toEqual(["resident", "staff", "admin"]);
    expect(ROLES.filter((role) => isStaff({ role }))).toEqual(["staff", "admin"]);
    expect(isStaff(null)).toBe(false);
    expect(isStaff(undefined)).toBe(false);
    const verified = PERMISSIONS.filter(needsVerifiedAddress);
    expect(verified).toEqual(PERMISSIONS.filter((p) => (GRANTS[p] as { verified?: true }).verified === true));
    expect(verified).toContain("group:create:own");
    expect(verified).not.toContain("group:read:own");
    expect(verified.some(isAnyPermission)).toBe(false);
  });

  it("names every permission entity:verb:own|any and grants each as written down", () => {
    for (const p of PERMISSIONS) expect(p).toMatch(/^[a-z]+:[a-z]+:(own|any)$/);
    expect(Object.fromEntries(PERMISSIONS.map((p) => [p, [...GRANTS[p].to]]))).toEqual(EXPECTED);
  });

  it("grants :any permissions to account roles only (a role on a thing never reaches every thing)", () => {
    for (const p of ANY) for (const holder of GRANTS[p].to) expect(ROLES).toContain(holder);
  });
});

describe("can", () => {
  it("refuses everything to nobody", () => {
    for (const p of PERMISSIONS) expect(can(null, p, { groupRole: "representative", districtId: 1 })).toBe(false);
  });

  it("opens each :any permission to exactly its roles, and only with their second factor", () => {
    for (const p of ANY) {
      for (const role of ROLES) {
        const granted = EXPECTED[p].includes(role);
        expect(can(person({ role, totpEnabled: true }), p), `${role} ${p}`).toBe(granted);
        expect(can(person({ role, totpEnabled: false }), p), `${role} ${p} without 2fa`).toBe(false);
        expect(needsSecondFactorSetup(person({ role, totpEnabled: false }), p), `${role} ${p} setup`).toBe(granted);
        expect(needsSecondFactorSetup(person({ role, totpEnabled: true }), p)).toBe(false);
      }
    }
  });

  it("never asks for a second factor for :own permissions", () => {
    for (const p of OWN) for (const role of ROLES) expect(needsSecondFactorSetup(person({ role }), p)).toBe(false);
  });

  it("gives a group's permissions by the person's role in it, whatever their account role", () => {
    for (const p of OWN.filter((p) => p.startsWith("group:") && p !== "group:create:own")) {
      for (const role of ROLES) {
        const actor = person({ role, totpEnabled: role !== "resident" });
        expect(can(actor, p), `${role} ${p} of no group`).toBe(false);
        expect(can(actor, p, { groupRole: null }), `${role} ${p} not a member`).toBe(false);
        for (const groupRole of GROUP_ROLES) {
          expect(can(actor, p, { groupRole }), `${role} as ${groupRole}: ${p}`).toBe(EXPECTED[p].includes(`group.${groupRole}`));
        }
      }
    }
  });

  it("lets editors save drafts and leave, and keeps submitting, members, renewal and withdrawal to representatives", () => {
    const editor = { groupRole: "editor" } as const;
    expect(can(person({}), "group:read:own", editor)).toBe(true);
    expect(can(person({}), "group:edit:own", editor)).toBe(true);
    expect(can(person({}), "group:leave:own", editor)).toBe(true);
    for (const p of ["group:submit:own", "group:members:own", "group:renew:own", "group:withdraw:own"] as const) {
      expect(can(person({}), p, editor)).toBe(false);
      expect(can(person({}), p, { groupRole: "representative" })).toBe(true);
    }
  });

  it("asks for a confirmed address where the grant says so, and only there", () => {
    const unverified = person({ emailVerified: false, districtIds: [3] });
    for (const p of OWN) {
      const on = { groupRole: "representative", districtId: 3 } as const;
      expect(can(person({ districtIds: [3] }), p, on), p).toBe(true);
      expect(can(unverified, p, on), `${p} unverified`).toBe(!("verified" in GRANTS[p]));
    }
    expect(can(unverified, "group:read:own", { groupRole: "editor" })).toBe(true);
    expect(can(unverified, "group:create:own")).toBe(false);
  });

  it("lets a district's representatives act for that district only", () => {
    const rep = person({ districtIds: [3, 7] });
    expect(can(rep, "district:represent:own", { districtId: 3 })).toBe(true);
    expect(can(rep, "district:represent:own", { districtId: 4 })).toBe(false);
    expect(can(rep, "district:represent:own")).toBe(false);
    // Staff do not act for a district they do not represent.
    expect(can(admin, "district:represent:own", { districtId: 3 })).toBe(false);
  });
});

describe("groupReach (what a scoped query may return)", () => {
  it("reaches every group through :any for staff with their second factor, none without it", () => {
    expect(groupReach(staff, "group:review:any")).toBe("any");
    expect(groupReach(person({ role: "staff" }), "group:review:any")).toEqual([]);
    expect(groupReach(person({}), "group:review:any")).toEqual([]);
  });

  it("reaches the person's own groups through the roles that hold the permission", () => {
    expect(groupReach(person({}), "group:read:own")).toEqual(["representative", "editor"]);
    expect(groupReach(person({}), "group:members:own")).toEqual(["representative"]);
    // Staff reach no group through :own beyond their own memberships.
    expect(groupReach(admin, "group:edit:own")).toEqual(["representative", "editor"]);
  });

  it("reaches nothing through a permission held by no group role, or without the confirmed address it needs", () => {
    expect(groupReach(person({}), "group:create:own")).toEqual([]);
    expect(groupReach(person({ emailVerified: false }), "group:edit:own")).toEqual([]);
    expect(groupReach(person({ emailVerified: false }), "group:read:own")).toEqual(["representative", "editor"]);
  });
});
