import { databaseReachable } from "../utils/db.server.ts";

/** 200 when the database answers, 503 otherwise. For load balancers and monitoring. */
export async function loader() {
  const ok = await databaseReachable();
  return new Response(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok }), {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
