/**
 * The group profile form, once: the representative's pages (/groups/new, /my/groups/:id/edit)
 * and the staff correction (/admin/groups/:id/correct) render it from the field table
 * (fields.ts), and validate with the action's own schema through useValidatedForm. It is a
 * plain <Form>: without JavaScript it posts and the action validates. Also the read-only view
 * of a profile.
 */
import { Form } from "@remix-run/react";
import { Fragment, useEffect, type ReactNode } from "react";
import type { GroupNotice } from "../editor-forms.ts";
import { fieldSpec, fieldsOfSection, GROUP_FIELD_NAMES, GROUP_FIELDS, GROUP_FORM_SECTIONS, type GroupField } from "../fields.ts";
import { groupFormSchema } from "../forms.ts";
import type { VersionProfile } from "../group.server.ts";
import { correctionSchema, REVIEW_TEXT_MAX } from "../review-forms.ts";
import { focusErrorSummary, useValidatedForm, type ServerForm } from "../../platform/forms/use-validated-form.ts";
import { listValue, textValue, type FormValues } from "../../platform/forms/values.ts";
import { lookupMessage, useT } from "../../i18n/index.ts";
import { groupFormMessages } from "../messages/groupForm.ts";
import { groupReviewMessages } from "../messages/groupReview.ts";
import { activityFieldLabel } from "../messages/groups.ts";
import { ACTIVITY_FIELDS, givenMemberCount, GROUP_KINDS, GROUP_LIMITS } from "../rules.ts";
import { ErrorSummary, SelectField, TextArea, TextField } from "../../components/form.tsx";
import { Checkbox, CheckboxGroup, RadioGroup, choiceSections } from "../../components/form-choices.tsx";

export type DistrictChoice = { id: number; name: string; area: string };

const districtSections = (districts: DistrictChoice[]) => choiceSections(districts, (d) => d.area, (d) => ({ value: String(d.id), label: d.name }));

/** Input attributes of the single-line kinds. */
const INPUT_KIND: Partial<Record<string, { type?: string; inputMode?: "numeric"; autoComplete?: string }>> = {
  corporateNumber: { inputMode: "numeric", autoComplete: "off" },
  phone: { type: "tel", autoComplete: "off" },
  email: { type: "email", autoComplete: "off" },
  url: { type: "url" },
  // Text, not type=date: Chromium's date segments follow the OS locale and do not take a typed ISO date.
  date: { autoComplete: "off" },
  count: { inputMode: "numeric" },
};

/**
 * Who fills the form in: a representative or editor (logo, consent, draft and submit buttons)
 * or staff correcting the published profile (the version corrected and a reason).
 */
export type GroupFormVariant =
  | { kind: "member"; canSubmit: boolean; currentLogo?: string; groupName?: string }
  | { kind: "correction" };

export function GroupForm({
  variant,
  districts,
  today,
  defaults,
  server,
  busy,
}: {
  variant: GroupFormVariant;
  districts: DistrictChoice[];
  today: string;
  /** The stored profile as form values (empty for a new group). */
  defaults: FormValues;
  /** The action's answer to a refused post. */
  server: ServerForm;
  busy: boolean;
}) {
  const t = useT(groupFormMessages, groupReviewMessages);
  const member = variant.kind === "member" ? variant : null;
  const schema = member ? groupFormSchema(today) : correctionSchema(today);
  // A refused post carries the whole form as posted: the stored values must not fill in what
  // it left out (an unticked box, an emptied checkbox group).
  const form = useValidatedForm(schema, server, server?.values ? {} : defaults, { focus: "summary" });
  const values = form.values;
  const message = form.errorFor;

  // A refused post moves focus to the list of errors (the browser's refusals do so in the hook;
  // without JavaScript the summary's autofocus does).
  const refused = Boolean(server?.errors && Object.keys(server.errors).length);
  useEffect(() => {
    if (refused) focusErrorSummary(form.summaryRef.current);
  }, [server, refused, form.summaryRef]);

  const label = (name: string): string => {
    if (name === "logo") return t("groups.label.logo");
    if (name === "consent") return t("groups.label.consent");
    if (name === "reason") return t("groupReview.correct.reason");
    return t(GROUP_FIELDS[name as GroupField].label);
  };
  const extras = member ? ["logo", "consent"] : ["reason"];
  const summaryNames = [...GROUP_FORM_SECTIONS.flatMap(fieldsOfSection), ...extras];
  const formLevel = message("_form");

  // The form's parts, for the table of contents at its top (with how many errors each holds).
  const parts: { id: string; title: string; names: string[] }[] = [
    ...GROUP_FORM_SECTIONS.map((section) => ({ id: `section-${section}`, title: t(`groupForm.section.${section}`), names: fieldsOfSection(section) as string[] })),
    ...(member ? [{ id: "section-logo", title: t("groupForm.section.logo"), names: ["logo"] }] : []),
    ...(member?.canSubmit ? [{ id: "section-consent", title: t("groupForm.section.consent"), names: ["consent"] }] : []),
  ];

  const input = (name: GroupField): ReactNode => {
    const spec = fieldSpec(name);
    // A hint's {max} is the field's length, except for the number of members (its range).
    const limits: Record<string, number> = spec.kind === "count" ? { min: GROUP_LIMITS.minMembers, max: GROUP_LIMITS.maxMembers } : { max: spec.max ?? 0 };
    const hint = spec.hint ? lookupMessage(t, spec.hint, limits) : undefined;
    const common = { label: label(name), error: message(name), required: spec.required || undefined, hint };
    switch (spec.kind) {
      case "checkbox":
        return <Checkbox key={name} name={name} {...common} defaultChecked={textValue(values, name) === "on"} />;
      case "kind":
        return (
          <RadioGroup
            key={name}
            name={name}
            legend={common.label}
            required={spec.required}
            error={common.error}
            selected={listValue(values, name)}
            options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kind.${kind}`) }))}
          />
        );
      case "district":
        return (
          <SelectField
            key={name}
            {...common}
            {...form.field(name)}
            options={[
              { value: "", label: t("groupForm.chooseDistrict") },
              ...districts.map((d) => ({ value: String(d.id), label: t("groupForm.districtOption", { name: d.name, area: d.area }) })),
            ]}
          />
        );
      case "districts":
      case "activityFields":
        return (
          <CheckboxGroup
            key={name}
            name={name}
            legend={common.label}
            required={spec.required}
            hint={hint}
            error={common.error}
            selected={listValue(values, name)}
            {...(spec.kind === "districts"
              ? { sections: districtSections(districts), collapsible: true }
              : { options: ACTIVITY_FIELDS.map((f) => ({ value: String(f), label: activityFieldLabel(t, f) })) })}
          />
        );
      case "longText":
        return <TextArea key={name} {...common} {...form.field(name)} rows={spec.rows} />;
      default:
        return <TextField key={name} {...common} {...form.field(name)} maxLength={spec.max} autoComplete={spec.autoComplete} {...INPUT_KIND[spec.kind]} />;
    }
  };

  return (
    <>
      <div ref={form.summaryRef}>
        {formLevel ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <p>{formLevel}</p>
          </div>
        ) : (
          <ErrorSummary
            errors={Object.fromEntries(summaryNames.map((n) => [n, message(n)]))}
            labels={Object.fromEntries(summaryNames.map((n) => [n, label(n)]))}
            autoFocus={refused}
          />
        )}
      </div>
      <nav className="form-toc" aria-labelledby="form-toc-title">
        <h2 id="form-toc-title">{t("groupForm.toc.title")}</h2>
        <ol>
          {parts.map((part) => {
            const errors = part.names.filter((n) => message(n)).length;
            return (
              <li key={part.id}>
                <a href={`#${part.id}`}>{part.title}</a>
                {errors ? <span className="form-toc__errors">{t("groupForm.toc.errors", { count: errors })}</span> : null}
              </li>
            );
          })}
        </ol>
      </nav>
      <p>{t("groupForm.new.requiredNote")}</p>
      <Form
        method="post"
        encType={member ? "multipart/form-data" : undefined}
        noValidate
        onSubmit={form.onSubmit}
        onChange={form.onChange}
        className={member ? "group-form" : "group-form review-form"}
      >
        {/* The version the staff member corrects: a conflict when it is no longer the published one. */}
        {member ? null : <input type="hidden" {...form.field("publishedVersionId")} />}
        {GROUP_FORM_SECTIONS.map((section) => (
          <section key={section} aria-labelledby={`section-${section}`}>
            <h2 id={`section-${section}`}>{t(`groupForm.section.${section}`)}</h2>
            {fieldsOfSection(section).map((name) =>
              // NPO法人 only: app.css hides these once another kind is chosen (no script needed); the server ignores or refuses them for other kinds.
              fieldSpec(name).npoOnly ? (
                <div key={name} className="npo-only">
                  {input(name)}
                </div>
              ) : (
                input(name)
              ),
            )}
          </section>
        ))}

        {member ? (
          <>
            <section aria-labelledby="section-logo">
              <h2 id="section-logo">{t("groupForm.section.logo")}</h2>
              {member.currentLogo ? (
                <figure className="group-logo">
                  <img src={`/uploads/${member.currentLogo}`} alt={t("groupForm.logo.alt", { name: member.groupName ?? "" })} />
                  <figcaption>{t("groupForm.logo.current")}</figcaption>
                </figure>
              ) : null}
              <TextField name="logo" type="file" accept="image/png,image/jpeg" label={label("logo")} hint={t("groupForm.hint.logo")} error={message("logo")} />
              {member.currentLogo ? <Checkbox name="removeLogo" label={t("groupForm.logo.remove")} /> : null}
            </section>

            {member.canSubmit ? (
              <section aria-labelledby="section-consent">
                <h2 id="section-consent">{t("groupForm.section.consent")}</h2>
                <div className="purpose" id="consent-purpose">
                  <h3>{t("groupForm.consent.title")}</h3>
                  <p>{t("groupForm.consent.body1")}</p>
                  <p>{t("groupForm.consent.body2")}</p>
                  <p>{t("groupForm.consent.body3")}</p>
                </div>
                <Checkbox name="consent" label={t("groupForm.consent.label")} hint={t("groupForm.consent.hint")} error={message("consent")} defaultChecked={textValue(values, "consent") === "on"} />
              </section>
            ) : (
              <p>{t("groupForm.edit.editorNote")}</p>
            )}

            <div className="form-actions">
              <button type="submit" name="intent" value="draft" className="button button--secondary" disabled={busy}>
                {t("groupForm.action.draft")}
              </button>{" "}
              {member.canSubmit ? (
                <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
                  {t("groupForm.action.submit")}
                </button>
              ) : null}
            </div>
          </>
        ) : (
          <>
            <TextArea label={label("reason")} error={message("reason")} hint={t("groupReview.decide.reasonHint")} required rows={4} maxLength={REVIEW_TEXT_MAX} {...form.field("reason")} />
            <button type="submit" className="button" disabled={busy}>
              {t("groupReview.correct.submit")}
            </button>
          </>
        )}
      </Form>
    </>
  );
}

// ---------------------------------------------------------------------------------------
// The profile as text

/** A version for its members: the field table's values, district names resolved. */
export type ProfileForView = VersionProfile & { mainDistrict: string; districts: string[]; logoFile: string };

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
  const separator = t("groupForm.listSeparator");
  const shown = (name: GroupField): ReactNode => {
    const value = profile[name];
    switch (fieldSpec(name).kind) {
      case "kind":
        return GROUP_KINDS.includes(profile.kind as never) ? t(`groups.kind.${profile.kind as (typeof GROUP_KINDS)[number]}`) : profile.kind;
      case "checkbox":
        return yesNo(Boolean(value));
      case "district":
        return profile.mainDistrict;
      case "districts":
        return profile.districts.join(separator);
      case "activityFields":
        return profile.activityFields.map((f) => activityFieldLabel(t, f)).join(separator);
      case "longText":
        return <MultilineText text={String(value)} />;
      case "count": {
        // A draft's unanswered count: not given, never "0人".
        const count = givenMemberCount(value as number | null);
        return count === null ? "" : t("groups.memberCount", { count: String(count) });
      }
      default:
        return String(value ?? "");
    }
  };
  const names = GROUP_FIELD_NAMES.filter((name) => profile.kind === "npo" || !fieldSpec(name).npoOnly);
  return (
    <dl className="facts">
      {names.map((name) => {
        const value = shown(name);
        return (
          <Fragment key={name}>
            <dt>{t(GROUP_FIELDS[name].label)}</dt>
            <dd>{value === "" ? t("groupForm.notGiven") : value}</dd>
          </Fragment>
        );
      })}
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
