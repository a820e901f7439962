/** The facts a consultation's entry and its page open with: the period (with days left) and the responsible section. */
import { useLang, useT } from "../../i18n/index.ts";
import { formatIsoDate } from "../../platform/dates.ts";
import { consultationPublicMessages } from "../messages/consultationPublic.ts";
import type { ListedConsultation } from "../public.server.ts";

export function ConsultationFacts({ c }: { c: Pick<ListedConsultation, "period" | "daysLeft" | "section"> }) {
  const t = useT(consultationPublicMessages);
  const lang = useLang();
  return (
    <dl className="facts">
      {c.period ? (
        <>
          <dt>{t("consultationPublic.period")}</dt>
          <dd>
            {t("consultations.period", { first: formatIsoDate(c.period.firstDay, lang), last: formatIsoDate(c.period.lastDay, lang), days: c.period.days })}
            {c.daysLeft !== null ? <strong className="badge">{t("consultations.daysLeft", { count: c.daysLeft })}</strong> : null}
          </dd>
        </>
      ) : null}
      {c.section ? (
        <>
          <dt>{t("consultationPublic.section")}</dt>
          <dd>{c.section}</dd>
        </>
      ) : null}
    </dl>
  );
}
