import { OPEN_DATA_CACHE_CONTROL, openDataCsv, openDataGroups } from "../groups/directory.server.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";

/** Open data: the currently registered groups as CSV (UTF-8 with BOM, CRLF; columns in README "Open data"). */
export async function loader() {
  const at = now();
  const csv = openDataCsv(await openDataGroups({ at }));
  const name = `groups-${tokyoDate(at).replace(/-/g, "")}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": OPEN_DATA_CACHE_CONTROL,
    },
  });
}
