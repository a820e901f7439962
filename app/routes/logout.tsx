import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSession } from "../auth/guards.server.ts";
import { blankSessionCookie, invalidateSession } from "../auth/session.server.ts";

/** Log-out is a POST (the CSRF guard checks its Origin); a GET changes nothing. */
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session) await invalidateSession(session.id);
  return redirect("/login?notice=loggedOut", { headers: { "Set-Cookie": blankSessionCookie() } });
}
