import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { FormError } from "../admin/ui.tsx";
import { ErrorSummary, SelectField, TextArea, TextField } from "../components/form.tsx";
import { consultationForStaff, newSubmissionKey } from "../consultations/admin.server.ts";
import { enterComment } from "../consultations/comments.server.ts";
import { ADDRESS_MAX, NAME_MAX, staffCommentSchema, type CommentRules } from "../consultations/forms.ts";
import { consultationAdminMessages } from "../consultations/messages/consultationAdmin.ts";
import { COMMENT_MAX, STAFF_CHANNELS } from "../consultations/rules.ts";
import { useT } from "../i18n/index.ts";
import { urlEncodedFormBytes, type BodyLimitHandle } from "../platform/body-limit.ts";
import { idParam } from "../platform/forms/params.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { keptValues } from "../platform/forms/values.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [consultationAdminMessages], bodyLimit: urlEncodedFormBytes(COMMENT_MAX + NAME_MAX + ADDRESS_MAX + 300) } satisfies BodyLimitHandle & { messages: unknown };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("consultationAdmin.enter.title", { title: args.data?.title ?? "" }), ...handle.messages);

async function load(request: Request, idValue: string | undefined) {
  const { actor } = await requirePermission(request, "consultation:manage:any");
  const detail = await consultationForStaff(actor, idParam(idValue));
  if (!detail) throw notFound();
  const rules: CommentRules = { identityRequired: detail.consultation.identityRequired, eligible: detail.eligible, sectionCount: detail.consultation.sections.length };
  const period = detail.period ? { ...detail.period, today: detail.today } : null;
  return { actor, detail, rules, period };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { detail, rules, period } = await load(request, params.id);
  return {
    id: detail.consultation.id,
    title: detail.consultation.title,
    taking: detail.status === "open" || detail.status === "closed",
    rules,
    period,
    sections: detail.consultation.sections.map((s) => ({ number: s.number, heading: s.heading })),
    submissionKey: newSubmissionKey(),
  };
}

/** Types in a comment received by post, fax, at the counter or by mail: 400 at the fields, 409 when the consultation takes none now. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, detail, rules, period } = await load(request, params.id);
  const formData = await readFormData(request);
  if (!period) return data({ errors: { _form: "consultationAdmin.errors.notTaking" }, values: keptValues(formData) }, { status: 409 });
  const parsed = parseForm(staffCommentSchema(rules, period), formData);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await enterComment(actor, detail.consultation.id, parsed.data);
  if (!outcome.ok) {
    if (outcome.reason === "notFound") throw notFound();
    if (outcome.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
    return data({ errors: { _form: "consultationAdmin.errors.notTaking" }, values: keptValues(formData) }, { status: 409 });
  }
  return redirect(`/admin/consultations/${detail.consultation.id}/comments?entered=${encodeURIComponent(outcome.receipt.receiptNumber)}`);
}

export default function EnterComment() {
  const t = useT(...handle.messages);
  const { id, title, taking, rules, period, sections, submissionKey } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const schema = staffCommentSchema(rules, period ?? { firstDay: "", lastDay: "", today: "" });
  const form = useValidatedForm(schema, server, { channel: "post", submissionKey }, { focus: "summary" });
  const labels = {
    channel: t("consultationAdmin.enter.channel"),
    receivedOn: t("consultationAdmin.enter.receivedOn"),
    name: t("consultationAdmin.enter.name"),
    address: t("consultationAdmin.enter.address"),
    category: t("consultationAdmin.enter.category"),
    email: t("consultationAdmin.enter.email"),
    section: t("consultationAdmin.enter.section"),
    body: t("consultationAdmin.enter.body"),
  };
  const errors = Object.fromEntries(Object.keys(labels).map((k) => [k, form.errorFor(k)]));
  return (
    <>
      <h1>{t("consultationAdmin.enter.title", { title })}</h1>
      <p>
        <Link to={`/admin/consultations/${id}`}>{t("consultationAdmin.backToConsultation")}</Link>
      </p>
      {!taking || !period ? (
        <p>{t("consultationAdmin.enter.notTaking")}</p>
      ) : (
        <Form method="post" noValidate onSubmit={form.onSubmit} onChange={form.onChange} className="admin-form">
          <div ref={form.summaryRef}>{server?.errors ? <ErrorSummary errors={errors} labels={labels} autoFocus /> : null}</div>
          <FormError message={form.errorFor("_form")} />
          <input type="hidden" name="submissionKey" value={typeof form.values.submissionKey === "string" ? form.values.submissionKey : submissionKey} />
          <SelectField label={labels.channel} error={errors.channel} required options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`consultations.channel.${c}`) }))} {...form.field("channel")} />
          <TextField label={labels.receivedOn} hint={t("consultationAdmin.form.dateHint")} error={errors.receivedOn} required inputMode="numeric" maxLength={10} {...form.field("receivedOn")} />
          <TextField label={labels.name} error={errors.name} required={rules.identityRequired} maxLength={NAME_MAX} autoComplete="off" {...form.field("name")} />
          <TextField label={labels.address} error={errors.address} required={rules.identityRequired} maxLength={ADDRESS_MAX} autoComplete="off" {...form.field("address")} />
          <SelectField
            label={labels.category}
            error={errors.category}
            required
            options={[{ value: "", label: "—" }, ...rules.eligible.map((c) => ({ value: c, label: t(`consultations.category.${c}`) }))]}
            {...form.field("category")}
          />
          <TextField label={labels.email} error={errors.email} type="email" maxLength={254} autoComplete="off" {...form.field("email")} />
          <SelectField
            label={labels.section}
            error={errors.section}
            options={[{ value: "", label: t("consultations.section.whole") }, ...sections.map((s) => ({ value: String(s.number), label: t("consultations.section.numbered", { number: s.number, heading: s.heading }) }))]}
            {...form.field("section")}
          />
          <TextArea label={labels.body} error={errors.body} required rows={10} maxLength={COMMENT_MAX} {...form.field("body")} />
          <button type="submit" className="button">
            {t("consultationAdmin.enter.submit")}
          </button>
        </Form>
      )}
    </>
  );
}
