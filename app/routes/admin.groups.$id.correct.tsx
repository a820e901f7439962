import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { ErrorSummary, SelectField, TextArea, TextField } from "../components/form.tsx";
import { Checkbox, CheckboxGroup, RadioGroup, type ChoiceSection } from "../components/form-choices.tsx";
import { ConflictNotice, groupIdParam } from "../groups/ui/review-ui.tsx";
import { correctionSchema, PROFILE_FIELDS, profileFieldLabel, REVIEW_TEXT_MAX } from "../groups/review-forms.ts";
import { type FieldErrors, parseForm, readFormData } from "../platform/forms/validation.ts";
import { translateMessage, useT } from "../i18n/index.ts";
import { groupReviewMessages } from "../groups/messages/groupReview.ts";
import { activityFieldLabel } from "../groups/messages/groups.ts";
import { pageTitle } from "../platform/meta.ts";
import { ACTIVITY_FIELDS, GROUP_KINDS, GROUP_LIMITS } from "../groups/rules.ts";
import { correctionDefaults, correctProfile } from "../groups/review.server.ts";
import groupReviewStyles from "../groups/ui/group-review.css?url";
import { now } from "../platform/clock.server.ts";
import { tokyoDate } from "../platform/dates.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: groupReviewStyles }];

export const handle = { messages: [groupReviewMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("groupReview.correct.title", { name: args.data?.group.name ?? "" }), ...handle.messages);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "group:edit:any");
  const found = await correctionDefaults(actor, groupIdParam(params.id));
  if (!found) throw notFound();
  return { ...found, today: tokyoDate(now()) };
}

type ActionResult = { conflict: boolean; errors?: FieldErrors; values?: Record<string, string> };

/**
 * The correction: the whole profile under the form's rules plus a reason. 400 with the messages at
 * the fields (or "nothing changed"), 409 when the published profile changed since the page opened.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "group:edit:any");
  const groupId = groupIdParam(params.id);
  const formData = await readFormData(request);
  const parsed = parseForm(correctionSchema(tokyoDate(now())), formData);
  if (!parsed.ok) return data<ActionResult>({ conflict: false, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { reason, publishedVersionId, ...profile } = parsed.data;
  const outcome = await correctProfile(actor, groupId, publishedVersionId, profile, reason);
  if (outcome.ok) return redirect(`/admin/groups/${groupId}?done=correct`);
  if (outcome.error === "notFound") throw notFound();
  if (outcome.error === "noChange") {
    const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    return data<ActionResult>({ conflict: false, errors: { _form: "groupReview.correct.noChange" }, values }, { status: 400 });
  }
  return data<ActionResult>({ conflict: true }, { status: 409 });
}

const listOf = (value: string | undefined) => (value ? value.split("\n").filter(Boolean) : []);

export default function CorrectGroupProfile() {
  const t = useT(...handle.messages);
  const navigation = useNavigation();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { group, today, districts } = loaded;
  const back = `/admin/groups/${group.id}`;

  if (result?.conflict || group.state !== "active" || !loaded.publishedVersionId) {
    return (
      <>
        <h1>{t("groupReview.correct.title", { name: group.name || t("groupReview.unnamed") })}</h1>
        {result?.conflict ? (
          <ConflictNotice title={t("groupReview.correct.conflictTitle")} body={t("groupReview.correct.conflictBody")} />
        ) : (
          <p>{t("groupReview.correct.notActive")}</p>
        )}
        <p>
          <Link to={back}>{t("groupReview.backToGroup")}</Link>
        </p>
      </>
    );
  }

  const values = result?.values ?? loaded.values;
  const errors = clientErrors ?? result?.errors ?? {};
  const message = (name: string) => translateMessage(t, errors[name]);
  const label = (name: string) => (name === "reason" ? t("groupReview.correct.reason") : t(profileFieldLabel(name as (typeof PROFILE_FIELDS)[number])));
  const summaryNames = [...PROFILE_FIELDS.filter((f) => f !== "logoFile"), "reason"];
  const text = (name: string) => ({ name, defaultValue: values[name] ?? "", error: message(name), label: label(name) });
  const box = (name: string) => ({ name, defaultChecked: values[name] === "on", error: message(name), label: label(name) });
  const sections: ChoiceSection[] = [];
  for (const d of districts) {
    let section = sections.find((s) => s.title === d.area);
    if (!section) sections.push((section = { title: d.area, options: [] }));
    section.options.push({ value: String(d.id), label: d.name });
  }

  // The browser runs the action's own schema on the form before it is posted.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseForm(correctionSchema(today), new FormData(event.currentTarget));
    if (parsed.ok) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(parsed.errors);
    requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>(".error-summary")?.focus());
  };

  return (
    <>
      <h1>{t("groupReview.correct.title", { name: group.name })}</h1>
      <p>{t("groupReview.correct.lead")}</p>
      {loaded.waitingChange ? <p>{t("groupReview.correct.pendingChange")}</p> : null}
      <div ref={summaryRef}>
        {message("_form") ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <p>{message("_form")}</p>
          </div>
        ) : (
          <ErrorSummary
            errors={Object.fromEntries(summaryNames.map((n) => [n, message(n)]))}
            labels={Object.fromEntries(summaryNames.map((n) => [n, label(n)]))}
          />
        )}
      </div>
      <Form method="post" noValidate onSubmit={onSubmit} className="review-form">
        <input type="hidden" name="publishedVersionId" value={values.publishedVersionId ?? String(loaded.publishedVersionId)} />
        <fieldset className="form-section">
          <legend>{t("groupReview.correct.sectionBasic")}</legend>
          <TextField {...text("name")} required maxLength={GROUP_LIMITS.name} />
          <TextField {...text("nameKana")} required maxLength={GROUP_LIMITS.nameKana} />
          <RadioGroup
            name="kind"
            legend={label("kind")}
            required
            error={message("kind")}
            selected={values.kind ? [values.kind] : []}
            options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kind.${kind}`) }))}
          />
          <TextField {...text("corporateNumber")} inputMode="numeric" maxLength={20} autoComplete="off" />
          <Checkbox {...box("mainOfficeInCity")} />
          <Checkbox {...box("volunteerCenter")} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t("groupReview.correct.sectionContact")}</legend>
          <TextField {...text("representativeName")} required autoComplete="off" maxLength={GROUP_LIMITS.representativeName} />
          <Checkbox {...box("representativePublic")} />
          <TextField {...text("phone")} type="tel" autoComplete="off" maxLength={20} />
          <TextField {...text("email")} type="email" autoComplete="off" maxLength={254} />
          <TextField {...text("website")} type="url" maxLength={GROUP_LIMITS.url} />
          <TextField {...text("sns")} type="url" maxLength={GROUP_LIMITS.url} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t("groupReview.correct.sectionActivity")}</legend>
          <SelectField
            {...text("mainDistrictId")}
            required
            options={[{ value: "", label: t("groupReview.correct.chooseDistrict") }, ...districts.map((d) => ({ value: String(d.id), label: `${d.area} ${d.name}` }))]}
          />
          <CheckboxGroup name="districtIds" legend={label("districtIds")} error={message("districtIds")} selected={listOf(values.districtIds)} sections={sections} />
          <CheckboxGroup
            name="activityFields"
            legend={label("activityFields")}
            required
            error={message("activityFields")}
            selected={listOf(values.activityFields)}
            options={ACTIVITY_FIELDS.map((f) => ({ value: String(f), label: activityFieldLabel(t, f) }))}
          />
          <TextArea {...text("purpose")} required rows={5} maxLength={GROUP_LIMITS.purpose} />
          <TextArea {...text("activities")} required rows={8} maxLength={GROUP_LIMITS.activities} />
          <TextField {...text("foundedOn")} type="date" required max={today} />
          <TextField {...text("memberCount")} required inputMode="numeric" maxLength={6} />
          <Checkbox {...box("welcomesMembers")} />
          <Checkbox {...box("welcomesVolunteers")} />
          <TextField {...text("meetingPlace")} maxLength={GROUP_LIMITS.meetingPlace} />
        </fieldset>
        <TextArea {...text("reason")} hint={t("groupReview.decide.reasonHint")} required rows={4} maxLength={REVIEW_TEXT_MAX} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("groupReview.correct.submit")}
        </button>
      </Form>
      <p>
        <Link to={back}>{t("groupReview.backToGroup")}</Link>
      </p>
    </>
  );
}
