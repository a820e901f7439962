/**
 * The registered groups of indicator 6-1 (NPO・ボランティア登録団体数): groups with a
 * registration valid at the instant asked that are an NPO法人 with its main office in the city,
 * or are registered at the 社会福祉協議会 ボランティアセンター; a group that is both counts once.
 * This is the only definition of the count; app/indicators reads it through public.server.ts.
 *
 * Both halves are read as they were at that instant: the registration's own times (renewals
 * and endings never overwrite them), and the profile of the version in force then — the last
 * one staff approved (or corrected, or imported) by that instant — so a group that left the
 * volunteer centre last month still counts for the months before.
 */
import { listedGroupWhere } from "./group.server.ts";
import { groupsRegisteredReasons } from "./rules.ts";
import { db } from "../platform/db.server.ts";

export type CountedGroup = { id: number; name: string; nameKana: string; kind: string; npoInCity: boolean; volunteerCenter: boolean };

/** The groups 6-1 counts at `at`, with their profile as it stood then, in 50音 order. */
export async function registeredGroupsAt(at: Date): Promise<CountedGroup[]> {
  const groups = await db.group.findMany({
    where: listedGroupWhere(at),
    select: {
      id: true,
      versions: {
        where: { status: { in: ["approved", "superseded"] }, decidedAt: { lte: at } },
        orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { name: true, nameKana: true, kind: true, mainOfficeInCity: true, volunteerCenter: true },
      },
    },
  });
  const counted: CountedGroup[] = [];
  for (const group of groups) {
    const version = group.versions[0];
    if (!version) continue;
    const reasons = groupsRegisteredReasons(version);
    if (!reasons) continue;
    counted.push({ id: group.id, name: version.name, nameKana: version.nameKana, kind: version.kind, ...reasons });
  }
  return counted.sort((a, b) => (a.nameKana < b.nameKana ? -1 : a.nameKana > b.nameKana ? 1 : a.id - b.id));
}

export async function countRegisteredGroups(at: Date): Promise<number> {
  return (await registeredGroupsAt(at)).length;
}
