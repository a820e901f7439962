import { OPEN_DATA_CACHE_CONTROL, openDataGroups, openDataJson } from "../groups/directory.server.ts";
import { now } from "../platform/clock.server.ts";

/** Open data: the same records as groups.csv under English keys (README "Open data" maps them). */
export async function loader() {
  const at = now();
  const body = JSON.stringify(openDataJson(await openDataGroups({ at }), at));
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": OPEN_DATA_CACHE_CONTROL,
      "Access-Control-Allow-Origin": "*",
    },
  });
}
