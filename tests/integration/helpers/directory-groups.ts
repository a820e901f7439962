/**
 * Groups for directory tests, made the way the registry makes them: a Group, a GroupVersion
 * approved and published with publishVersion (which fills the directory columns), and a
 * GroupRegistration for a fiscal year. Used by the integration and e2e tests of /groups.
 */
import type { GroupProfileInput } from "../../../app/groups/forms.ts";
import { fiscalYearValidity, publishVersion, versionColumns } from "../../../app/groups/group.server.ts";
import type { Db } from "../../../app/platform/db.server.ts";

export type SeedGroup = Partial<GroupProfileInput> & { name: string; nameKana: string };

export function profileOf(input: SeedGroup): GroupProfileInput {
  return {
    kind: "volunteer",
    corporateNumber: "",
    mainOfficeInCity: false,
    volunteerCenter: true,
    representativeName: "代表 太郎",
    representativePublic: false,
    phone: "",
    email: "",
    website: "",
    sns: "",
    mainDistrictId: 1,
    districtIds: [],
    activityFields: [1],
    purpose: "地域のために活動します。",
    activities: "月に一度集まって活動しています。",
    foundedOn: "2015-04-01",
    memberCount: 12,
    welcomesMembers: true,
    welcomesVolunteers: false,
    meetingPlace: "",
    ...input,
  };
}

export type SeedOptions = {
  /** The fiscal year of the approved registration; null for none (a draft, never approved). */
  fiscalYear: number | null;
  /** "draft": the only version is a draft and nothing is published. */
  state?: "active" | "draft";
  logoFile?: string;
  createdAt?: Date;
};

/** Creates a group; returns its id. */
export async function seedGroup(client: Db, input: SeedGroup, { fiscalYear, state = "active", logoFile = "", createdAt }: SeedOptions): Promise<number> {
  const profile = profileOf(input);
  return client.$transaction(async (tx) => {
    const group = await tx.group.create({ data: { state, ...(createdAt ? { createdAt } : {}) } });
    const version = await tx.groupVersion.create({
      data: {
        groupId: group.id,
        ...versionColumns(profile),
        logoFile,
        status: state === "draft" ? "draft" : "approved",
        submittedAt: state === "draft" ? null : new Date(),
        decidedAt: state === "draft" ? null : new Date(),
      },
    });
    if (state === "draft") return group.id;
    await publishVersion(tx, group.id, version.id);
    if (fiscalYear !== null) {
      const { startsAt, validUntil } = fiscalYearValidity(fiscalYear);
      await tx.groupRegistration.create({
        data: {
          groupId: group.id,
          fiscalYear,
          kind: "initial",
          status: "approved",
          submittedAt: startsAt,
          decidedAt: startsAt,
          validFrom: startsAt,
          validUntil,
        },
      });
    }
    return group.id;
  });
}

/** A change waiting for review: a submitted version that must not show anywhere public. */
export async function seedPendingChange(client: Db, groupId: number, input: SeedGroup): Promise<void> {
  await client.groupVersion.create({
    data: { groupId, ...versionColumns(profileOf(input)), status: "submitted", submittedAt: new Date() },
  });
}
