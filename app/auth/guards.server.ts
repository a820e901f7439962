import { redirect } from "@remix-run/node";
import { can, needsSecondFactorSetup, needsVerifiedAddress, type Actor, type Ownership, type Permission } from "./permissions.ts";
import { readSessionToken, validateSessionToken, type AuthSession } from "./session.server.ts";

const cache = new WeakMap<Request, Promise<AuthSession | null>>();

/**
 * The session of the request, validated once per request. A session that still waits for its
 * second factor does not count as logged in anywhere except the two-factor step itself.
 */
export function getSession(request: Request): Promise<AuthSession | null> {
  let pending = cache.get(request);
  if (!pending) {
    const token = readSessionToken(request);
    pending = token ? validateSessionToken(token) : Promise.resolve(null);
    cache.set(request, pending);
  }
  return pending;
}

export async function getAuthenticatedSession(request: Request): Promise<AuthSession | null> {
  const session = await getSession(request);
  if (!session) return null;
  if (session.user.totpEnabled && !session.twoFactorVerified) return null;
  return session;
}

export function actorOf(session: AuthSession): Actor {
  return {
    id: session.user.id,
    role: session.user.role,
    emailVerified: session.user.emailVerified,
    totpEnabled: session.user.totpEnabled,
    districtIds: session.user.districtIds,
  };
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Logged in (second factor given where set up), or off to the log-in page. */
export async function requireSession(request: Request): Promise<AuthSession> {
  const session = await getSession(request);
  if (session && session.user.totpEnabled && !session.twoFactorVerified) throw redirect("/login/two-factor");
  if (!session) throw loginRedirect(request);
  return session;
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

/**
 * What a person who is refused a permission gets: sent to confirm their address when that is
 * what is missing, else 403. For a thing they may not know exists, the guard answers 404 first.
 */
export function refusal(actor: Actor, permission: Permission): Response {
  if (needsVerifiedAddress(permission) && !actor.emailVerified) return redirect("/account?verify=required");
  return forbidden();
}

/**
 * Logged in and allowed. Staff and admins must have set up their second factor before any
 * staff (`:any`) permission opens; they are sent to set it up.
 */
export async function requirePermission(request: Request, permission: Permission, on?: Ownership) {
  const session = await requireSession(request);
  const actor = actorOf(session);
  if (needsSecondFactorSetup(actor, permission)) throw redirect("/account/two-factor?required=1");
  if (!can(actor, permission, on)) throw refusal(actor, permission);
  return { session, actor };
}
