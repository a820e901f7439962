/**
 * Fixtures for the group review and validity suites: accounts, districts, and groups brought
 * to a state through the representative's own model functions (createGroup, saveGroupVersion),
 * so the review is tested against what the registration form really writes.
 *
 * Import this module only after DATABASE_URL names the test database (prepareDatabase in
 * admin-suite.ts): the app's `db` is made from it when first imported.
 */
import { randomUUID } from "node:crypto";
import { createSession } from "../../app/auth/session.server.ts";
import type { Actor } from "../../app/auth/permissions.ts";
import { groupProfileSchema, type GroupProfileInput } from "../../app/groups/forms.ts";
import { createGroup, saveGroupVersion } from "../../app/groups/editor.server.ts";
import { withCheckDigit } from "../../app/platform/forms/rules.ts";
import { now, setClock } from "../../app/platform/clock.server.ts";
import { db } from "../../app/platform/db.server.ts";
import { tokyoDate } from "../../app/platform/dates.ts";

export { db };

/** An instant written in Tokyo time, "2027-03-31T23:59:00" → the Date. */
export function jst(local: string): Date {
  return new Date(`${local}+09:00`);
}

/** Sets the app's clock and returns the instant. */
export function at(local: string): Date {
  const instant = jst(local);
  setClock(instant);
  return instant;
}

let counter = 0;
const next = () => ++counter;

/** A person as the domain functions take them (an Actor) with their address. */
export type Person = Actor & { email: string };

export async function makePerson(role: Person["role"] = "resident", label: string = role): Promise<Person> {
  const n = next();
  const user = await db.user.create({
    data: {
      id: randomUUID(),
      email: `${label}.${n}.${randomUUID().slice(0, 6)}@example.jp`,
      displayName: `${label} ${n}`,
      passwordHash: "x",
      role,
      emailVerifiedAt: now(),
      // Staff need their second factor before the staff area opens.
      totpSecret: role === "resident" ? null : "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
      totpEnabledAt: role === "resident" ? null : now(),
    },
  });
  return { id: user.id, email: user.email, role, emailVerified: true, totpEnabled: role !== "resident", districtIds: [] };
}

/** A session cookie for a person (second factor given), for requests to a server process. */
export async function cookieFor(person: Person): Promise<string> {
  const { token } = await createSession(person.id, { twoFactorVerified: true, device: "test" });
  return `portal_session=${token}`;
}

export async function ensureDistricts(): Promise<number[]> {
  if ((await db.district.count()) === 0) {
    await db.district.createMany({
      data: [
        { code: "001", name: "安中一区", nameKana: "アンナカイック", area: "安中" },
        { code: "002", name: "安中二区", nameKana: "アンナカニク", area: "安中" },
        { code: "045", name: "東上秋間二区", nameKana: "ヒガシカミアキマニク", area: "秋間" },
      ],
    });
  }
  return (await db.district.findMany({ orderBy: { code: "asc" }, select: { id: true } })).map((d) => d.id);
}

/**
 * A valid profile through the form's own schema. Volunteer groups registered at the volunteer
 * centre count toward 6-1; `npo: true` makes an NPO法人 with its office in the city (counted too).
 */
export async function profile(overrides: Record<string, string | string[]> = {}, { npo = false } = {}): Promise<GroupProfileInput> {
  const districts = await ensureDistricts();
  const n = next();
  const raw: Record<string, string | string[]> = {
    name: `碓氷ボランティアの会${n}`,
    nameKana: `うすいぼらんてぃあのかい`,
    kind: npo ? "npo" : "volunteer",
    corporateNumber: npo ? withCheckDigit(String(100000000000 + n * 7919)) : "",
    mainOfficeInCity: npo ? "on" : "",
    volunteerCenter: npo ? "" : "on",
    representativeName: "碓氷 花子",
    representativePublic: "",
    phone: "027-382-1111",
    email: `group${n}@example.jp`,
    website: "https://example.jp/",
    sns: "",
    mainDistrictId: String(districts[0]),
    districtIds: [String(districts[0]), String(districts[1])],
    activityFields: ["1", "13"],
    purpose: "地域の子どもたちの見守りを行います。",
    activities: "登下校の見守り、夏祭りの手伝い。",
    foundedOn: "2015-04-01",
    memberCount: "12",
    welcomesMembers: "on",
    welcomesVolunteers: "on",
    meetingPlace: "安中公民館",
    ...overrides,
  };
  return groupProfileSchema(tokyoDate(now())).parse(raw);
}

/** A representative registers a group and submits it for review (at the clock's time). */
export async function submitNewGroup(representative: Person, input?: GroupProfileInput): Promise<number> {
  const result = await createGroup(representative, { profile: input ?? (await profile()), submit: true, logo: { kind: "keep" } });
  if (!result.ok) throw new Error(`createGroup refused: ${JSON.stringify(result)}`);
  return result.groupId;
}

/** The representative saves the form and submits it (a resubmission, or a change after approval). */
export async function submitVersion(representative: Person, groupId: number, input: GroupProfileInput) {
  const result = await saveGroupVersion(representative, groupId, { profile: input, submit: true, logo: { kind: "keep" } });
  if (!result.ok) throw new Error(`saveGroupVersion refused: ${JSON.stringify(result)}`);
}

export async function submittedVersionId(groupId: number): Promise<number> {
  const version = await db.groupVersion.findFirstOrThrow({ where: { groupId, status: "submitted" }, orderBy: { id: "desc" } });
  return version.id;
}

export async function addMember(groupId: number, person: Person, role: "representative" | "editor") {
  await db.groupMembership.create({ data: { groupId, userId: person.id, role } });
}

export async function mailsTo(email: string) {
  return db.outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

export async function auditOf(groupId: number) {
  return db.auditEntry.findMany({ where: { targetType: "group", targetId: String(groupId) }, orderBy: { at: "asc" } });
}
