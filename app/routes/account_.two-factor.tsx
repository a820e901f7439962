import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireSession } from "../auth/guards.server.ts";
import { isStaff } from "../auth/permissions.ts";
import { generateTotpSecret, totpKeyUri, totpQrCodeDataUrl } from "../auth/totp.server.ts";
import { FormAlert, groupedKey, RecoveryCodeList } from "../accounts/ui.tsx";
import { TextField } from "../components/form.tsx";
import { recoveryRegenerateSchema, totpDisableSchema, totpEnableSchema } from "../accounts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData, type FieldErrors } from "../platform/forms/validation.ts";
import { encodeMessage, useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { disableTotp, enableTotp, getAccount, regenerateRecoveryCodes, type Limited } from "../accounts/account.server.ts";
import { pageTitle } from "../platform/meta.ts";
import type { FormValues } from "../platform/forms/values.ts";

export const handle = { messages: [accountMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.twoFactor.title"), ...handle.messages);

export const headers: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  // The set-up page carries a fresh secret and the answer to "enable" the recovery codes.
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** A new key and its QR code; nothing is stored until a code from the app confirms it. */
async function setUpKey(email: string, secret = generateTotpSecret()) {
  return { secret, qrCode: await totpQrCodeDataUrl(totpKeyUri(email, secret)) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const { user, recoveryCodesLeft } = await getAccount(session.user.id);
  const staff = isStaff(session.user);
  const required = new URL(request.url).searchParams.get("required") === "1";
  if (user.totpEnabledAt) return { enabled: true as const, staff, required, recoveryCodesLeft, setUp: null };
  return { enabled: false as const, staff, required, recoveryCodesLeft: 0, setUp: await setUpKey(user.email) };
}

/** The intents this page's forms post (the role × page matrix has a row for each). */
export const INTENTS = ["enable", "regenerate", "disable"] as const;
type Intent = (typeof INTENTS)[number];
type Result = {
  intent: Intent;
  errors: FieldErrors;
  values: FormValues;
  codes?: string[];
  setUp?: { secret: string; qrCode: string };
};

function failed(result: Result, status = 400, limit?: Limited) {
  if (limit) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    return data<Result>(
      { ...result, errors: { _form: encodeMessage("account.errors.tooMany", { minutes }) } },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  return data<Result>(result, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const userId = session.user.id;
  const formData = await readFormData(request);
  switch (formData.get("intent")) {
    case "enable": {
      const parsed = parseForm(totpEnableSchema, formData);
      // A failed try shows the same key again, so that the app already set up keeps working.
      const posted = totpEnableSchema.shape.secret.safeParse(formData.get("secret"));
      const setUp = await setUpKey(session.user.email, posted.success ? posted.data : undefined);
      if (!parsed.ok) return failed({ intent: "enable", errors: parsed.errors, values: {}, setUp });
      const codes = await enableTotp(userId, session.id, parsed.data.secret, parsed.data.code);
      if (!codes) return failed({ intent: "enable", errors: { code: encodeMessage("account.errors.wrongCode") }, values: {}, setUp });
      return data<Result>({ intent: "enable", errors: {}, values: {}, codes });
    }
    case "regenerate": {
      const parsed = parseForm(recoveryRegenerateSchema, formData);
      if (!parsed.ok) return failed({ intent: "regenerate", errors: parsed.errors, values: {} });
      const codes = await regenerateRecoveryCodes(userId, parsed.data.regenerateCode);
      if (codes && "limited" in codes) return failed({ intent: "regenerate", errors: {}, values: {} }, 429, codes);
      if (!codes) return failed({ intent: "regenerate", errors: { regenerateCode: encodeMessage("account.errors.wrongCode") }, values: {} });
      return data<Result>({ intent: "regenerate", errors: {}, values: {}, codes });
    }
    case "disable": {
      const parsed = parseForm(totpDisableSchema, formData);
      if (!parsed.ok) return failed({ intent: "disable", errors: parsed.errors, values: {} });
      const outcome = await disableTotp(session.user, parsed.data.disablePassword, parsed.data.disableCode);
      if (typeof outcome === "object") return failed({ intent: "disable", errors: {}, values: {} }, 429, outcome);
      if (outcome === "staff") return failed({ intent: "disable", errors: { _form: encodeMessage("account.twoFactor.staffMustKeep") }, values: {} }, 403);
      if (outcome === "wrongPassword") {
        return failed({ intent: "disable", errors: { disablePassword: encodeMessage("account.errors.wrongPassword") }, values: {} });
      }
      if (outcome === "wrongCode") return failed({ intent: "disable", errors: { disableCode: encodeMessage("account.errors.wrongCode") }, values: {} });
      return redirect("/account?notice=twoFactorDisabled");
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function TwoFactorSettings() {
  const t = useT(...handle.messages);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const serverFor = (intent: Intent) => (result?.intent === intent ? result : undefined);
  const setUp = result?.setUp ?? page.setUp;
  const enable = useValidatedForm(totpEnableSchema, serverFor("enable"), setUp ? { secret: setUp.secret } : {});
  const regenerate = useValidatedForm(recoveryRegenerateSchema, serverFor("regenerate"));
  const disable = useValidatedForm(totpDisableSchema, serverFor("disable"));

  if (result?.codes) {
    return (
      <>
        <h1>{t("account.twoFactor.title")}</h1>
        <p className="notice" role="status">
          {t(result.intent === "enable" ? "account.twoFactor.enabled" : "account.twoFactor.regenerated")}
        </p>
        <RecoveryCodeList codes={result.codes} />
        <p>
          <Link to={page.staff ? "/admin" : "/account"}>{t(page.staff ? "account.twoFactor.toAdmin" : "account.twoFactor.toAccount")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t("account.twoFactor.title")}</h1>
      {page.required && !page.enabled ? (
        <p className="error-summary" role="alert">
          {t("account.twoFactor.requiredForStaff")}
        </p>
      ) : null}
      <p>{t("account.twoFactor.lead")}</p>
      {setUp && !page.enabled ? (
        <section aria-labelledby="setup-heading">
          <h2 id="setup-heading">{t("account.twoFactor.setUpTitle")}</h2>
          <ol>
            <li>{t("account.twoFactor.step1")}</li>
            <li>
              {t("account.twoFactor.step2")}
              <br />
              <img src={setUp.qrCode} alt={t("account.twoFactor.qrAlt")} width={200} height={200} />
              <br />
              {t("account.twoFactor.keyLabel")} <code>{groupedKey(setUp.secret)}</code>
            </li>
            <li>{t("account.twoFactor.step3")}</li>
          </ol>
          <FormAlert message={serverFor("enable")?.errors._form ?? serverFor("enable")?.errors.secret} />
          <Form method="post" noValidate onSubmit={enable.onSubmit}>
            <input type="hidden" name="intent" value="enable" />
            <input type="hidden" {...enable.field("secret")} />
            <TextField
              label={t("account.field.totpCode")}
              hint={t("account.field.totpCodeHint")}
              error={enable.errorFor("code")}
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={40}
              {...enable.field("code")}
            />
            <button type="submit" className="button" disabled={busy}>
              {t("account.twoFactor.enable")}
            </button>
          </Form>
        </section>
      ) : null}

      {page.enabled ? (
        <>
          <p>{t("account.twoFactor.on")}</p>
          <section aria-labelledby="regenerate-heading">
            <h2 id="regenerate-heading">{t("account.twoFactor.regenerateTitle")}</h2>
            <p>{t("account.twoFactor.codesLeft", { count: page.recoveryCodesLeft })}</p>
            <FormAlert message={serverFor("regenerate")?.errors._form} />
            <Form method="post" noValidate onSubmit={regenerate.onSubmit}>
              <input type="hidden" name="intent" value="regenerate" />
              <TextField
                label={t("account.field.secondFactorCode")}
                hint={t("account.field.secondFactorCodeHint")}
                error={regenerate.errorFor("regenerateCode")}
                required
                autoComplete="one-time-code"
                maxLength={40}
                {...regenerate.field("regenerateCode")}
              />
              <button type="submit" className="button" disabled={busy}>
                {t("account.twoFactor.regenerate")}
              </button>
            </Form>
          </section>
          <section aria-labelledby="disable-heading">
            <h2 id="disable-heading">{t("account.twoFactor.disableTitle")}</h2>
            {page.staff ? (
              <p>{t("account.twoFactor.staffMustKeep")}</p>
            ) : (
              <>
                <FormAlert message={serverFor("disable")?.errors._form} />
                <Form method="post" noValidate onSubmit={disable.onSubmit}>
                  <input type="hidden" name="intent" value="disable" />
                  <TextField
                    label={t("account.field.currentPassword")}
                    error={disable.errorFor("disablePassword")}
                    required
                    type="password"
                    autoComplete="current-password"
                    {...disable.field("disablePassword")}
                  />
                  <TextField
                    label={t("account.field.secondFactorCode")}
                    hint={t("account.field.secondFactorCodeHint")}
                    error={disable.errorFor("disableCode")}
                    required
                    autoComplete="one-time-code"
                    maxLength={40}
                    {...disable.field("disableCode")}
                  />
                  <button type="submit" className="button" disabled={busy}>
                    {t("account.twoFactor.disable")}
                  </button>
                </Form>
              </>
            )}
          </section>
        </>
      ) : null}
      <p>
        <Link to="/account">{t("account.twoFactor.toAccount")}</Link>
      </p>
    </>
  );
}
