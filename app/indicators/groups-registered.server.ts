/**
 * Indicator 6-1 NPO・ボランティア登録団体数: groups with a registration valid at the instant
 * asked that are an NPO法人 with its main office in the city, or are registered at the
 * 社会福祉協議会 ボランティアセンター; a group that is both counts once.
 * This is the only definition of the count; the dashboard and the plan indicators use it.
 */
import { db } from "../utils/db.server.ts";
import { listedGroupWhere } from "../models/group.server.ts";

export const GROUPS_REGISTERED = {
  id: "groups-registered",
  policy: "6-1",
  baseline: { value: 93, date: "2017-03-31" },
  targets: [
    { fiscalYear: 2022, value: 105 },
    { fiscalYear: 2026, value: 113 },
  ],
  better: "higher",
  unit: "団体",
} as const;

function countedWhere(at: Date) {
  return { ...listedGroupWhere(at), OR: [{ npoInCity: true }, { volunteerCenter: true }] };
}

export async function groupsRegisteredCount(at: Date): Promise<number> {
  return db.group.count({ where: countedWhere(at) });
}

export async function groupsRegisteredList(at: Date) {
  return db.group.findMany({
    where: countedWhere(at),
    select: { id: true, name: true, nameKana: true, kind: true, npoInCity: true, volunteerCenter: true },
    orderBy: { nameKana: "asc" },
  });
}
