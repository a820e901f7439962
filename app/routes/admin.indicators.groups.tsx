import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { TextField } from "../components/form.tsx";
import { groupKindLabel } from "../groups/ui/review-ui.tsx";
import { queryFormData } from "../platform/forms/validation.ts";
import { indicatorDateSchema } from "../groups/review-forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { useLang, useT } from "../i18n/index.ts";
import { groupReviewMessages } from "../groups/messages/groupReview.ts";
import { countedGroupsAt, GROUPS_REGISTERED } from "../indicators/groups-registered.server.ts";
import groupReviewStyles from "../groups/ui/group-review.css?url";
import { now } from "../platform/clock.server.ts";
import { fiscalYearLabel, formatInstant, formatIsoDate, tokyoDate, tokyoInstant } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupReviewStyles }];

export const handle = { messages: [groupReviewMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("groupReview.indicator.title"), ...handle.messages);

/**
 * Indicator 6-1 as of now (or at the end of a chosen day), with the groups it counts: the same
 * function the plan indicators use, so the figure here is the figure reported.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "indicator:read:any");
  const parsed = parseForm(indicatorDateSchema, queryFormData(request));
  const date = parsed.ok ? parsed.data.date : "";
  const current = now();
  // A past or future day is counted at its last instant: a registration valid that day counts.
  const at = date && date !== tokyoDate(current) ? new Date(tokyoInstant(date).getTime() + 24 * 60 * 60_000 - 1) : current;
  const groups = await countedGroupsAt(at);
  const count = groups.length;
  const body = {
    errors: parsed.ok ? undefined : parsed.errors,
    values: parsed.ok ? { date } : parsed.values,
    date: at === current ? null : date,
    at,
    count,
    groups,
    baseline: GROUPS_REGISTERED.baseline,
    targets: GROUPS_REGISTERED.targets,
  };
  return parsed.ok ? body : data(body, { status: 400 });
}

export default function GroupsRegisteredIndicator() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { errors, values, date, at, count, groups, baseline, targets } = useLoaderData<typeof loader>();
  const form = useValidatedForm(indicatorDateSchema, { errors, values }, {}, { method: "get" });
  return (
    <>
      <h1>{t("groupReview.indicator.title")}</h1>
      <p>{t("groupReview.indicator.lead")}</p>
      <p>{date ? t("groupReview.indicator.asOfDay", { date: formatIsoDate(date, lang) }) : t("groupReview.indicator.asOfNow", { date: formatInstant(at, lang) })}</p>
      <p className="indicator-figure" id="groups-registered-count">
        {t("groupReview.indicator.count", { count })}
      </p>
      <ul>
        <li>{t("groupReview.indicator.baseline", { value: baseline.value, date: formatIsoDate(baseline.date, lang) })}</li>
        {targets.map((target) => (
          <li key={target.fiscalYear}>{t("groupReview.indicator.target", { fy: fiscalYearLabel(target.fiscalYear, lang), value: target.value })}</li>
        ))}
      </ul>
      <Form method="get" className="filter-form" noValidate onSubmit={form.onSubmit}>
        <TextField label={t("groupReview.indicator.date")} hint={t("groupReview.indicator.dateHint")} error={form.errorFor("date")} type="date" {...form.field("date")} />
        <button type="submit" className="button">
          {t("groupReview.indicator.submit")}
        </button>
      </Form>
      <h2>{t("groupReview.indicator.list")}</h2>
      {groups.length === 0 ? (
        <p>{t("groupReview.indicator.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="indicator-table" tabIndex={0}>
          <table>
            <caption className="visually-hidden" id="indicator-table">{t("groupReview.indicator.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groupReview.column.name")}</th>
                <th scope="col">{t("groupReview.column.groupKind")}</th>
                <th scope="col">{t("groupReview.indicator.npoInCity")}</th>
                <th scope="col">{t("groupReview.indicator.volunteerCenter")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/admin/groups/${g.id}`}>{g.name}</Link>
                  </th>
                  <td>{groupKindLabel(t, g.kind)}</td>
                  <td>{g.npoInCity ? t("groupReview.value.yes") : t("groupReview.value.no")}</td>
                  <td>{g.volunteerCenter ? t("groupReview.value.yes") : t("groupReview.value.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/admin/groups">{t("groupReview.detail.back")}</Link>
      </p>
    </>
  );
}
