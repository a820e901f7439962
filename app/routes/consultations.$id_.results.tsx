import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Link, useLoaderData } from "@remix-run/react";
import { consultationPublicMessages } from "../consultations/messages/consultationPublic.ts";
import { consultationResults, publicConsultation } from "../consultations/public.server.ts";
import { ResultsDocument } from "../consultations/ui/results-document.tsx";
import consultationStyles from "../consultations/ui/consultations.css?url";
import { useT } from "../i18n/index.ts";
import { idParam } from "../platform/forms/params.ts";
import { pageTitle } from "../platform/meta.ts";

// A document to read and print: no scripts (decision 0012).
export const handle = { hydrate: false, messages: [consultationPublicMessages] };
export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t) => (args.data?.results ? t("consultationPublic.results.title", { title: args.data.results.title }) : t("consultationPublic.results.notYet")), ...handle.messages);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const results = await consultationResults(id);
  if (results) return { id, results };
  // Announced but not yet decided: say so (404 for what the public cannot know exists).
  if (!(await publicConsultation(id))) throw new Response("Not Found", { status: 404 });
  return data({ id, results: null }, { status: 404 });
}

export default function ConsultationResultsPage() {
  const t = useT(...handle.messages);
  const { id, results } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to={`/consultations/${id}`}>{t("consultationPublic.received.back")}</Link>
      </p>
      {results ? <ResultsDocument results={results} /> : <h1>{t("consultationPublic.results.notYet")}</h1>}
    </>
  );
}
