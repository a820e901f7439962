/**
 * The renewal rules as pure functions, at the instants that matter (Asia/Tokyo): when renewal
 * opens, what a representative may do, when reminders are due, where an approved renewal starts,
 * and the diff staff see. Runs under TZ=UTC and TZ=Asia/Tokyo (npm run test:unit).
 */
import { describe, expect, it, vi } from "vitest";

// The modules under test reach the database only inside functions not called here.
vi.mock("../../app/platform/db.server.ts", () => ({ db: {} }));

const { fiscalYearValidity, registrationValidAt } = await import("../../app/groups/group.server.ts");
const { lastValidDay } = await import("../../app/platform/dates.ts");
const { finalReminderAt, reminderDue, renewalOpensAt, renewalStatusOf, renewalValidFrom } = await import(
  "../../app/groups/renewal.server.ts"
);
const { versionDiff } = await import("../../app/groups/review.server.ts");
type RegistrationRow = import("../../app/groups/renewal.server.ts").RegistrationRow;
type VersionRow = import("../../app/groups/group.server.ts").VersionRow;

const jst = (local: string) => new Date(`${local}+09:00`);

let nextId = 1;
function registration(fiscalYear: number, overrides: Partial<RegistrationRow> = {}): RegistrationRow {
  const { startsAt, validUntil } = fiscalYearValidity(fiscalYear);
  return {
    id: nextId++,
    fiscalYear,
    kind: "initial",
    status: "approved",
    submittedAt: startsAt,
    validFrom: startsAt,
    validUntil,
    endedAt: null,
    endReason: null,
    renewalSubmittedAt: null,
    renewalDecidedAt: null,
    ...overrides,
  };
}

describe("the fiscal-year boundary", () => {
  it("a registration is valid through March 31 23:59:59.999 Tokyo time and not at April 1 00:00", () => {
    const r = registration(2026);
    expect(r.validUntil.toISOString()).toBe("2027-03-31T15:00:00.000Z");
    expect(registrationValidAt(r, jst("2027-03-31T23:59:00"))).toBe(true);
    expect(registrationValidAt(r, new Date(jst("2027-04-01T00:00:00").getTime() - 1))).toBe(true);
    expect(registrationValidAt(r, jst("2027-04-01T00:00:00"))).toBe(false);
    expect(lastValidDay(r.validUntil)).toBe("2027-03-31");
  });

  it("a renewal submitted before the end keeps it valid until decided, and only until then", () => {
    const kept = registration(2026, { renewalSubmittedAt: jst("2027-03-10T12:00:00") });
    expect(registrationValidAt(kept, jst("2027-04-20T00:00:00"))).toBe(true);
    const decided = { ...kept, renewalDecidedAt: jst("2027-04-03T10:00:00") };
    expect(registrationValidAt(decided, jst("2027-04-03T09:59:59"))).toBe(true);
    expect(registrationValidAt(decided, jst("2027-04-03T10:00:00"))).toBe(false);
    const tooLate = registration(2026, { renewalSubmittedAt: jst("2027-04-01T00:00:00") });
    expect(registrationValidAt(tooLate, jst("2027-04-01T00:00:00"))).toBe(false);
  });

  it("only an approved registration counts, from the instant it starts, and not from the instant it ends early", () => {
    const mid = jst("2026-10-01T12:00:00");
    for (const status of ["pending", "rejected"] as const) expect(registrationValidAt(registration(2026, { status }), mid), status).toBe(false);
    expect(registrationValidAt(registration(2026, { validFrom: null }), mid)).toBe(false);
    const approvedAt = jst("2026-06-02T09:00:00");
    const late = registration(2026, { validFrom: approvedAt });
    expect(registrationValidAt(late, new Date(approvedAt.getTime() - 1))).toBe(false);
    expect(registrationValidAt(late, approvedAt)).toBe(true);
    const endedAt = jst("2026-11-15T10:00:00");
    const ended = registration(2026, { endedAt, endReason: "withdrawn" });
    expect(registrationValidAt(ended, new Date(endedAt.getTime() - 1))).toBe(true);
    expect(registrationValidAt(ended, endedAt)).toBe(false);
    // Ending early wins over a pending renewal too.
    const endedWhilePending = registration(2026, { renewalSubmittedAt: jst("2027-03-10T12:00:00"), endedAt: jst("2027-04-05T00:00:00") });
    expect(registrationValidAt(endedWhilePending, jst("2027-04-04T23:59:59"))).toBe(true);
    expect(registrationValidAt(endedWhilePending, jst("2027-04-05T00:00:00"))).toBe(false);
  });

  it("renewal opens on February 1 and the final reminder is due from March 25 (Tokyo)", () => {
    expect(renewalOpensAt(2026).toISOString()).toBe("2027-01-31T15:00:00.000Z");
    expect(finalReminderAt(2026).toISOString()).toBe("2027-03-24T15:00:00.000Z");
  });
});

describe("what a representative may do about renewal", () => {
  const current = () => registration(2026, { validFrom: jst("2026-06-01T10:00:00") });

  it("waits until February 1, then renews into the next fiscal year", () => {
    const regs = [current()];
    expect(renewalStatusOf("active", regs, jst("2027-01-31T23:59:59"))).toEqual({ kind: "notYet", fiscalYear: 2027, opensOn: "2027-02-01" });
    expect(renewalStatusOf("active", regs, jst("2027-02-01T00:00:00"))).toMatchObject({ kind: "open", fiscalYear: 2027 });
    expect(renewalStatusOf("active", regs, jst("2027-03-31T23:59:59"))).toMatchObject({ kind: "open", fiscalYear: 2027 });
  });

  it("shows a pending renewal, a decided one and a year already covered", () => {
    const pending = [current(), registration(2027, { kind: "renewal", status: "pending", validFrom: null, submittedAt: jst("2027-03-10T12:00:00") })];
    expect(renewalStatusOf("active", pending, jst("2027-03-11T00:00:00"))).toEqual({
      kind: "pending",
      fiscalYear: 2027,
      submittedAt: jst("2027-03-10T12:00:00"),
    });
    const covered = [current(), registration(2027)];
    expect(renewalStatusOf("active", covered, jst("2027-03-01T00:00:00"))).toEqual({ kind: "done", fiscalYear: 2027 });
    const rejected = [current(), registration(2027, { kind: "renewal", status: "rejected", validFrom: null })];
    expect(renewalStatusOf("active", rejected, jst("2027-03-01T00:00:00"))).toEqual({ kind: "rejected", fiscalYear: 2027 });
    expect(renewalStatusOf("active", rejected, jst("2027-04-02T00:00:00"))).toEqual({ kind: "rejected", fiscalYear: 2027 });
  });

  it("after a lapse offers a late renewal for the current year; never for a group that is not active", () => {
    const regs = [current()];
    expect(renewalStatusOf("active", regs, jst("2027-04-01T00:00:00"))).toEqual({ kind: "late", fiscalYear: 2027 });
    expect(renewalStatusOf("cancelled", regs, jst("2027-03-01T00:00:00"))).toEqual({ kind: "unavailable" });
    expect(renewalStatusOf("withdrawn", regs, jst("2027-03-01T00:00:00"))).toEqual({ kind: "unavailable" });
    expect(renewalStatusOf("draft", [], jst("2027-03-01T00:00:00"))).toEqual({ kind: "unavailable" });
    const ended = [registration(2026, { endedAt: jst("2026-12-01T00:00:00"), endReason: "cancelled" })];
    expect(renewalStatusOf("active", ended, jst("2027-02-10T00:00:00"))).toEqual({ kind: "unavailable" });
  });
});

describe("where an approved renewal starts", () => {
  it("at the start of its year when the group stayed registered, at the decision after a lapse", () => {
    const decidedInMarch = jst("2027-03-20T10:00:00");
    expect(renewalValidFrom(2027, registration(2026), decidedInMarch)).toEqual(jst("2027-04-01T00:00:00"));
    const kept = registration(2026, { renewalSubmittedAt: jst("2027-03-10T12:00:00") });
    expect(renewalValidFrom(2027, kept, jst("2027-04-05T15:00:00"))).toEqual(jst("2027-04-01T00:00:00"));
    const lapsed = registration(2026, { endReason: "expired" });
    expect(renewalValidFrom(2027, lapsed, jst("2027-04-12T11:00:00"))).toEqual(jst("2027-04-12T11:00:00"));
    expect(renewalValidFrom(2027, null, jst("2027-04-12T11:00:00"))).toEqual(jst("2027-04-12T11:00:00"));
  });
});

describe("renewal reminders", () => {
  it("are due once from February 1 and once more from March 25", () => {
    expect(reminderDue(2026, null, jst("2027-01-31T23:59:59"))).toBeNull();
    expect(reminderDue(2026, null, jst("2027-02-01T00:00:00"))).toBe("first");
    const first = jst("2027-02-01T09:00:00");
    expect(reminderDue(2026, first, jst("2027-03-24T23:59:59"))).toBeNull();
    expect(reminderDue(2026, first, jst("2027-03-25T00:00:00"))).toBe("final");
    expect(reminderDue(2026, jst("2027-03-25T09:00:00"), jst("2027-03-30T09:00:00"))).toBeNull();
    // A group approved after the first reminder went out still gets the final one.
    expect(reminderDue(2026, null, jst("2027-03-26T09:00:00"))).toBe("final");
  });
});

describe("the diff staff see", () => {
  const base = {
    id: 1,
    groupId: 1,
    status: "approved",
    name: "安中の会",
    nameKana: "アンナカノカイ",
    kind: "volunteer",
    corporateNumber: "",
    mainOfficeInCity: false,
    volunteerCenter: true,
    representativeName: "安中 太郎",
    representativePublic: false,
    phone: "027-382-1111",
    email: "",
    website: "",
    sns: "",
    mainDistrictId: 1,
    districtIds: "[1,2]",
    activityFields: "[13,1]",
    purpose: "目的",
    activities: "活動",
    foundedOn: "2015-04-01",
    memberCount: 12,
    welcomesMembers: true,
    welcomesVolunteers: true,
    meetingPlace: "",
    logoFile: "",
    consentAt: null,
    createdById: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    submittedAt: null,
    decidedAt: null,
    decidedById: null,
  } as VersionRow;

  it("lists only the items that differ, lists compared as sets", () => {
    const next = { ...base, id: 2, status: "submitted", name: "新しい会", activityFields: "[1,13]", districtIds: "[2,1,3]", memberCount: 15 };
    expect(versionDiff(base, next)).toEqual([
      {
        field: "name",
        before: "安中の会",
        after: "新しい会",
        // Marked by words (Intl.Segmenter, ja), not by scattered shared characters (decision 0028).
        changes: [
          { kind: "removed", text: "安中の" },
          { kind: "added", text: "新しい" },
          { kind: "same", text: "会" },
        ],
      },
      { field: "districtIds", before: [1, 2], after: [1, 2, 3] },
      { field: "memberCount", before: 12, after: 15 },
    ]);
    expect(versionDiff(base, { ...base, id: 3 })).toEqual([]);
  });

  it("lists every item of a new registration (nothing published yet)", () => {
    const rows = versionDiff(null, base);
    expect(rows).toHaveLength(23);
    expect(rows[0]).toEqual({ field: "name", before: undefined, after: "安中の会" });
  });
});
