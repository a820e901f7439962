/**
 * A consultation's PDF document, as its page links it: anyone for an announced consultation,
 * staff only for a draft's; 404 otherwise (app/consultations/files.server.ts).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, getAuthenticatedSession, notFound } from "../auth/guards.server.ts";
import { consultationFileResponse } from "../consultations/files.server.ts";
import { idParam } from "../platform/forms/params.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getAuthenticatedSession(request);
  const response = await consultationFileResponse(idParam(params.id), idParam(params.fileId), session ? actorOf(session) : null);
  if (!response) throw notFound();
  return response;
}
