/**
 * The permissions module: what each role may do, the conditions of the thing itself, and the
 * second factor that staff permissions wait for. (Which page asks for what is the role × page
 * matrix in tests/integration/role-matrix-suite.ts.)
 */
import { describe, expect, it } from "vitest";
import { can, needsSecondFactorSetup, type Actor, type Permission } from "../../app/auth/permissions.ts";

const person = (over: Partial<Actor>): Actor => ({ id: "u", role: "resident", emailVerified: true, totpEnabled: false, districtIds: [], ...over });

const STAFF_PERMISSIONS: Permission[] = ["admin:access", "districts:manage"];
const ADMIN_PERMISSIONS: Permission[] = ["users:manage", "audit:read", "outbox:read"];

describe("can", () => {
  it("refuses everything to nobody", () => {
    for (const p of [...STAFF_PERMISSIONS, ...ADMIN_PERMISSIONS, "content:submit", "district:represent"] as Permission[]) {
      expect(can(null, p, { districtId: 1 })).toBe(false);
    }
  });

  it("gives residents no staff permission, whatever their second factor", () => {
    for (const p of [...STAFF_PERMISSIONS, ...ADMIN_PERMISSIONS]) {
      expect(can(person({ totpEnabled: true }), p)).toBe(false);
      expect(needsSecondFactorSetup(person({}), p)).toBe(false);
    }
  });

  it("opens the staff permissions to staff only with their second factor", () => {
    for (const p of STAFF_PERMISSIONS) {
      expect(can(person({ role: "staff", totpEnabled: true }), p)).toBe(true);
      expect(can(person({ role: "staff", totpEnabled: false }), p)).toBe(false);
      expect(needsSecondFactorSetup(person({ role: "staff", totpEnabled: false }), p)).toBe(true);
      expect(needsSecondFactorSetup(person({ role: "staff", totpEnabled: true }), p)).toBe(false);
    }
  });

  it("keeps users, audit log and outbox to admins", () => {
    for (const p of ADMIN_PERMISSIONS) {
      expect(can(person({ role: "staff", totpEnabled: true }), p)).toBe(false);
      expect(needsSecondFactorSetup(person({ role: "staff", totpEnabled: false }), p)).toBe(false);
      expect(can(person({ role: "admin", totpEnabled: true }), p)).toBe(true);
      expect(can(person({ role: "admin", totpEnabled: false }), p)).toBe(false);
      expect(needsSecondFactorSetup(person({ role: "admin", totpEnabled: false }), p)).toBe(true);
    }
  });

  it("lets verified accounts submit, and only them", () => {
    for (const role of ["resident", "staff", "admin"] as const) {
      expect(can(person({ role }), "content:submit")).toBe(true);
      expect(can(person({ role, emailVerified: false }), "content:submit")).toBe(false);
    }
  });

  it("lets a district's representatives act for that district only", () => {
    const rep = person({ districtIds: [3, 7] });
    expect(can(rep, "district:represent", { districtId: 3 })).toBe(true);
    expect(can(rep, "district:represent", { districtId: 4 })).toBe(false);
    expect(can(rep, "district:represent")).toBe(false);
    expect(can({ ...rep, emailVerified: false }, "district:represent", { districtId: 3 })).toBe(false);
    // Staff do not act for a district they do not represent.
    expect(can(person({ role: "admin", totpEnabled: true }), "district:represent", { districtId: 3 })).toBe(false);
  });
});
