import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PASSWORD_MIN_LENGTH } from "../auth/password-policy.ts";
import { blankSessionCookie } from "../auth/session.server.ts";
import { ErrorSummary, TextField } from "../components/form.tsx";
import { resetPasswordSchema } from "../accounts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { getLang } from "../i18n/lang.server.ts";
import { inspectResetLink, resetPassword } from "../accounts/account.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [accountMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.reset.title"), ...handle.messages);

/** Opening the link only looks the token up; the POST uses it. Unknown 404, used or expired 410. */
export async function loader({ params }: LoaderFunctionArgs) {
  const inspected = await inspectResetLink(params.token ?? "");
  if (inspected.state === "valid") return { usable: true };
  return data({ usable: false }, { status: inspected.state === "unknown" ? 404 : 410 });
}

/** A new password ends every session of the account, this browser's included. */
export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = parseForm(resetPasswordSchema, formData);
  if (!parsed.ok) return data({ spent: false, errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (!(await resetPassword(params.token ?? "", parsed.data.password, getLang(request)))) {
    return data({ spent: true, errors: {}, values: {} }, { status: 410 });
  }
  return redirect("/login?notice=passwordReset", { headers: { "Set-Cookie": blankSessionCookie() } });
}

export default function ResetPassword() {
  const t = useT(...handle.messages);
  const { usable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useValidatedForm(resetPasswordSchema, result);
  if (!usable || result?.spent) {
    return (
      <>
        <h1>{t("account.reset.spentTitle")}</h1>
        <p>{t("account.reset.spent")}</p>
        <p>
          <Link to="/password/forgot">{t("account.reset.again")}</Link>
        </p>
      </>
    );
  }
  const labels = { password: t("account.field.newPassword") };
  const errors = { password: form.errorFor("password") };
  return (
    <>
      <h1>{t("account.reset.title")}</h1>
      <p>{t("account.reset.lead")}</p>
      {result ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextField
          label={labels.password}
          hint={t("account.field.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
          error={errors.password}
          required
          type="password"
          autoComplete="new-password"
          {...form.field("password")}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("account.reset.submit")}
        </button>
      </Form>
    </>
  );
}
