import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guards.server.ts";
import { exportCentersCsv } from "../districts/centers.server.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";

/** The centres as a 公共施設一覧 CSV (UTF-8 with BOM, CRLF), the same columns the import reads. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "district:manage:any");
  const csv = await exportCentersCsv();
  const name = `community-centers-${tokyoDate(now()).replace(/-/g, "")}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
