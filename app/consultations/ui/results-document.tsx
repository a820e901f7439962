/**
 * The results of a consultation (Art. 43) as one document: the public results page shows it, and
 * it prints on A4 for the council and the notice board (consultations.css @media print).
 */
import { useLang, useT } from "../../i18n/index.ts";
import { formatIsoDate } from "../../platform/dates.ts";
import { consultationPublicMessages } from "../messages/consultationPublic.ts";
import { CHANNELS, WITHHELD_MARK } from "../rules.ts";
import type { ConsultationResults } from "../public.server.ts";

export function ResultsDocument({ results: r }: { results: ConsultationResults }) {
  const t = useT(consultationPublicMessages);
  const lang = useLang();
  const withheld = r.sections.some((s) => s.opinions.some((o) => o.comments.some((k) => k.text.includes(WITHHELD_MARK))));
  return (
    <article className="results-document">
      <h1>{t("consultationPublic.results.title", { title: r.title })}</h1>
      <dl className="facts">
        {r.period ? (
          <>
            <dt>{t("consultationPublic.results.draftPublished")}</dt>
            <dd>{formatIsoDate(r.period.firstDay, lang)}</dd>
            <dt>{t("consultationPublic.period")}</dt>
            <dd>{t("consultations.period", { first: formatIsoDate(r.period.firstDay, lang), last: formatIsoDate(r.period.lastDay, lang), days: r.period.days })}</dd>
          </>
        ) : null}
        {r.resultsPublishedOn ? (
          <>
            <dt>{t("consultationPublic.results.published")}</dt>
            <dd>{formatIsoDate(r.resultsPublishedOn, lang)}</dd>
          </>
        ) : null}
        {r.section ? (
          <>
            <dt>{t("consultationPublic.section")}</dt>
            <dd>{r.section}</dd>
          </>
        ) : null}
        <dt>{t("consultationPublic.results.people")}</dt>
        <dd>{t("consultations.people", { count: r.counts.people })}</dd>
        <dt>{t("consultationPublic.results.comments")}</dt>
        <dd>{t("consultations.comments", { count: r.counts.comments })}</dd>
      </dl>
      {r.counts.people === 0 ? (
        <p className="notice">{t("consultationPublic.results.none")}</p>
      ) : (
        <table className="results-figures">
          <caption>{t("consultationPublic.results.byChannel")}</caption>
          <tbody>
            {CHANNELS.map((ch) => (
              <tr key={ch}>
                <th scope="row">{t(`consultations.channel.${ch}`)}</th>
                <td>{t("consultations.people", { count: r.counts.byChannel[ch] })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("consultationPublic.results.opinions")}</h2>
      {withheld ? <p>{t("consultationPublic.results.withheldNote")}</p> : null}
      {r.sections.map((s) => (
        <section key={s.number ?? "whole"} id={s.number === null ? "results-whole" : `results-section-${s.number}`} aria-labelledby={`results-heading-${s.number ?? "whole"}`}>
          <h3 id={`results-heading-${s.number ?? "whole"}`}>{s.number === null ? t("consultations.section.whole") : t("consultations.section.numbered", { number: s.number, heading: s.heading ?? "" })}</h3>
          {s.opinions.map((o, i) => (
            <div key={o.id} className="results-opinion">
              <h4>
                {t("consultationPublic.results.opinion")} {i + 1}
              </h4>
              <p className="prewrap">{o.summary}</p>
              <h4>{t("consultationPublic.results.response")}</h4>
              <p className="prewrap">{o.response}</p>
              {o.comments.length > 0 ? (
                <details>
                  <summary>{t("consultationPublic.results.received")}</summary>
                  <ul>
                    {o.comments.map((k, j) => (
                      <li key={j}>
                        <p className="results-comment">{k.text}</p>
                        {k.identical > 0 ? <p>{t("consultationPublic.results.identical", { count: k.identical })}</p> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          ))}
          {s.changes.length > 0 ? (
            <>
              <h4>{t("consultationPublic.results.changes")}</h4>
              <ul>
                {s.changes.map((ch) => (
                  <li key={ch.id}>
                    <p className="prewrap">
                      {t("consultationPublic.results.change")}: {ch.change}
                    </p>
                    <p className="prewrap">
                      {t("consultationPublic.results.reason")}: {ch.reason}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      {r.sections.every((s) => s.changes.length === 0) ? <p>{t("consultationPublic.results.noChanges")}</p> : null}
      {r.finalTextHtml || r.finalTextUrl ? (
        <>
          <h2>{t("consultationPublic.results.final")}</h2>
          {/* Sanitised by draft.server.ts markdownToHtml. */}
          {r.finalTextHtml ? <div className="draft" dangerouslySetInnerHTML={{ __html: r.finalTextHtml }} /> : null}
          {r.finalTextUrl ? (
            <p>
              <a href={r.finalTextUrl} rel="noopener noreferrer">
                {t("consultationPublic.results.finalLink")}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
