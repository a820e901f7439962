/**
 * Uploaded logos. A file is served only while a version that may be seen refers to it: the
 * published version of a listed group (to anyone), any version of a group the viewer is a
 * member of, or any version for staff. Everything else is 404, so a draft's image stays
 * private. The type comes from the bytes checked at upload (see utils/uploads.server.ts); the
 * server's own headers (X-Content-Type-Options: nosniff, the CSP) keep a browser from treating
 * the file as anything else.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, getAuthenticatedSession, notFound } from "../auth/guards.server.ts";
import { can } from "../auth/permissions.ts";
import { logoAccess } from "../groups/editor.server.ts";
import { isUploadName, readUpload } from "../platform/uploads.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = params.file ?? "";
  if (!isUploadName(name)) throw notFound();
  const session = await getAuthenticatedSession(request);
  const viewer = session ? { userId: session.user.id, staff: can(actorOf(session), "group:review:any") } : null;
  const access = await logoAccess(name, viewer);
  if (!access) throw notFound();
  const file = await readUpload(name);
  if (!file) throw notFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `inline; filename="${name}"`,
      // A public logo never changes under its name (a new upload gets a new one).
      "Cache-Control": access === "public" ? "public, max-age=86400" : "private, no-store",
    },
  });
}
