import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { SelectField, TextField } from "../components/form.tsx";
import { groupKindLabel, groupStateLabel } from "../groups/ui/review-ui.tsx";
import { queryFormData } from "../platform/forms/validation.ts";
import { queueFilterSchema, REVIEW_KINDS, type ReviewKind } from "../groups/review-forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm } from "../platform/forms/validation.ts";
import { useLang, useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { groupReviewMessages } from "../groups/messages/groupReview.ts";
import { findGroupsForStaff, reviewQueue } from "../groups/review.server.ts";
import { fiscalYearLabel, formatInstant } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [adminMessages, groupReviewMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("groupReview.title"), ...handle.messages);

/** The review queue (new registrations, changes, renewals; oldest first) and a search for any group. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "group:review:any");
  const parsed = parseForm(queueFilterSchema, queryFormData(request));
  if (!parsed.ok) {
    return data({ errors: parsed.errors, values: parsed.values, kind: "" as const, q: "", items: [], found: null }, { status: 400 });
  }
  const { kind, q } = parsed.data;
  const [items, found] = await Promise.all([reviewQueue(actor, kind || undefined), q ? findGroupsForStaff(actor, q) : null]);
  return { errors: undefined, values: { kind, q }, kind, q, items, found };
}

export default function GroupReviewQueue() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { errors, values, kind, items, found } = useLoaderData<typeof loader>();
  const search = useValidatedForm(queueFilterSchema, { errors, values }, {}, { method: "get" });
  const kindLabel = (k: ReviewKind) => t(`groupReview.kind.${k}`);
  return (
    <>
      <h1>{t("groupReview.title")}</h1>
      <p className="lead">{t("groupReview.lead")}</p>
      <ul className="actions">
        <li>
          <Link to="/admin/indicators/groups">{t("groupReview.indicatorLink")}</Link>
        </li>
      </ul>
      <Form method="get" className="filter-form">
        <SelectField
          name="kind"
          label={t("groupReview.filter.kind")}
          defaultValue={kind}
          options={[{ value: "", label: t("groupReview.filter.all") }, ...REVIEW_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))]}
        />
        <button type="submit" className="button">
          {t("admin.filter")}
        </button>
      </Form>
      <p role="status">{t("groupReview.queue.count", { count: items.length })}</p>
      {items.length === 0 ? (
        <p>{t("groupReview.queue.none")}</p>
      ) : (
        <table className="stacked-table">
          <caption>{t("groupReview.queue.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("groupReview.column.name")}</th>
              <th scope="col">{t("groupReview.column.kind")}</th>
              <th scope="col">{t("groupReview.column.groupKind")}</th>
              <th scope="col">{t("groupReview.column.submittedAt")}</th>
              <th scope="col">{t("groupReview.column.fiscalYear")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <th scope="row">
                  <Link to={`/admin/groups/${item.groupId}`} aria-label={t("groupReview.open", { name: item.name || t("groupReview.unnamed") })}>
                    {item.name || t("groupReview.unnamed")}
                  </Link>
                </th>
                <td data-label={t("groupReview.column.kind")}>{kindLabel(item.kind)}</td>
                <td data-label={t("groupReview.column.groupKind")}>{groupKindLabel(t, item.groupKind)}</td>
                <td data-label={t("groupReview.column.submittedAt")}>{formatInstant(item.submittedAt, lang)}</td>
                <td data-label={t("groupReview.column.fiscalYear")}>{fiscalYearLabel(item.fiscalYear, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="group-search-heading">
        <h2 id="group-search-heading">{t("groupReview.search.title")}</h2>
        <Form method="get" role="search" className="filter-form" noValidate onSubmit={search.onSubmit}>
          {kind ? <input type="hidden" name="kind" value={kind} /> : null}
          <TextField label={t("groupReview.search.label")} hint={t("groupReview.search.hint")} error={search.errorFor("q")} type="search" maxLength={100} {...search.field("q")} />
          <button type="submit" className="button">
            {t("groupReview.search.submit")}
          </button>
        </Form>
        {found === null ? null : found.length === 0 ? (
          <p role="status">{t("groupReview.search.none")}</p>
        ) : (
          <>
            <p role="status">{t("groupReview.search.count", { count: found.length })}</p>
            <table>
              <caption className="visually-hidden">{t("groupReview.search.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("groupReview.column.name")}</th>
                  <th scope="col">{t("groupReview.column.groupKind")}</th>
                  <th scope="col">{t("groupReview.column.state")}</th>
                </tr>
              </thead>
              <tbody>
                {found.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      <Link to={`/admin/groups/${g.id}`}>{g.name || t("groupReview.unnamed")}</Link>
                    </th>
                    <td>{groupKindLabel(t, g.kind)}</td>
                    <td>{groupStateLabel(t, g.state)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
