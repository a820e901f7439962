import { consultationFeed } from "../consultations/feed.server.ts";

/** Atom feed of announcements, results and withdrawals; anyone may read it. */
export async function loader() {
  return new Response(await consultationFeed(), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
