/**
 * Indicator 6-1 NPO・ボランティア登録団体数: the registry's count of registered groups
 * (countRegisteredGroups in app/groups/registered.server.ts is the one definition), with the
 * plan's baseline and targets.
 */
import { countRegisteredGroups } from "../groups/public.server.ts";
import type { Indicator } from "./catalogue.server.ts";

export const GROUPS_REGISTERED = {
  id: "groups-registered",
  policy: "6-1",
  title: "groupReview.dashboard.indicator",
  href: "/admin/indicators/groups",
  baseline: { value: 93, date: "2017-03-31" },
  targets: [
    { fiscalYear: 2022, value: 105 },
    { fiscalYear: 2026, value: 113 },
  ],
  better: "higher",
  unit: "団体",
  countLabel: "groupReview.indicator.count",
  measure: countRegisteredGroups,
} as const satisfies Indicator;

/** The groups behind the figure, for its staff page. */
export { registeredGroupsAt as countedGroupsAt } from "../groups/public.server.ts";
