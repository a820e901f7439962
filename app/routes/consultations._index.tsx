import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { consultationPublicMessages } from "../consultations/messages/consultationPublic.ts";
import { ConsultationFacts } from "../consultations/ui/public-facts.tsx";
import { publicConsultations, type ListedConsultation } from "../consultations/public.server.ts";
import { useLang, useT } from "../i18n/index.ts";
import { formatIsoDate } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

// A list of links: no scripts (decision 0012).
export const handle = { hydrate: false, messages: [consultationPublicMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("consultationPublic.title"), ...handle.messages);
export const links: LinksFunction = () => [{ rel: "alternate", type: "application/atom+xml", href: "/consultations/feed.xml", title: "Atom" }];

export async function loader(_: LoaderFunctionArgs) {
  return publicConsultations();
}

const GROUPS = ["open", "scheduled", "closed", "published", "withdrawn"] as const;

function Entry({ c }: { c: ListedConsultation }) {
  const t = useT(...handle.messages);
  const lang = useLang();
  return (
    <li className="consultation-entry">
      <h3>
        <Link to={`/consultations/${c.id}`}>{c.title}</Link>
      </h3>
      <ConsultationFacts c={c} />
      {c.summary ? <p>{c.summary}</p> : null}
      {c.status === "published" ? (
        <p>
          <Link to={`/consultations/${c.id}/results`}>{t("consultationPublic.results")}</Link>
        </p>
      ) : null}
      {c.status === "withdrawn" && c.withdrawnOn ? <p>{t("consultationPublic.withdrawnOn", { date: formatIsoDate(c.withdrawnOn, lang) })}</p> : null}
    </li>
  );
}

export default function Consultations() {
  const t = useT(...handle.messages);
  const lists = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("consultationPublic.title")}</h1>
      <p className="lead">{t("consultationPublic.lead")}</p>
      <p>
        <a href="/consultations/feed.xml">{t("consultationPublic.feed")}</a>
      </p>
      {GROUPS.map((group) => (
        <section key={group} aria-labelledby={`consultations-${group}`}>
          <h2 id={`consultations-${group}`}>{t(`consultationPublic.list.${group}`)}</h2>
          {lists[group].length === 0 ? (
            <p>{t("consultationPublic.list.none")}</p>
          ) : (
            <ul className="consultation-list">
              {lists[group].map((c) => (
                <Entry key={c.id} c={c} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
