import { health } from "../platform/health.server.ts";

/** 200 when the database answers, 503 otherwise. For load balancers and monitoring. */
export async function loader() {
  const { ok, database } = await health();
  return new Response(JSON.stringify({ status: ok ? "ok" : "unavailable", database }), {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
