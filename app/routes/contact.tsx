import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, useActionData, useNavigation } from "@remix-run/react";
import { ErrorSummary, HoneypotField, SelectField, TextArea, TextField } from "../components/form.tsx";
import { CONTACT_TOPICS, contactSchema } from "../contact/forms.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { useT } from "../i18n/index.ts";
import { contactMessages } from "../contact/messages.ts";
import { sendEnquiry } from "../contact/contact.server.ts";
import { honeypotTripped } from "../platform/honeypot.ts";
import { pageTitle } from "../platform/meta.ts";
import { city } from "../config/city.ts";
import { clientAddress, enforceRateLimit, PUBLIC_FORM_RULE } from "../platform/rate-limit.server.ts";
import { PhoneLink } from "../components/phone-link.tsx";

export const handle = { messages: [contactMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("contact.title"), ...handle.messages);

export async function loader(_: LoaderFunctionArgs) {
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await enforceRateLimit(PUBLIC_FORM_RULE, clientAddress(context));
  const formData = await readFormData(request);
  // A bot filled the hidden field: answer as if accepted, store nothing.
  if (honeypotTripped(formData)) return { sent: true as const };
  const parsed = parseForm(contactSchema, formData);
  if (!parsed.ok) return data({ sent: false as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  await sendEnquiry(parsed.data);
  return { sent: true as const };
}

export default function Contact() {
  const t = useT(...handle.messages);
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const server = result && !result.sent ? result : undefined;
  const form = useValidatedForm(contactSchema, server, { topic: "accessibility" });
  if (result?.sent) {
    return (
      <>
        <h1>{t("contact.title")}</h1>
        <p className="notice" role="status">
          {t("contact.sent")}
        </p>
      </>
    );
  }
  const labels = {
    name: t("contact.name"),
    email: t("contact.email"),
    topic: t("contact.topic"),
    message: t("contact.message"),
  };
  const errors = Object.fromEntries(Object.keys(labels).map((k) => [k, form.errorFor(k)]));
  return (
    <>
      <h1>{t("contact.title")}</h1>
      <p>{t("contact.lead")}</p>
      <p>{t("contact.purpose")}</p>
      <h2>{t("contact.phoneTitle")}</h2>
      <p>
        {t("contact.phone")} <PhoneLink number={city.contactPhone} />
        <br />
        {t("contact.hours")}
      </p>
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <HoneypotField />
        <TextField label={labels.name} error={errors.name} autoComplete="name" maxLength={100} {...form.field("name")} />
        <TextField
          label={labels.email}
          error={errors.email}
          type="email"
          autoComplete="email"
          maxLength={254}
          {...form.field("email")}
        />
        <SelectField
          label={labels.topic}
          error={errors.topic}
          required
          options={CONTACT_TOPICS.map((value) => ({ value, label: t(`contact.topic.${value}`) }))}
          {...form.field("topic")}
        />
        <TextArea
          label={labels.message}
          hint={t("contact.messageHint")}
          error={errors.message}
          required
          rows={8}
          {...form.field("message")}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("contact.submit")}
        </button>
      </Form>
    </>
  );
}
