import {
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { data, Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getSession } from "../auth/guards.server.ts";
import { FormAlert } from "../accounts/ui.tsx";
import { TextField } from "../components/form.tsx";
import { recoveryLoginSchema, totpLoginSchema } from "../accounts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData } from "../platform/forms/validation.ts";
import { encodeMessage, useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { completeSecondFactor, landingPathFor } from "../accounts/account.server.ts";
import { deviceCookie } from "../auth/device-cookie.server.ts";
import { pageTitle } from "../platform/meta.ts";
import { safeRedirectPath } from "../platform/redirect.ts";

export const handle = { messages: [accountMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.twoFactorLogin.title"), ...handle.messages);

export const headers: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** The session waiting for its second factor; anyone else has nothing to do here. */
async function pendingSession(request: Request, requested: FormDataEntryValue | null) {
  const session = await getSession(request);
  if (!session) throw redirect("/login");
  const redirectTo = safeRedirectPath(requested, landingPathFor(session.user));
  if (!session.user.totpEnabled || session.twoFactorVerified) throw redirect(redirectTo);
  return { session, redirectTo };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { redirectTo } = await pendingSession(request, new URL(request.url).searchParams.get("redirectTo"));
  return { redirectTo };
}

type Method = "totp" | "recovery";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const { session, redirectTo } = await pendingSession(request, formData.get("redirectTo"));
  const method: Method = formData.get("method") === "recovery" ? "recovery" : "totp";
  const field = method === "recovery" ? "recoveryCode" : "code";
  const parsed = method === "recovery" ? parseForm(recoveryLoginSchema, formData) : parseForm(totpLoginSchema, formData);
  if (!parsed.ok) return data({ method, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const code = "code" in parsed.data ? parsed.data.code : parsed.data.recoveryCode;
  const result = await completeSecondFactor({ id: session.id, userId: session.user.id, email: session.user.email }, code);
  if ("limited" in result) {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      { method, errors: { _form: encodeMessage("account.twoFactorLogin.limited", { minutes }) }, values: {} },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok) {
    const message = method === "recovery" ? "account.twoFactorLogin.wrongRecovery" : "account.twoFactorLogin.wrongCode";
    return data({ method, errors: { [field]: encodeMessage(message) }, values: {} }, { status: 400 });
  }
  return redirect(redirectTo, { headers: { "Set-Cookie": await deviceCookie(session.user.id) } });
}

export default function TwoFactorLogin() {
  const t = useT(...handle.messages);
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const totp = useValidatedForm(totpLoginSchema, result?.method === "totp" ? result : undefined);
  const recovery = useValidatedForm(recoveryLoginSchema, result?.method === "recovery" ? result : undefined);
  const busy = navigation.state === "submitting";
  return (
    <>
      <h1>{t("account.twoFactorLogin.title")}</h1>
      <FormAlert message={result?.errors._form} />
      <p>{t("account.twoFactorLogin.lead")}</p>
      <Form method="post" noValidate onSubmit={totp.onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="method" value="totp" />
        <TextField
          label={t("account.field.totpCode")}
          hint={t("account.field.totpCodeHint")}
          error={totp.errorFor("code")}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={40}
          {...totp.field("code")}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("account.twoFactorLogin.submit")}
        </button>
      </Form>
      <h2>{t("account.twoFactorLogin.recoveryTitle")}</h2>
      <p>{t("account.twoFactorLogin.recoveryLead")}</p>
      <Form method="post" noValidate onSubmit={recovery.onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="method" value="recovery" />
        <TextField
          label={t("account.field.recoveryCode")}
          error={recovery.errorFor("recoveryCode")}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          {...recovery.field("recoveryCode")}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("account.twoFactorLogin.submitRecovery")}
        </button>
      </Form>
      <Form method="post" action="/logout">
        <p>
          <button type="submit" className="link-button">
            {t("account.twoFactorLogin.cancel")}
          </button>
        </p>
      </Form>
    </>
  );
}
