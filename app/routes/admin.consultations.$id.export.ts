import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { exportComments } from "../consultations/export.server.ts";
import { getLang } from "../i18n/lang.server.ts";
import { idParam } from "../platform/forms/params.ts";

/** All comments of the consultation as CSV, with personal data; staff only, the export recorded in the audit log. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const file = await exportComments(actor, idParam(params.id), getLang(request));
  if (!file) throw notFound();
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
