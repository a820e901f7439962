import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSession } from "../auth/guards.server.ts";
import { exportAccountData } from "../accounts/account.server.ts";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";

/** "My data": the person's own data as a JSON download. A GET that changes nothing. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const body = JSON.stringify(await exportAccountData(session.user.id, session.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${tokyoDate(now())}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
