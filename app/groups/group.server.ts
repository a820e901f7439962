/**
 * The core of the group registry shared by the representative's pages, the review queue,
 * the directory and the import: what "valid" means, and publishing an approved version.
 */
import { GROUP_FIELD_NAMES, GROUP_FIELDS, LIST_FIELDS, type GroupField } from "./fields.ts";
import type { GroupDraftInput } from "./forms.ts";
import type { FormValues } from "../platform/forms/values.ts";
import type { FieldErrors } from "../platform/forms/validation.ts";
import { db, Prisma, type Db } from "../platform/db.server.ts";
import { fiscalYearRange } from "../platform/dates.ts";
import { searchGrams, toSearchText } from "../platform/search.ts";
import { identityKeyOf, UNANSWERED_MEMBER_COUNT } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

export type RegistrationTimes = {
  status: string;
  validFrom: Date | null;
  validUntil: Date;
  endedAt: Date | null;
  renewalSubmittedAt: Date | null;
  renewalDecidedAt: Date | null;
};

/**
 * The profile's ids checked to exist (the form checks only their shape): a message at each
 * field that names a district there is none of. The versions keep district ids as JSON, with
 * no foreign key, so this is the only check; districts are never deleted.
 */
export async function unknownReferences(profile: { mainDistrictId: number | null; districtIds: number[] }, client: Tx = db): Promise<FieldErrors> {
  const ids = [...new Set([...(profile.mainDistrictId === null ? [] : [profile.mainDistrictId]), ...profile.districtIds])];
  const known = new Set((await client.district.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((d) => d.id));
  const errors: FieldErrors = {};
  if (profile.mainDistrictId !== null && !known.has(profile.mainDistrictId)) errors.mainDistrictId = "groups.errors.unknownDistrict";
  if (profile.districtIds.some((id) => !known.has(id))) errors.districtIds = "groups.errors.unknownDistrict";
  return errors;
}

/**
 * A registration is valid at an instant when approved, started, not ended early, and either
 * within its fiscal year or kept alive by a renewal submitted before the year ended and not
 * yet decided (the domain rule: a pending renewal keeps the group registered).
 */
export function registrationValidAt(r: RegistrationTimes, at: Date): boolean {
  if (r.status !== "approved" || !r.validFrom || r.validFrom.getTime() > at.getTime()) return false;
  if (r.endedAt && r.endedAt.getTime() <= at.getTime()) return false;
  if (at.getTime() < r.validUntil.getTime()) return true;
  return (
    r.renewalSubmittedAt !== null &&
    r.renewalSubmittedAt.getTime() < r.validUntil.getTime() &&
    (r.renewalDecidedAt === null || at.getTime() < r.renewalDecidedAt.getTime())
  );
}

/** The same rule as a Prisma filter on GroupRegistration (keep the two in step). */
export function registrationValidAtWhere(at: Date): Prisma.GroupRegistrationWhereInput {
  return {
    status: "approved",
    validFrom: { lte: at },
    AND: [
      { OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
      {
        OR: [
          { validUntil: { gt: at } },
          { renewalSubmittedAt: { not: null }, renewalDecidedAt: null },
          { renewalSubmittedAt: { not: null }, renewalDecidedAt: { gt: at } },
        ],
      },
    ],
  };
}

/**
 * The approved registrations that withdrawal or cancellation ends now: those not ended yet
 * that are valid now or later, including one kept alive by a renewal still waiting.
 */
export function registrationsToEndWhere(groupId: number, at: Date): Prisma.GroupRegistrationWhereInput {
  return {
    groupId,
    status: "approved",
    endedAt: null,
    OR: [{ validUntil: { gt: at } }, { renewalSubmittedAt: { not: null }, renewalDecidedAt: null }],
  };
}

/**
 * The same rule again as SQL, for the group aliased "g" in the directory's hand-written query
 * (both databases; Date parameters are serialised as Prisma stores DateTime columns). The
 * group-validity suite checks it against listedGroupWhere at every boundary.
 */
export function listedGroupSql(at: Date): Prisma.Sql {
  return Prisma.sql`g."publishedVersionId" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "GroupRegistration" r
     WHERE r."groupId" = g."id" AND r."status" = 'approved' AND r."validFrom" <= ${at}
       AND (r."endedAt" IS NULL OR r."endedAt" > ${at})
       AND (r."validUntil" > ${at} OR (r."renewalSubmittedAt" IS NOT NULL AND (r."renewalDecidedAt" IS NULL OR r."renewalDecidedAt" > ${at}))))`;
}

/** Groups the public sees (and the indicator counts) at an instant: with a valid registration. */
export function listedGroupWhere(at: Date): Prisma.GroupWhereInput {
  // Withdrawal and cancellation end the registration (endedAt), so validity alone decides.
  return { publishedVersionId: { not: null }, registrations: { some: registrationValidAtWhere(at) } };
}

/**
 * The first instant after `at` at which the rule above can give another answer for some
 * registration without any write: the earliest validFrom, validUntil, endedAt or
 * renewalDecidedAt later than `at` (every time the rule compares with the instant), or null.
 * Until then, who is listed changes only by writes. Kept beside the rule: a new time column
 * in the rule belongs here too (tests/integration/directory-cache-suite.ts walks them).
 */
export async function nextListingChange(at: Date, client: Db = db): Promise<Date | null> {
  const registrations = client.groupRegistration;
  const [validFrom, validUntil, endedAt, renewalDecidedAt] = await Promise.all([
    registrations.aggregate({ where: { validFrom: { gt: at } }, _min: { validFrom: true } }),
    registrations.aggregate({ where: { validUntil: { gt: at } }, _min: { validUntil: true } }),
    registrations.aggregate({ where: { endedAt: { gt: at } }, _min: { endedAt: true } }),
    registrations.aggregate({ where: { renewalDecidedAt: { gt: at } }, _min: { renewalDecidedAt: true } }),
  ]);
  const instants = [validFrom._min.validFrom, validUntil._min.validUntil, endedAt._min.endedAt, renewalDecidedAt._min.renewalDecidedAt];
  const times = instants.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

/** Registration validity bounds for a fiscal year. */
export function fiscalYearValidity(fy: number) {
  const { startsAt, endsBefore } = fiscalYearRange(fy);
  return { startsAt, validUntil: endsBefore };
}

export type VersionRow = Awaited<ReturnType<typeof db.groupVersion.findUniqueOrThrow>>;

type ListField = (typeof LIST_FIELDS)[number];
/** A GroupVersion's profile columns: lists as JSON text, everything else as validated (a draft's unanswered count as 0). */
export type VersionColumns = Omit<GroupDraftInput, ListField | "memberCount"> & Record<ListField, string> & { memberCount: number };
/** A GroupVersion's profile as values: its JSON lists read back. */
export type VersionProfile = Omit<Pick<VersionRow, GroupField>, ListField> & Record<ListField, number[]>;

const isList = (name: GroupField): name is ListField => (LIST_FIELDS as readonly GroupField[]).includes(name);

/** A draft's unanswered number of members: stored as UNANSWERED_MEMBER_COUNT, shown empty (rules.ts). */
const UNANSWERED_COUNT = UNANSWERED_MEMBER_COUNT;

/** The profile columns of a GroupVersion from validated input (the field table's fields; a draft's too). */
export function versionColumns(input: GroupDraftInput): VersionColumns {
  const columns: Record<string, unknown> = {};
  for (const name of GROUP_FIELD_NAMES) {
    const value = input[name];
    columns[name] = isList(name) ? JSON.stringify(value) : value === null && GROUP_FIELDS[name].kind === "count" ? UNANSWERED_COUNT : value;
  }
  return columns as VersionColumns;
}

/** A version's profile fields, lists parsed. */
export function versionProfile(v: VersionRow): VersionProfile {
  const profile: Record<string, unknown> = {};
  for (const name of GROUP_FIELD_NAMES) profile[name] = isList(name) ? parseIdList(v[name]) : v[name];
  return profile as VersionProfile;
}

/** The other way round: a version as the profile form's values (what a posted form would hold). */
export function versionFormValues(v: VersionRow): FormValues {
  const values: FormValues = {};
  for (const name of GROUP_FIELD_NAMES) {
    const value = v[name];
    if (isList(name)) values[name] = parseIdList(v[name]).map(String);
    else if (GROUP_FIELDS[name].kind === "checkbox") values[name] = value ? "on" : "";
    else if (GROUP_FIELDS[name].kind === "count" && value === UNANSWERED_COUNT) values[name] = "";
    else values[name] = value === null ? "" : String(value);
  }
  return values;
}

export function parseIdList(json: string): number[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is number => Number.isInteger(v)) : [];
  } catch {
    return [];
  }
}

/** Only what the group chose to publish goes into the search text (never a private name). */
export function publicSearchText(v: VersionRow): string {
  return toSearchText(
    [v.name, v.nameKana, v.purpose, v.activities, v.meetingPlace, v.representativePublic ? v.representativeName : ""].join(" "),
  );
}

/**
 * Makes an approved version the public profile: the previous one is superseded and the
 * directory columns, fields, districts and search pieces are copied from the new one. Every
 * change of a group's public text goes through here (review, import, seed), which keeps
 * GroupSearchGram in step with searchText; lapses and withdrawals change no text (the
 * directory checks validity at the instant of the search).
 */
/**
 * Thrown by publishVersion when the version names a district there is none of: a version stored
 * before the ids were checked (unknownReferences) must not be published with an empty district.
 * The decision that publishes it is refused and its transaction rolled back.
 */
export class UnknownDistrictsError extends Error {
  constructor(readonly errors: FieldErrors) {
    super("version names an unknown district");
  }
}

export async function publishVersion(tx: Tx, groupId: number, versionId: number) {
  const version = await tx.groupVersion.findUniqueOrThrow({ where: { id: versionId } });
  if (version.groupId !== groupId) throw new Error("version of another group");
  const unknown = await unknownReferences({ mainDistrictId: version.mainDistrictId, districtIds: parseIdList(version.districtIds) }, tx);
  if (Object.keys(unknown).length > 0) throw new UnknownDistrictsError(unknown);
  await tx.groupVersion.updateMany({
    where: { groupId, status: "approved", id: { not: versionId } },
    data: { status: "superseded" },
  });
  const fields = parseIdList(version.activityFields);
  const districtIds = parseIdList(version.districtIds);
  const searchText = publicSearchText(version);
  await tx.group.update({
    where: { id: groupId },
    data: {
      publishedVersionId: versionId,
      corporateNumber: version.corporateNumber || null,
      identityKey: identityKeyOf(version.name, version.nameKana),
      name: version.name,
      nameKana: version.nameKana,
      kind: version.kind,
      npoInCity: version.kind === "npo" && version.mainOfficeInCity,
      volunteerCenter: version.volunteerCenter,
      welcomesVolunteers: version.welcomesVolunteers,
      mainDistrictId: version.mainDistrictId,
      searchText,
    },
  });
  await replaceSearchGrams(tx, groupId, searchText);
  await tx.groupField.deleteMany({ where: { groupId } });
  if (fields.length) await tx.groupField.createMany({ data: fields.map((field) => ({ groupId, field })) });
  await tx.groupDistrict.deleteMany({ where: { groupId } });
  if (districtIds.length) await tx.groupDistrict.createMany({ data: districtIds.map((districtId) => ({ groupId, districtId })) });
}

/** Rewrites a group's GroupSearchGram rows for its new searchText. */
async function replaceSearchGrams(tx: Tx, groupId: number, searchText: string) {
  await tx.groupSearchGram.deleteMany({ where: { groupId } });
  const grams = searchGrams(searchText);
  if (grams.length) await tx.groupSearchGram.createMany({ data: grams.map((gram) => ({ gram, groupId })) });
}

/** A member's role in a group (which permissions each holds: app/auth/permissions.ts). */
export type { GroupRole } from "../auth/permissions.ts";

export async function representativeEmails(groupId: number, client: Tx = db): Promise<string[]> {
  const members = await client.groupMembership.findMany({
    where: { groupId, role: "representative", user: { active: true } },
    select: { user: { select: { email: true } } },
  });
  return members.map((m) => m.user.email);
}
