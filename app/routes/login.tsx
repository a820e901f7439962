import {
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getAuthenticatedSession, getSession } from "../auth/guards.server.ts";
import { FormAlert, NoticeBanner } from "../accounts/ui.tsx";
import { ErrorSummary, TextField } from "../components/form.tsx";
import { loginReasonFor, loginSchema, noticeFrom } from "../accounts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { encodeMessage, useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { attemptLogin, landingPathFor, startSession } from "../accounts/account.server.ts";
import { deviceCookie, readDevice } from "../auth/device-cookie.server.ts";
import { pageTitle } from "../platform/meta.ts";
import { clientAddress } from "../platform/rate-limit.server.ts";
import { safeRedirectPath, withRedirectTo } from "../platform/redirect.ts";

export const handle = { messages: [accountMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.login.title"), ...handle.messages);

/** The 429 answer's Retry-After reaches the document response. */
export const headers: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get("redirectTo");
  const session = await getAuthenticatedSession(request);
  if (session) throw redirect(safeRedirectPath(requested, landingPathFor(session.user)));
  // Empty when none was asked for: the landing then depends on who logs in.
  const redirectTo = safeRedirectPath(requested, "");
  return { redirectTo, reason: loginReasonFor(redirectTo), notice: noticeFrom(request.url) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const values = { email: parsed.data.email };
  const result = await attemptLogin(parsed.data.email, parsed.data.password, clientAddress(context), await readDevice(request));
  if (!result.ok) {
    if (result.reason === "limited") {
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      return data(
        { errors: { _form: encodeMessage("account.login.limited", { minutes }) }, values },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return data({ errors: { _form: encodeMessage("account.login.invalid") }, values }, { status: 400 });
  }
  const redirectTo = safeRedirectPath(formData.get("redirectTo"), landingPathFor(result.user));
  const previous = await getSession(request);
  const { cookie, needsSecondFactor } = await startSession(result.user, request.headers.get("User-Agent"), previous?.id);
  const target = needsSecondFactor ? `/login/two-factor?redirectTo=${encodeURIComponent(redirectTo)}` : redirectTo;
  const headers = new Headers({ "Set-Cookie": cookie });
  // A full log-in: this browser gets (or renews) its device cookie. With a second factor, after it.
  if (!needsSecondFactor) headers.append("Set-Cookie", await deviceCookie(result.user.id));
  return redirect(target, { headers });
}

export default function Login() {
  const t = useT(...handle.messages);
  const { redirectTo, reason, notice } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useValidatedForm(loginSchema, server);
  const labels = { email: t("account.field.email"), password: t("account.field.password") };
  const errors = { email: form.errorFor("email"), password: form.errorFor("password") };
  return (
    <>
      <h1>{t("account.login.title")}</h1>
      {reason ? <p className="notice notice--info">{t(`account.login.reason.${reason}`)}</p> : null}
      <NoticeBanner notice={notice} />
      <FormAlert message={server?.errors._form} />
      {server ? <ErrorSummary errors={errors} labels={labels} /> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
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
          error={errors.password}
          required
          type="password"
          autoComplete="current-password"
          {...form.field("password")}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("account.login.submit")}
        </button>
      </Form>
      <ul>
        <li>
          <Link to="/password/forgot">{t("account.login.forgot")}</Link>
        </li>
        <li>
          <Link to={withRedirectTo("/signup", redirectTo)}>{t("account.login.signup")}</Link>
        </li>
      </ul>
    </>
  );
}
