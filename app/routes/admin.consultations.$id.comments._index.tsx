import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { Notice, Pagination, withQuery } from "../admin/ui.tsx";
import { SelectField, TextField } from "../components/form.tsx";
import { COMMENT_MARKS, COMMENT_PAGE_SIZE, commentFilterSchema } from "../consultations/admin-forms.ts";
import { consultationAdminMessages } from "../consultations/messages/consultationAdmin.ts";
import { commentList } from "../consultations/moderation.server.ts";
import { CHANNELS } from "../consultations/rules.ts";
import { useLang, useT } from "../i18n/index.ts";
import { formatIsoDate, tokyoDate } from "../platform/dates.ts";
import { idParam } from "../platform/forms/params.ts";
import { parseForm, queryFormData } from "../platform/forms/validation.ts";
import { pageTitle } from "../platform/meta.ts";
import { adminMessages } from "../admin/messages.ts";

// A list to read and filter (a GET form, links): no scripts, so 50 rows are sent once, as HTML (decision 0031).
export const handle = { hydrate: false, messages: [consultationAdminMessages, adminMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("consultationAdmin.list.title", { title: args.data?.list.consultation.title ?? "" }), ...handle.messages);

/** A consultation's comments, 50 a page, filtered by section, channel, mark and words (a bad filter value is no filter). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const parsed = parseForm(commentFilterSchema, queryFormData(request));
  const filter = parsed.ok ? parsed.data : { section: null, channel: null, mark: null, q: "", page: 1 };
  const list = await commentList(actor, idParam(params.id), filter);
  if (!list) throw notFound();
  return { list, filter };
}

export default function ConsultationComments() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { list, filter } = useLoaderData<typeof loader>();
  const base = `/admin/consultations/${list.consultation.id}`;
  const query = { section: filter.section === null ? "" : String(filter.section), channel: filter.channel ?? "", mark: filter.mark ?? "", q: filter.q };
  const entered = useSearchParams()[0].get("entered");
  const sectionLabel = (n: number | null) => (n === null ? t("consultations.section.whole") : String(n));
  return (
    <>
      <h1>{t("consultationAdmin.list.title", { title: list.consultation.title })}</h1>
      {entered && /^PC\d+-\d+$/.test(entered) ? <Notice>{t("consultationAdmin.done.entered", { receipt: entered })}</Notice> : null}
      <p>
        <Link to={base}>{t("consultationAdmin.backToConsultation")}</Link>
      </p>
      <Form method="get" className="filter-form" role="search">
        <SelectField
          name="section"
          label={t("consultationAdmin.list.filter.section")}
          defaultValue={query.section}
          options={[
            { value: "", label: t("consultationAdmin.list.filter.all") },
            { value: "whole", label: t("consultations.section.whole") },
            ...list.sections.map((s) => ({ value: String(s.number), label: t("consultations.section.numbered", { number: s.number, heading: s.heading }) })),
          ]}
        />
        <SelectField
          name="channel"
          label={t("consultationAdmin.list.filter.channel")}
          defaultValue={query.channel}
          options={[{ value: "", label: t("consultationAdmin.list.filter.all") }, ...CHANNELS.map((c) => ({ value: c, label: t(`consultations.channel.${c}`) }))]}
        />
        <SelectField
          name="mark"
          label={t("consultationAdmin.list.filter.mark")}
          defaultValue={query.mark}
          options={[{ value: "", label: t("consultationAdmin.list.filter.all") }, ...COMMENT_MARKS.map((m) => ({ value: m, label: t(`consultationAdmin.list.mark.${m}`) }))]}
        />
        <TextField name="q" type="search" label={t("consultationAdmin.list.filter.q")} defaultValue={query.q} maxLength={100} />
        <button type="submit" className="button">
          {t("consultationAdmin.list.filter.submit")}
        </button>
      </Form>
      <p role="status">{t("consultationAdmin.list.count", { count: list.total })}</p>
      {list.comments.length === 0 ? (
        <p>{t("consultationAdmin.list.none")}</p>
      ) : (
        <table className="stacked-table">
          <caption className="visually-hidden">{t("consultationAdmin.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("consultationAdmin.list.receipt")}</th>
              <th scope="col">{t("consultationAdmin.list.receivedAt")}</th>
              <th scope="col">{t("consultationAdmin.list.channel")}</th>
              <th scope="col">{t("consultationAdmin.list.section")}</th>
              <th scope="col">{t("consultationAdmin.list.excerpt")}</th>
              <th scope="col">{t("consultationAdmin.list.marks")}</th>
            </tr>
          </thead>
          <tbody>
            {list.comments.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`${base}/comments/${c.id}`}>{c.receiptNumber}</Link>
                </th>
                <td data-label={t("consultationAdmin.list.receivedAt")}>{formatIsoDate(tokyoDate(new Date(c.receivedAt)), lang)}</td>
                <td data-label={t("consultationAdmin.list.channel")}>{t(`consultations.channel.${c.channel as "online"}`)}</td>
                <td data-label={t("consultationAdmin.list.section")}>{sectionLabel(c.sectionNumber)}</td>
                <td data-label={t("consultationAdmin.list.excerpt")}>{c.excerpt}</td>
                <td data-label={t("consultationAdmin.list.marks")}>
                  {[
                    c.duplicateOfId !== null ? t("consultationAdmin.list.mark.duplicate") : null,
                    c.identicalToId !== null ? t("consultationAdmin.list.mark.identical") : null,
                    c.withheld ? t("consultationAdmin.list.mark.withheld") : null,
                    c.opinionId === null && c.duplicateOfId === null && c.identicalToId === null ? t("consultationAdmin.list.mark.ungrouped") : null,
                  ]
                    .filter(Boolean)
                    .join(" / ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} pageSize={COMMENT_PAGE_SIZE} total={list.total} hrefFor={(page) => withQuery(`${base}/comments`, { ...query, page })} />
    </>
  );
}
