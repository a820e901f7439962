import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { consultationAdminMessages } from "../consultations/messages/consultationAdmin.ts";
import { consultationPublicMessages } from "../consultations/messages/consultationPublic.ts";
import { consultationResults } from "../consultations/public.server.ts";
import { ResultsDocument } from "../consultations/ui/results-document.tsx";
import consultationStyles from "../consultations/ui/consultations.css?url";
import { useT } from "../i18n/index.ts";
import { idParam } from "../platform/forms/params.ts";
import { pageTitle } from "../platform/meta.ts";

/**
 * The results document as it will be published (Art. 43), for staff before and after publishing:
 * to check it, and to print it on A4 for the council and the notice board (consultations.css).
 * Exactly what the public page will show — the same query and component — with a banner while
 * it is not yet published. No scripts: a document to read and print (decision 0012).
 */
export const handle = { hydrate: false, messages: [consultationAdminMessages, consultationPublicMessages] };
export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => t("consultationAdmin.resultsPreview.title", { title: args.data?.results.title ?? "" }), ...handle.messages);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "consultation:manage:any");
  const id = idParam(params.id);
  const results = await consultationResults(id, { preview: true });
  if (!results) throw notFound();
  return { id, results };
}

export default function ResultsPreview() {
  const t = useT(...handle.messages);
  const { id, results } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to={`/admin/consultations/${id}/results`}>{t("consultationAdmin.resultsPreview.back")}</Link>
      </p>
      <p className="notice no-print" role="status">
        {results.status === "published" ? t("consultationAdmin.resultsPreview.published") : t("consultationAdmin.resultsPreview.unpublished")}
      </p>
      <ResultsDocument results={results} />
    </>
  );
}
