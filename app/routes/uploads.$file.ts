/**
 * Uploaded logos. A file is served only while a version that may be seen refers to it: the
 * published version of a listed group (to anyone), any version of a group the viewer is a
 * member of, or any version for staff. Everything else is 404, so a draft's image stays
 * private. The type comes from the content checked at upload (platform/uploads).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, getAuthenticatedSession, notFound } from "../auth/guards.server.ts";
import { can } from "../auth/permissions.ts";
import { logoAccess } from "../groups/editor.server.ts";
import { isUploadName, uploadResponse } from "../platform/uploads/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = params.file ?? "";
  if (!isUploadName(name)) throw notFound();
  const session = await getAuthenticatedSession(request);
  const viewer = session ? { userId: session.user.id, staff: can(actorOf(session), "group:review:any") } : null;
  const access = await logoAccess(name, viewer);
  if (!access) throw notFound();
  // A public logo never changes under its name (a new upload gets a new one).
  const response = await uploadResponse(name, { cacheControl: access === "public" ? "public, max-age=86400" : "private, no-store" });
  if (!response) throw notFound();
  return response;
}
