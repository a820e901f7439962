/**
 * Groups the registry's browser tests need, made in the worker's database through the
 * registry's own model functions (import this module only from a hook or test that uses the
 * `db` fixture: the app's client is made from DATABASE_URL, which that fixture sets).
 */
import type { Db } from "../../app/platform/db.server.ts";
import type { Actor } from "../../app/auth/permissions.ts";
import { createPersonIn, type Person } from "./fixtures.ts";

/** A word no demo group uses, so that the directory's counts hold whatever demo groups exist. */
export const WORD = "風早";
export const MATCHES = 23;

/** 23 listed groups with WORD (every second one welcoming volunteers) and one lapsed; made once per database. */
export async function directoryGroups(db: Db): Promise<{ listedId: number; lapsedId: number }> {
  const { seedGroup } = await import("../integration/helpers/directory-groups.ts");
  const { fiscalYearAt } = await import("../../app/platform/dates.ts");
  const fy = fiscalYearAt(new Date());
  const district = await db.district.findFirstOrThrow({ orderBy: { code: "asc" } });
  if (!(await db.group.findFirst({ where: { name: `${WORD}子育ての会01` } }))) {
    for (let i = 1; i <= MATCHES; i++) {
      await seedGroup(
        db,
        {
          name: `${WORD}子育ての会${String(i).padStart(2, "0")}`,
          nameKana: `カザハヤコソダテノカイ${"ア".repeat(i)}`,
          mainDistrictId: district.id,
          activityFields: [13, 2],
          purpose: `${WORD}地区で子育て中の家族を応援し、人権について学ぶ機会もつくります。`,
          activities: "毎月の親子ひろばと読み聞かせを行っています。",
          welcomesVolunteers: i % 2 === 0,
          website: "https://example.jp/kazahaya",
          phone: "027-382-1234",
          representativeName: "非公開 代表",
          representativePublic: false,
        },
        { fiscalYear: fy },
      );
    }
    await seedGroup(db, { name: `${WORD}解散した会`, nameKana: "カザハヤカイサンシタカイ", mainDistrictId: district.id }, { fiscalYear: fy - 1 });
  }
  return {
    listedId: (await db.group.findFirstOrThrow({ where: { name: `${WORD}子育ての会01` } })).id,
    lapsedId: (await db.group.findFirstOrThrow({ where: { name: `${WORD}解散した会` } })).id,
  };
}

export type ReviewGroups = {
  representative: Person;
  /** Submitted, never decided. */
  fresh: number;
  /** Approved as 審査試験の会, with a change to 審査試験の会（改称） waiting. */
  change: number;
};

/** A representative with a new application and a registered group whose change waits for staff. */
export async function reviewGroups(db: Db, names = { fresh: "審査試験の新しい会", change: "審査試験の会" }): Promise<ReviewGroups> {
  const support = await import("../integration/group-review-support.ts");
  const representative = await createPersonIn(db, { label: "e2e-review" });
  const staff = await db.user.findFirstOrThrow({ where: { role: "staff", isDemo: true } });
  const fresh = await support.submitNewGroup(representative, await support.profile({ name: names.fresh }));
  return { representative, fresh, change: await registeredWithChange(representative, actorOfStaff(staff.id), names.change) };
}

/** A group approved under `name`, then changed by its representative (renamed, 30 members, three fields) and submitted. */
/** The demo staff member as the review functions see them (second factor given). */
export function actorOfStaff(id: string): Actor {
  return { id, role: "staff", emailVerified: true, totpEnabled: true, districtIds: [] };
}

export async function registeredWithChange(representative: Person, staff: Actor, name: string): Promise<number> {
  const support = await import("../integration/group-review-support.ts");
  const { decideVersion } = await import("../../app/groups/review.server.ts");
  const id = await support.submitNewGroup(representative, await support.profile({ name }));
  await decideVersion(staff, id, await support.submittedVersionId(id), "approve", "");
  await support.submitVersion(representative, id, await support.profile({ name: `${name}（改称）`, memberCount: "30", activityFields: ["1", "13", "7"] }));
  return id;
}

/** A representative with a draft group (never submitted); returns the status page's path. */
export async function draftGroup(db: Db, name: string): Promise<{ representative: Person; statusPath: string }> {
  const support = await import("../integration/group-review-support.ts");
  const { createGroup } = await import("../../app/groups/editor.server.ts");
  const representative = await createPersonIn(db, { label: "e2e-draft" });
  const result = await createGroup(representative, { profile: await support.profile({ name }), submit: false, logo: { kind: "keep" } });
  if (!result.ok) throw new Error(`createGroup refused: ${JSON.stringify(result)}`);
  return { representative, statusPath: `/my/groups/${result.groupId}` };
}
