/**
 * The districts' and centres' pieces of the staff pages: the centre form (new and edit) and
 * the districts as checkboxes.
 */
import { Form, useNavigation } from "@remix-run/react";
import { centerSchema } from "./forms.ts";
import { useValidatedForm, type ServerForm } from "../platform/forms/use-validated-form.ts";
import { listValue, type FormValues } from "../platform/forms/values.ts";
import { useT, type MessageKey } from "../i18n/index.ts";
import { ErrorSummary, TextArea, TextField } from "../components/form.tsx";

export type DistrictChoice = { id: number; code: string; name: string; area: string };

/**
 * Every district as a checkbox, grouped by area. Plain inputs (not registered with
 * react-hook-form): the browser posts the checked ones, and the server checks them.
 */
export function DistrictCheckboxes({
  name,
  legend,
  hint,
  error,
  districts,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  districts: DistrictChoice[];
  checked: ReadonlySet<string>;
}) {
  const areas = new Map<string, DistrictChoice[]>();
  for (const d of districts) areas.set(d.area, [...(areas.get(d.area) ?? []), d]);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const boxes = (list: DistrictChoice[]) => (
    <ul className="checkbox-list">
      {list.map((d) => (
        <li key={d.id}>
          <input type="checkbox" id={`${name}-${d.id}`} name={name} value={String(d.id)} defaultChecked={checked.has(String(d.id))} />
          <label htmlFor={`${name}-${d.id}`}>
            {d.code} {d.name}
          </label>
        </li>
      ))}
    </ul>
  );
  return (
    <fieldset className="field checkbox-group" id={name} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {[...areas].map(([area, list]) =>
        area ? (
          <fieldset key={area} className="checkbox-area">
            <legend>{area}</legend>
            {boxes(list)}
          </fieldset>
        ) : (
          <div key="">{boxes(list)}</div>
        ),
      )}
    </fieldset>
  );
}

const CENTER_SECTIONS: { legend: MessageKey; fields: { name: string; long?: boolean; required?: boolean; type?: string; maxLength: number }[] }[] = [
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

const CENTER_HINTS: Record<string, MessageKey> = {
  latitude: "admin.center.hint.latitude",
  longitude: "admin.center.hint.longitude",
  phone: "admin.center.hint.phone",
  openTime: "admin.center.hint.time",
  closeTime: "admin.center.hint.time",
  corporateNumber: "admin.center.hint.corporateNumber",
  url: "admin.center.hint.url",
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
  const t = useT();
  const navigation = useNavigation();
  const form = useValidatedForm(centerSchema, server, defaults);
  const labelOf = (name: string) => t(`admin.center.field.${name}` as MessageKey);
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
        <DistrictCheckboxes
          name="districtIds"
          legend={labels.districtIds}
          hint={t("admin.center.hint.districtIds")}
          error={errors.districtIds}
          districts={districts}
          checked={new Set(keptDistricts)}
        />
        <TextArea label={labels.reason} hint={t("admin.reasonHint")} error={errors.reason} rows={3} maxLength={500} {...form.field("reason")} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
