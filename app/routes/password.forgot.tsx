import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { ErrorSummary, HoneypotField, TextField } from "../components/form.tsx";
import { forgotPasswordSchema } from "../accounts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { getLang } from "../i18n/lang.server.ts";
import { PASSWORD_FORGOT_RULE, requestPasswordReset } from "../accounts/account.server.ts";
import { honeypotTripped } from "../platform/honeypot.ts";
import { pageTitle } from "../platform/meta.ts";
import { clientAddress, enforceRateLimit } from "../platform/rate-limit.server.ts";

export const handle = { messages: [accountMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.forgot.title"), ...handle.messages);

/** The same answer whether or not the address is registered; only a registered one gets mail. */
export async function action({ request, context }: ActionFunctionArgs) {
  await enforceRateLimit(PASSWORD_FORGOT_RULE, clientAddress(context));
  const formData = await readFormData(request);
  if (honeypotTripped(formData)) return { sent: true as const };
  const parsed = parseForm(forgotPasswordSchema, formData);
  if (!parsed.ok) return data({ sent: false as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  await requestPasswordReset(parsed.data.email, getLang(request));
  return { sent: true as const };
}

export default function ForgotPassword() {
  const t = useT(...handle.messages);
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const server = result && !result.sent ? result : undefined;
  const form = useValidatedForm(forgotPasswordSchema, server);
  if (result?.sent) {
    return (
      <>
        <h1>{t("account.forgot.title")}</h1>
        <p className="notice" role="status">
          {t("account.forgot.sent")}
        </p>
        <p>
          <Link to="/login">{t("account.forgot.toLogin")}</Link>
        </p>
      </>
    );
  }
  const labels = { email: t("account.field.email") };
  const errors = { email: form.errorFor("email") };
  return (
    <>
      <h1>{t("account.forgot.title")}</h1>
      <p>{t("account.forgot.lead")}</p>
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <HoneypotField />
        <TextField
          label={labels.email}
          error={errors.email}
          required
          type="email"
          autoComplete="email"
          maxLength={254}
          {...form.field("email")}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("account.forgot.submit")}
        </button>
      </Form>
    </>
  );
}
