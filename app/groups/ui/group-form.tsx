/**
 * The group profile form (/groups/new and /my/groups/:id/edit) and the read-only view of a
 * profile. The form is a plain multipart <Form>: without JavaScript it posts and the action
 * validates. With JavaScript, the same parseForm and the same zod schemas run on the posted
 * FormData before it leaves the browser, so checkbox groups and the file field are judged
 * exactly as the server will judge them.
 */
import { Form } from "@remix-run/react";
import { Fragment, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { validateGroupForm, type GroupFormIntent, type GroupNotice } from "../editor-forms.ts";
import type { FieldErrors } from "../../platform/forms/validation.ts";
import { lookupMessage, translateMessage, useT } from "../../i18n/index.ts";
import { groupFormMessages } from "../messages/groupForm.ts";
import { activityFieldLabel } from "../messages/groups.ts";
import { ACTIVITY_FIELDS, GROUP_KINDS, GROUP_LIMITS } from "../rules.ts";
import { ErrorSummary, SelectField, TextArea, TextField } from "../../components/form.tsx";
import { Checkbox, CheckboxGroup, RadioGroup, type ChoiceSection } from "../../components/form-choices.tsx";

/** The order of the fields on the page (the error summary follows it). */
const FIELD_ORDER = [
  "name",
  "nameKana",
  "kind",
  "corporateNumber",
  "mainOfficeInCity",
  "volunteerCenter",
  "representativeName",
  "representativePublic",
  "phone",
  "email",
  "website",
  "sns",
  "mainDistrictId",
  "districtIds",
  "activityFields",
  "purpose",
  "activities",
  "foundedOn",
  "memberCount",
  "welcomesMembers",
  "welcomesVolunteers",
  "meetingPlace",
  "logo",
  "consent",
] as const;

export type DistrictChoice = { id: number; name: string; area: string };

function districtSections(districts: DistrictChoice[]): ChoiceSection[] {
  const sections: ChoiceSection[] = [];
  for (const d of districts) {
    let section = sections.find((s) => s.title === d.area);
    if (!section) sections.push((section = { title: d.area, options: [] }));
    section.options.push({ value: String(d.id), label: d.name });
  }
  return sections;
}

const listOf = (value: string | undefined) => (value ? value.split("\n").filter(Boolean) : []);

export function GroupForm({
  districts,
  today,
  values,
  serverErrors,
  canSubmit,
  currentLogo,
  groupName,
  busy,
}: {
  districts: DistrictChoice[];
  today: string;
  values: Record<string, string>;
  serverErrors?: FieldErrors;
  /** Representatives submit; editors only save drafts. */
  canSubmit: boolean;
  currentLogo?: string;
  groupName?: string;
  busy: boolean;
}) {
  const t = useT(groupFormMessages);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [lastIntent, setLastIntent] = useState<GroupFormIntent>("draft");
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors = clientErrors ?? serverErrors ?? {};
  const message = (name: string) => translateMessage(t, errors[name]);

  // A failed post (server) or a refused submit (browser) moves focus to the list of errors.
  useEffect(() => {
    if (serverErrors && Object.keys(serverErrors).length) summaryRef.current?.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [serverErrors]);

  const validate = (form: HTMLFormElement, intent: GroupFormIntent): FieldErrors => {
    const result = validateGroupForm(new FormData(form), today, intent);
    const found: FieldErrors = result.ok ? {} : { ...result.errors };
    const logo = form.elements.namedItem("logo");
    if (logo instanceof HTMLInputElement && logo.files?.[0] && logo.files[0].size > GROUP_LIMITS.logoBytes) found.logo = "groupForm.errors.logoSize";
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const intent: GroupFormIntent = submitter instanceof HTMLButtonElement && submitter.value === "submit" ? "submit" : "draft";
    setLastIntent(intent);
    const found = validate(event.currentTarget, intent);
    if (Object.keys(found).length === 0) {
      setClientErrors(null);
      return; // Remix's <Form> posts it
    }
    event.preventDefault();
    setClientErrors(found);
    requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>(".error-summary")?.focus());
  };

  // After a refused submit, messages follow the corrections as they are made.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (clientErrors) setClientErrors(validate(event.currentTarget, lastIntent));
  };

  const label = (name: string): string => {
    if (name === "logo") return t("groups.label.logo");
    if (name === "consent") return t("groups.label.consent");
    return lookupMessage(t, `groups.label.${name}`) ?? name;
  };
  const summary: Record<string, string | undefined> = {};
  const labels: Record<string, string> = {};
  for (const name of FIELD_ORDER) {
    summary[name] = message(name);
    labels[name] = label(name);
  }
  const formLevel = message("_form");
  const text = (name: string) => ({ name, defaultValue: values[name] ?? "", error: message(name), label: label(name) });
  const box = (name: string) => ({ name, defaultChecked: values[name] === "on", error: message(name), label: label(name) });

  return (
    <>
      <div ref={summaryRef}>
        {formLevel ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <p>{formLevel}</p>
          </div>
        ) : (
          <ErrorSummary errors={summary} labels={labels} />
        )}
      </div>
      <p>{t("groupForm.new.requiredNote")}</p>
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} onChange={onChange}>
        <section aria-labelledby="section-basic">
          <h2 id="section-basic">{t("groupForm.section.basic")}</h2>
          <TextField {...text("name")} required maxLength={GROUP_LIMITS.name} hint={t("groupForm.hint.name", { max: GROUP_LIMITS.name })} />
          <TextField {...text("nameKana")} required maxLength={GROUP_LIMITS.nameKana} hint={t("groupForm.hint.nameKana")} />
          <RadioGroup
            name="kind"
            legend={label("kind")}
            required
            error={message("kind")}
            selected={values.kind ? [values.kind] : []}
            options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kind.${kind}`) }))}
          />
          <TextField {...text("corporateNumber")} inputMode="numeric" maxLength={20} autoComplete="off" hint={t("groupForm.hint.corporateNumber")} />
          <Checkbox {...box("mainOfficeInCity")} hint={t("groupForm.hint.mainOfficeInCity")} />
          <Checkbox {...box("volunteerCenter")} />
        </section>

        <section aria-labelledby="section-representative">
          <h2 id="section-representative">{t("groupForm.section.representative")}</h2>
          <TextField
            {...text("representativeName")}
            required
            autoComplete="name"
            maxLength={GROUP_LIMITS.representativeName}
            hint={t("groupForm.hint.representativeName")}
          />
          <Checkbox {...box("representativePublic")} />
        </section>

        <section aria-labelledby="section-contact">
          <h2 id="section-contact">{t("groupForm.section.contact")}</h2>
          <TextField {...text("phone")} type="tel" autoComplete="off" maxLength={20} hint={t("groupForm.hint.phone")} />
          <TextField {...text("email")} type="email" autoComplete="off" maxLength={254} hint={t("groupForm.hint.email")} />
          <TextField {...text("website")} type="url" maxLength={GROUP_LIMITS.url} hint={t("groupForm.hint.url")} />
          <TextField {...text("sns")} type="url" maxLength={GROUP_LIMITS.url} hint={t("groupForm.hint.url")} />
        </section>

        <section aria-labelledby="section-area">
          <h2 id="section-area">{t("groupForm.section.area")}</h2>
          <SelectField
            {...text("mainDistrictId")}
            required
            options={[
              { value: "", label: t("groupForm.chooseDistrict") },
              ...districts.map((d) => ({ value: String(d.id), label: t("groupForm.districtOption", { name: d.name, area: d.area }) })),
            ]}
          />
          <CheckboxGroup
            name="districtIds"
            legend={label("districtIds")}
            hint={t("groupForm.hint.districtIds")}
            error={message("districtIds")}
            selected={listOf(values.districtIds)}
            sections={districtSections(districts)}
          />
        </section>

        <section aria-labelledby="section-activity">
          <h2 id="section-activity">{t("groupForm.section.activity")}</h2>
          <CheckboxGroup
            name="activityFields"
            legend={label("activityFields")}
            required
            hint={t("groupForm.hint.activityFields")}
            error={message("activityFields")}
            selected={listOf(values.activityFields)}
            options={ACTIVITY_FIELDS.map((f) => ({ value: String(f), label: activityFieldLabel(t, f) }))}
          />
          <TextArea {...text("purpose")} required rows={5} hint={t("groupForm.hint.purpose", { max: GROUP_LIMITS.purpose })} />
          <TextArea {...text("activities")} required rows={8} hint={t("groupForm.hint.activities", { max: GROUP_LIMITS.activities })} />
          {/* Text, not type=date: Chromium's date segments follow the OS locale and do not take a typed ISO date. */}
          <TextField {...text("foundedOn")} required maxLength={10} autoComplete="off" hint={t("groupForm.hint.foundedOn")} />
          <TextField {...text("meetingPlace")} maxLength={GROUP_LIMITS.meetingPlace} hint={t("groupForm.hint.meetingPlace", { max: GROUP_LIMITS.meetingPlace })} />
        </section>

        <section aria-labelledby="section-members">
          <h2 id="section-members">{t("groupForm.section.members")}</h2>
          <TextField
            {...text("memberCount")}
            required
            inputMode="numeric"
            maxLength={6}
            hint={t("groupForm.hint.memberCount", { min: GROUP_LIMITS.minMembers, max: GROUP_LIMITS.maxMembers })}
          />
          <Checkbox {...box("welcomesMembers")} />
          <Checkbox {...box("welcomesVolunteers")} />
        </section>

        <section aria-labelledby="section-logo">
          <h2 id="section-logo">{t("groupForm.section.logo")}</h2>
          {currentLogo ? (
            <figure className="group-logo">
              <img src={`/uploads/${currentLogo}`} alt={t("groupForm.logo.alt", { name: groupName ?? "" })} />
              <figcaption>{t("groupForm.logo.current")}</figcaption>
            </figure>
          ) : null}
          <TextField
            name="logo"
            type="file"
            accept="image/png,image/jpeg"
            label={label("logo")}
            hint={t("groupForm.hint.logo")}
            error={message("logo")}
          />
          {currentLogo ? <Checkbox name="removeLogo" label={t("groupForm.logo.remove")} /> : null}
        </section>

        {canSubmit ? (
          <section aria-labelledby="section-consent">
            <h2 id="section-consent">{t("groupForm.section.consent")}</h2>
            <div className="purpose" id="consent-purpose">
              <h3>{t("groupForm.consent.title")}</h3>
              <p>{t("groupForm.consent.body1")}</p>
              <p>{t("groupForm.consent.body2")}</p>
              <p>{t("groupForm.consent.body3")}</p>
            </div>
            <Checkbox name="consent" label={t("groupForm.consent.label")} error={message("consent")} defaultChecked={values.consent === "on"} />
          </section>
        ) : (
          <p>{t("groupForm.edit.editorNote")}</p>
        )}

        <div className="form-actions">
          <button type="submit" name="intent" value="draft" className="button button--secondary" disabled={busy}>
            {t("groupForm.action.draft")}
          </button>{" "}
          {canSubmit ? (
            <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
              {t("groupForm.action.submit")}
            </button>
          ) : null}
        </div>
      </Form>
    </>
  );
}

// ---------------------------------------------------------------------------------------
// The profile as text

export type ProfileForView = {
  name: string;
  nameKana: string;
  kind: string;
  corporateNumber: string;
  mainOfficeInCity: boolean;
  volunteerCenter: boolean;
  representativeName: string;
  representativePublic: boolean;
  phone: string;
  email: string;
  website: string;
  sns: string;
  mainDistrict: string;
  districts: string[];
  activityFields: number[];
  purpose: string;
  activities: string;
  foundedOn: string;
  memberCount: number;
  welcomesMembers: boolean;
  welcomesVolunteers: boolean;
  meetingPlace: string;
  logoFile: string;
};

/** Line breaks kept, everything else as text (React escapes it; no HTML is ever injected). */
export function MultilineText({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {line}
          {index < lines.length - 1 ? <br /> : null}
        </Fragment>
      ))}
    </>
  );
}

/** Everything a version holds, for its members (not the public page: it shows private fields). */
export function GroupProfileView({ profile }: { profile: ProfileForView }) {
  const t = useT(groupFormMessages);
  const yesNo = (value: boolean) => t(value ? "groupForm.yes" : "groupForm.no");
  const rows: [string, ReactNode][] = [
    ["name", profile.name],
    ["nameKana", profile.nameKana],
    ["kind", GROUP_KINDS.includes(profile.kind as never) ? t(`groups.kind.${profile.kind as (typeof GROUP_KINDS)[number]}`) : profile.kind],
    ...(profile.kind === "npo"
      ? ([
          ["corporateNumber", profile.corporateNumber],
          ["mainOfficeInCity", yesNo(profile.mainOfficeInCity)],
        ] as [string, ReactNode][])
      : []),
    ["volunteerCenter", yesNo(profile.volunteerCenter)],
    ["representativeName", profile.representativeName],
    ["representativePublic", yesNo(profile.representativePublic)],
    ["phone", profile.phone],
    ["email", profile.email],
    ["website", profile.website],
    ["sns", profile.sns],
    ["mainDistrictId", profile.mainDistrict],
    ["districtIds", profile.districts.join(t("groupForm.listSeparator"))],
    ["activityFields", profile.activityFields.map((f) => activityFieldLabel(t, f)).join(t("groupForm.listSeparator"))],
    ["purpose", <MultilineText key="purpose" text={profile.purpose} />],
    ["activities", <MultilineText key="activities" text={profile.activities} />],
    ["foundedOn", profile.foundedOn],
    ["memberCount", String(profile.memberCount)],
    ["welcomesMembers", yesNo(profile.welcomesMembers)],
    ["welcomesVolunteers", yesNo(profile.welcomesVolunteers)],
    ["meetingPlace", profile.meetingPlace],
  ];
  return (
    <dl className="facts">
      {rows.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{lookupMessage(t, `groups.label.${name}`) ?? name}</dt>
          <dd>{value === "" ? t("groupForm.notGiven") : value}</dd>
        </Fragment>
      ))}
      {profile.logoFile ? (
        <>
          <dt>{t("groupForm.section.logo")}</dt>
          <dd>
            <img className="group-logo" src={`/uploads/${profile.logoFile}`} alt={t("groupForm.logo.alt", { name: profile.name })} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

// ---------------------------------------------------------------------------------------
// Status and notices

export type GroupStatusName = "draft" | "underReview" | "changesRequested" | "rejected" | "approved" | "lapsed" | "withdrawn" | "cancelled";
export type ChangeStatusName = "draft" | "underReview" | "changesRequested" | null;

/** "Registered — a change is under review", in words. */
export function GroupStatusText({ status, change }: { status: GroupStatusName; change: ChangeStatusName }) {
  const t = useT(groupFormMessages);
  return (
    <>
      {t(`groupForm.status.${status}`)}
      {change ? (
        <>
          <br />
          {t(`groupForm.change.${change}`)}
        </>
      ) : null}
    </>
  );
}

/** A confirmation after a redirect (?notice=…), announced politely. */
export function GroupNoticeBanner({ notice }: { notice: GroupNotice | null }) {
  const t = useT(groupFormMessages);
  if (!notice) return null;
  return (
    <p className="notice" role="status">
      {t(`groupForm.notice.${notice}`)}
    </p>
  );
}
