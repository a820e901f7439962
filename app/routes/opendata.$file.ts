import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server.ts";
import { now } from "../platform/clock.server.ts";
import { openDataFiles } from "../platform/domains.contributions.server.ts";

/** Open data: whichever file a domain lists in its contributes.server.ts (groups.csv, groups.json, …); anything else is 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = openDataFiles().find((f) => f.file === params.file);
  if (!file) throw notFound();
  return file.respond(now());
}
