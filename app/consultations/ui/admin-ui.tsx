/** Pieces of the staff pages of public comment: status, period, the consultation's form. */
import { Form } from "@remix-run/react";
import { CheckboxGroup, Checkbox } from "../../components/form-choices.tsx";
import { ErrorSummary, TextArea, TextField } from "../../components/form.tsx";
import { useLang, useT } from "../../i18n/index.ts";
import { formatIsoDate } from "../../platform/dates.ts";
import { useValidatedForm, type ServerForm } from "../../platform/forms/use-validated-form.ts";
import { listValue, type FormValues } from "../../platform/forms/values.ts";
import { consultationSchema, CONTACT_MAX, DRAFT_MAX, REASON_TEXT_MAX, SECTION_MAX, SUMMARY_MAX, TITLE_MAX } from "../admin-forms.ts";
import { consultationAdminMessages } from "../messages/consultationAdmin.ts";
import { COMMENTER_CATEGORIES, periodDays, type Status } from "../rules.ts";

export function StatusBadge({ status }: { status: Status }) {
  const t = useT(consultationAdminMessages);
  return <span className={`status status--${status}`}>{t(`consultations.status.${status}`)}</span>;
}

export function PeriodText({ period }: { period: { firstDay: string; lastDay: string } | null }) {
  const t = useT(consultationAdminMessages);
  const lang = useLang();
  if (!period) return <>{t("consultationAdmin.noPeriod")}</>;
  return (
    <>
      {t("consultations.period", {
        first: formatIsoDate(period.firstDay, lang),
        last: formatIsoDate(period.lastDay, lang),
        days: periodDays(period.firstDay, period.lastDay),
      })}
    </>
  );
}

/** The consultation's form, for creating and for editing (before the period opens). */
export function ConsultationForm({ today, server, defaults, submitLabel }: { today: string; server: ServerForm; defaults: FormValues; submitLabel: string }) {
  const t = useT(consultationAdminMessages);
  const form = useValidatedForm(consultationSchema(today), server, defaults, { focus: "summary" });
  const labels = {
    title: t("consultationAdmin.form.title"),
    summary: t("consultationAdmin.form.summary"),
    section: t("consultationAdmin.form.section"),
    contact: t("consultationAdmin.form.contact"),
    draft: t("consultationAdmin.form.draft"),
    eligible: t("consultationAdmin.form.eligible"),
    identityRequired: t("consultationAdmin.form.identityRequired"),
    firstDay: t("consultationAdmin.form.firstDay"),
    lastDay: t("consultationAdmin.form.lastDay"),
    shortPeriodReason: t("consultationAdmin.form.shortPeriodReason"),
  };
  const errors = Object.fromEntries(Object.keys(labels).map((k) => [k, form.errorFor(k)]));
  const values = form.values;
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} onChange={form.onChange} className="admin-form consultation-form">
      <div ref={form.summaryRef}>{server?.errors ? <ErrorSummary errors={errors} labels={labels} autoFocus /> : null}</div>
      <TextField label={labels.title} error={errors.title} required maxLength={TITLE_MAX} {...form.field("title")} />
      <TextArea label={labels.summary} error={errors.summary} rows={3} maxLength={SUMMARY_MAX} {...form.field("summary")} />
      <TextField label={labels.section} error={errors.section} required maxLength={SECTION_MAX} {...form.field("section")} />
      <TextArea label={labels.contact} error={errors.contact} required rows={3} maxLength={CONTACT_MAX} {...form.field("contact")} />
      <TextArea label={labels.draft} hint={t("consultationAdmin.form.draftHint")} error={errors.draft} rows={16} maxLength={DRAFT_MAX} {...form.field("draft")} />
      <CheckboxGroup
        name="eligible"
        legend={labels.eligible}
        error={errors.eligible}
        required
        selected={listValue(values, "eligible")}
        options={COMMENTER_CATEGORIES.map((c) => ({ value: c, label: t(`consultations.category.${c}`) }))}
      />
      <Checkbox name="identityRequired" label={labels.identityRequired} defaultChecked={listValue(values, "identityRequired").includes("on")} />
      <TextField label={labels.firstDay} hint={t("consultationAdmin.form.dateHint")} error={errors.firstDay} required inputMode="numeric" maxLength={10} {...form.field("firstDay")} />
      <TextField label={labels.lastDay} hint={t("consultationAdmin.form.dateHint")} error={errors.lastDay} required inputMode="numeric" maxLength={10} {...form.field("lastDay")} />
      <TextArea
        label={labels.shortPeriodReason}
        hint={t("consultationAdmin.form.shortPeriodReasonHint")}
        error={errors.shortPeriodReason}
        rows={3}
        maxLength={REASON_TEXT_MAX}
        {...form.field("shortPeriodReason")}
      />
      <button type="submit" className="button" name="intent" value="save">
        {submitLabel}
      </button>
    </Form>
  );
}
