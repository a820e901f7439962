/**
 * The group registry's server-side contributions (decision 0017): its review queues on the
 * staff dashboard, its part of the account export and deletion, its daily jobs, its open data.
 */
import type { ServerContributions } from "../platform/contributions.ts";
import { tokyoDate } from "../platform/dates.ts";
import { OPEN_DATA_CACHE_CONTROL, openDataCsv, openDataGroups, openDataJson } from "./directory.server.ts";
import { endGroupDataWithAccount, exportGroupData, lastRepresentativeCheck } from "./editor.server.ts";
import { GROUP_JOBS } from "./jobs.server.ts";
import { waitingApplications } from "./review.server.ts";
import { REVIEW_KINDS } from "./review-forms.ts";
import type { Actor } from "../auth/permissions.ts";

export const contributions = {
  dashboard: REVIEW_KINDS.map((kind, i) => ({
    id: `groups-${kind}`,
    kind: "waiting" as const,
    permission: "group:review:any" as const,
    title: `groupReview.dashboard.${kind}` as const,
    href: `/admin/groups?kind=${kind}`,
    order: 40 + i,
    waiting: (actor: Actor) => waitingApplications(actor, kind),
  })),
  account: {
    export: exportGroupData,
    deletionCheck: lastRepresentativeCheck,
    onDelete: endGroupDataWithAccount,
  },
  jobs: GROUP_JOBS,
  openData: [
    {
      // Columns in README "Open data"; UTF-8 with BOM, CRLF.
      file: "groups.csv",
      format: "csv",
      title: "groupDirectory.openDataTitle",
      respond: async (at) =>
        new Response(openDataCsv(await openDataGroups({ at })), {
          headers: {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": `attachment; filename="groups-${tokyoDate(at).replace(/-/g, "")}.csv"`,
            "Cache-Control": OPEN_DATA_CACHE_CONTROL,
          },
        }),
    },
    {
      // The same records as groups.csv under English keys.
      file: "groups.json",
      format: "json",
      title: "groupDirectory.openDataTitle",
      respond: async (at) =>
        new Response(JSON.stringify(openDataJson(await openDataGroups({ at }), at)), {
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "Cache-Control": OPEN_DATA_CACHE_CONTROL,
            "Access-Control-Allow-Origin": "*",
          },
        }),
    },
  ],
} satisfies ServerContributions;
