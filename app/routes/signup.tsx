import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getAuthenticatedSession } from "../auth/guards.server.ts";
import { PASSWORD_MIN_LENGTH } from "../auth/password-policy.ts";
import { CheckboxField } from "../accounts/ui.tsx";
import { ErrorSummary, HoneypotField, TextField } from "../components/form.tsx";
import { DISPLAY_NAME_MAX, signupSchema } from "../accounts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { getLang } from "../i18n/lang.server.ts";
import { registerResident, SIGNUP_RULE } from "../accounts/account.server.ts";
import { honeypotTripped } from "../platform/honeypot.ts";
import { pageTitle } from "../platform/meta.ts";
import { clientAddress, enforceRateLimit } from "../platform/rate-limit.server.ts";
import { safeRedirectPath, withRedirectTo } from "../platform/redirect.ts";

export const handle = { messages: [accountMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.signup.title"), ...handle.messages);

/** `redirectTo` (a same-site path) travels on through the verification mail and the log-in. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (await getAuthenticatedSession(request)) throw redirect("/account");
  return { redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")) };
}

/**
 * A new address and one already registered get the same page: the difference goes by mail
 * to the address (a verification link, or "someone tried to register with your address").
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await enforceRateLimit(SIGNUP_RULE, clientAddress(context));
  const formData = await readFormData(request);
  if (honeypotTripped(formData)) return { sent: true as const, redirectTo: "/" };
  const parsed = parseForm(signupSchema, formData);
  if (!parsed.ok) return data({ sent: false as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const redirectTo = safeRedirectPath(formData.get("redirectTo"));
  await registerResident(parsed.data, getLang(request), redirectTo);
  return { sent: true as const, redirectTo };
}

export default function Signup() {
  const t = useT(...handle.messages);
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const server = result && !result.sent ? result : undefined;
  const form = useValidatedForm(signupSchema, server);
  if (result?.sent) {
    return (
      <>
        <h1>{t("account.signup.sentTitle")}</h1>
        <p className="notice" role="status">
          {t("account.signup.sent")}
        </p>
        <p>{t("account.signup.sentHint")}</p>
        <p>
          <Link to={withRedirectTo("/login", result.redirectTo)}>{t("account.signup.toLogin")}</Link>
        </p>
      </>
    );
  }
  const labels = {
    displayName: t("account.field.displayName"),
    email: t("account.field.email"),
    password: t("account.field.password"),
    consent: t("account.signup.consent"),
  };
  const errors = Object.fromEntries(Object.keys(labels).map((k) => [k, form.errorFor(k)]));
  const { defaultValue: consentValue, ...consent } = form.field("consent");
  return (
    <>
      <h1>{t("account.signup.title")}</h1>
      <p>{t("account.signup.lead")}</p>
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          label={labels.displayName}
          hint={t("account.field.displayNameHint", { max: DISPLAY_NAME_MAX })}
          error={errors.displayName}
          required
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX}
          {...form.field("displayName")}
        />
        <TextField
          label={labels.email}
          error={errors.email}
          required
          type="email"
          autoComplete="email"
          maxLength={254}
          {...form.field("email")}
        />
        <TextField
          label={labels.password}
          hint={t("account.field.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
          error={errors.password}
          required
          type="password"
          autoComplete="new-password"
          {...form.field("password")}
        />
        <h2>{t("account.signup.purposeTitle")}</h2>
        <p id="purpose">{t("account.signup.purpose")}</p>
        <p>
          <Link to="/privacy">{t("account.signup.privacyLink")}</Link>
        </p>
        <CheckboxField
          label={labels.consent}
          error={errors.consent}
          required
          value="yes"
          defaultChecked={consentValue === "yes"}
          {...consent}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("account.signup.submit")}
        </button>
      </Form>
      <p>
        {t("account.signup.haveAccount")} <Link to={withRedirectTo("/login", redirectTo)}>{t("nav.login")}</Link>
      </p>
    </>
  );
}
