/**
 * The districts' and centres' pieces of the staff pages: the centre form (new and edit), with
 * the districts it serves as the shared checkbox group.
 */
import { Form, useNavigation } from "@remix-run/react";
import { centerSchema } from "./forms.ts";
import { useValidatedForm, type ServerForm } from "../platform/forms/use-validated-form.ts";
import { listValue, type FormValues } from "../platform/forms/values.ts";
import { useT } from "../i18n/index.ts";
import { adminMessages, type AdminMessageKey } from "../admin/public.ts";
import { ErrorSummary, TextArea, TextField } from "../components/form.tsx";
import { CheckboxGroup, choiceSections } from "../components/form-choices.tsx";

export type DistrictChoice = { id: number; code: string; name: string; area: string };

/** Every district as a checkbox, grouped by area under their own legends. */
const districtSections = (districts: DistrictChoice[]) => choiceSections(districts, (d) => d.area, (d) => ({ value: String(d.id), label: `${d.code} ${d.name}` }));

const CENTER_SECTIONS: { legend: AdminMessageKey; fields: { name: string; long?: boolean; required?: boolean; type?: string; maxLength: number }[] }[] = [
  {
    legend: "admin.center.section.basic",
    fields: [
      { name: "name", required: true, maxLength: 100 },
      { name: "nameKana", maxLength: 100 },
      { name: "alias", maxLength: 100 },
      { name: "poiCode", maxLength: 20 },
    ],
  },
  {
    legend: "admin.center.section.place",
    fields: [
      { name: "address", maxLength: 200 },
      { name: "addressExtra", maxLength: 100 },
      { name: "latitude", maxLength: 20 },
      { name: "longitude", maxLength: 20 },
    ],
  },
  {
    legend: "admin.center.section.contact",
    fields: [
      { name: "phone", type: "tel", maxLength: 20 },
      { name: "extension", maxLength: 6 },
      { name: "organization", maxLength: 100 },
      { name: "corporateNumber", maxLength: 13 },
      { name: "url", type: "url", maxLength: 500 },
    ],
  },
  {
    legend: "admin.center.section.use",
    fields: [
      { name: "availableDays", maxLength: 50 },
      { name: "openTime", maxLength: 5 },
      { name: "closeTime", maxLength: 5 },
      { name: "availabilityNote", long: true, maxLength: 500 },
      { name: "barrierFree", long: true, maxLength: 500 },
    ],
  },
  {
    legend: "admin.center.section.other",
    fields: [
      { name: "description", long: true, maxLength: 2000 },
      { name: "note", long: true, maxLength: 1000 },
    ],
  },
];

const CENTER_HINTS: Record<string, AdminMessageKey> = {
  latitude: "admin.center.hint.latitude",
  longitude: "admin.center.hint.longitude",
  phone: "admin.center.hint.phone",
  openTime: "admin.center.hint.time",
  closeTime: "admin.center.hint.time",
  corporateNumber: "admin.center.hint.corporateNumber",
  url: "admin.center.hint.url",
  nameKana: "admin.hint.katakana",
  addressExtra: "admin.center.hint.addressExtra",
};

/** The centre form (new and edit): every 公共施設一覧 field, the districts served, and a reason. */
export function CenterForm({
  server,
  defaults,
  checked,
  districts,
  submitLabel,
}: {
  server: ServerForm;
  defaults: FormValues;
  checked: readonly string[];
  districts: DistrictChoice[];
  submitLabel: string;
}) {
  const t = useT(adminMessages);
  const navigation = useNavigation();
  const form = useValidatedForm(centerSchema, server, defaults);
  const labelOf = (name: string) => t(`admin.center.field.${name}` as AdminMessageKey);
  const names = [...CENTER_SECTIONS.flatMap((s) => s.fields.map((f) => f.name)), "districtIds", "reason"];
  const labels = Object.fromEntries(names.map((n) => [n, n === "reason" ? t("admin.reasonOptional") : labelOf(n)]));
  const errors = Object.fromEntries(names.map((n) => [n, form.errorFor(n)]));
  const keptDistricts = server?.values ? listValue(server.values, "districtIds") : checked;
  return (
    <>
      {server?.errors ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        {CENTER_SECTIONS.map((section) => (
          <fieldset key={section.legend} className="form-section">
            <legend>{t(section.legend)}</legend>
            {section.fields.map((f) => {
              const hint = CENTER_HINTS[f.name] ? t(CENTER_HINTS[f.name]) : undefined;
              const common = { label: labels[f.name], hint, error: errors[f.name], required: f.required, maxLength: f.maxLength };
              return f.long ? (
                <TextArea key={f.name} rows={4} {...common} {...form.field(f.name)} />
              ) : (
                <TextField key={f.name} type={f.type ?? "text"} {...common} {...form.field(f.name)} />
              );
            })}
          </fieldset>
        ))}
        <CheckboxGroup
          name="districtIds"
          legend={labels.districtIds}
          hint={t("admin.center.hint.districtIds")}
          error={errors.districtIds}
          selected={keptDistricts}
          sections={districtSections(districts)}
        />
        <TextArea label={labels.reason} hint={t("admin.reasonHint")} error={errors.reason} rows={3} maxLength={500} {...form.field("reason")} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
