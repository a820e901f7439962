import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireSession } from "../auth/guards.server.ts";
import { PASSWORD_MIN_LENGTH } from "../auth/password-policy.ts";
import { blankSessionCookie } from "../auth/session.server.ts";
import { FormAlert, NoticeBanner } from "../accounts/ui.tsx";
import { ErrorSummary, TextField } from "../components/form.tsx";
import {
  DISPLAY_NAME_MAX,
  deleteAccountSchema,
  emailChangeSchema,
  noticeFrom,
  passwordChangeSchema,
  profileSchema,
  type AccountIntent,
} from "../accounts/forms.ts";
import { useValidatedForm } from "../platform/forms/use-validated-form.ts";
import { parseForm, readFormData, type FieldErrors } from "../platform/forms/validation.ts";
import { encodeMessage, lookupMessage, useLang, useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { contributedMessages } from "../platform/domains.contributions.ts";
import { accountActivities } from "../platform/domains.contributions.server.ts";
import { getLang } from "../i18n/lang.server.ts";
import {
  changeDisplayName,
  changePassword,
  checkCurrentPassword,
  deleteAccount,
  getAccount,
  requestEmailChange,
  resendVerificationMail,
  revokeSession,
  type Limited,
} from "../accounts/account.server.ts";
import { formatInstant } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";
import type { FormValues } from "../platform/forms/values.ts";

/** The intents this page's forms post (the role × page matrix has a row for each). */
export { ACCOUNT_INTENTS as INTENTS } from "../accounts/forms.ts";

// Every domain's catalogue of contributed labels: a domain may refuse the deletion of an account in its own words.
export const handle = { messages: [accountMessages, ...contributedMessages()] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.title"), ...handle.messages);

export const headers: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const { user, pendingEmail, sessions } = await getAccount(session.user.id);
  return {
    user: {
      displayName: user.displayName,
      email: user.email,
      verified: user.emailVerifiedAt !== null,
      twoFactor: user.totpEnabledAt !== null,
      createdAt: user.createdAt.toISOString(),
    },
    pendingEmail,
    sessions: sessions.map((s) => ({
      // The current session's id is not sent: it is half of the cookie's token.
      id: s.id === session.id ? null : s.id,
      device: s.device,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
    })),
    // Each domain's list of what the person did there (their comments sent, later their bookings).
    activities: await Promise.all(
      accountActivities().map(async (a) => ({ id: a.id, title: a.title, empty: a.empty, referenceLabel: a.referenceLabel, items: await a.list(session.user.id) })),
    ),
    notice: noticeFrom(request.url),
    verifyRequired: new URL(request.url).searchParams.get("verify") === "required",
  };
}

type Failure = { intent: AccountIntent; errors: FieldErrors; values: FormValues };

function failed(intent: AccountIntent, errors: FieldErrors, values: FormValues = {}, status = 400) {
  return data<Failure>({ intent, errors, values }, { status });
}

function tooMany(intent: AccountIntent, limit: Limited, values: FormValues = {}) {
  const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
  return data<Failure>(
    { intent, errors: { _form: encodeMessage("account.errors.tooMany", { minutes }) }, values },
    { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } }
  );
}

/** Each form on the page posts its intent; a success redirects back with a notice. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const userId = session.user.id;
  const formData = await readFormData(request);
  const lang = getLang(request);
  switch (formData.get("intent")) {
    case "profile": {
      const parsed = parseForm(profileSchema, formData);
      if (!parsed.ok) return failed("profile", parsed.errors, parsed.values);
      await changeDisplayName(userId, parsed.data.displayName);
      return redirect("/account?notice=profileSaved");
    }
    case "email": {
      const parsed = parseForm(emailChangeSchema, formData);
      if (!parsed.ok) return failed("email", parsed.errors, parsed.values);
      const values = { newEmail: parsed.data.newEmail };
      const check = await checkCurrentPassword(userId, parsed.data.emailPassword);
      if ("limited" in check) return tooMany("email", check, values);
      if (!check.ok) return failed("email", { emailPassword: encodeMessage("account.errors.wrongPassword") }, values);
      if ((await requestEmailChange(session.user, parsed.data.newEmail, lang)) === "same") {
        return failed("email", { newEmail: encodeMessage("account.errors.sameEmail") }, values);
      }
      return redirect("/account?notice=emailChangeSent");
    }
    case "password": {
      const parsed = parseForm(passwordChangeSchema, formData);
      if (!parsed.ok) return failed("password", parsed.errors, parsed.values);
      const check = await checkCurrentPassword(userId, parsed.data.currentPassword);
      if ("limited" in check) return tooMany("password", check);
      if (!check.ok) return failed("password", { currentPassword: encodeMessage("account.errors.wrongPassword") });
      await changePassword(userId, parsed.data.newPassword, session.id, lang);
      return redirect("/account?notice=passwordChanged");
    }
    case "resend": {
      const result = await resendVerificationMail(userId, lang);
      if ("limited" in result) return tooMany("resend", result);
      return redirect("sent" in result ? "/account?notice=verificationSent" : "/account");
    }
    case "revoke": {
      const id = formData.get("sessionId");
      if (typeof id !== "string" || id.length > 100 || id === session.id) throw new Response("Bad Request", { status: 400 });
      await revokeSession(userId, id);
      return redirect("/account?notice=sessionRevoked");
    }
    case "delete": {
      const parsed = parseForm(deleteAccountSchema, formData);
      if (!parsed.ok) return failed("delete", parsed.errors, parsed.values);
      const check = await checkCurrentPassword(userId, parsed.data.deletePassword);
      if ("limited" in check) return tooMany("delete", check);
      if (!check.ok) return failed("delete", { deletePassword: encodeMessage("account.errors.wrongPassword") });
      const result = await deleteAccount(userId);
      if (!result.ok) return failed("delete", { _form: encodeMessage(result.reason) }, {}, 409);
      return redirect("/account/deleted", { headers: { "Set-Cookie": blankSessionCookie() } });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export default function Account() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { user, pendingEmail, sessions, activities, notice, verifyRequired } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const serverFor = (intent: AccountIntent) => (result?.intent === intent ? result : undefined);

  const profile = useValidatedForm(profileSchema, serverFor("profile"), { displayName: user.displayName });
  const email = useValidatedForm(emailChangeSchema, serverFor("email"));
  const password = useValidatedForm(passwordChangeSchema, serverFor("password"));
  const remove = useValidatedForm(deleteAccountSchema, serverFor("delete"));

  const emailLabels = { newEmail: t("account.field.newEmail"), emailPassword: t("account.field.currentPassword") };
  const emailErrors = { newEmail: email.errorFor("newEmail"), emailPassword: email.errorFor("emailPassword") };
  const passwordLabels = { currentPassword: t("account.field.currentPassword"), newPassword: t("account.field.newPassword") };
  const passwordErrors = { currentPassword: password.errorFor("currentPassword"), newPassword: password.errorFor("newPassword") };

  return (
    <>
      <h1>{t("account.title")}</h1>
      <NoticeBanner notice={notice} />
      {verifyRequired && !user.verified ? (
        <p className="error-summary" role="alert">
          {t("account.verification.required")}
        </p>
      ) : null}

      {user.verified ? null : (
        <Section id="verification" title={t("account.verification.title")}>
          <p>{t("account.verification.pending", { email: user.email })}</p>
          <FormAlert message={serverFor("resend")?.errors._form} />
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className="button" disabled={busy}>
              {t("account.verification.resend")}
            </button>
          </Form>
        </Section>
      )}

      <Section id="profile" title={t("account.profile.title")}>
        <dl className="facts">
          <dt>{t("account.field.email")}</dt>
          <dd>
            {user.email} ({t(user.verified ? "account.profile.verified" : "account.profile.unverified")})
          </dd>
          <dt>{t("account.profile.since")}</dt>
          <dd>{formatInstant(user.createdAt, lang)}</dd>
        </dl>
        <Form method="post" noValidate onSubmit={profile.onSubmit}>
          <input type="hidden" name="intent" value="profile" />
          <TextField
            label={t("account.field.displayName")}
            hint={t("account.field.displayNameHint", { max: DISPLAY_NAME_MAX })}
            error={profile.errorFor("displayName")}
            required
            autoComplete="nickname"
            maxLength={DISPLAY_NAME_MAX}
            {...profile.field("displayName")}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("account.profile.submit")}
          </button>
        </Form>
      </Section>

      <Section id="email" title={t("account.email.title")}>
        <p>{t("account.email.lead")}</p>
        {pendingEmail ? <p>{t("account.email.pending", { email: pendingEmail })}</p> : null}
        <FormAlert message={serverFor("email")?.errors._form} />
        {serverFor("email") ? <ErrorSummary errors={emailErrors} labels={emailLabels} /> : null}
        <Form method="post" noValidate onSubmit={email.onSubmit}>
          <input type="hidden" name="intent" value="email" />
          <TextField
            label={emailLabels.newEmail}
            error={emailErrors.newEmail}
            required
            type="email"
            autoComplete="email"
            maxLength={254}
            {...email.field("newEmail")}
          />
          <TextField
            label={emailLabels.emailPassword}
            error={emailErrors.emailPassword}
            required
            type="password"
            autoComplete="current-password"
            {...email.field("emailPassword")}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("account.email.submit")}
          </button>
        </Form>
      </Section>

      <Section id="password" title={t("account.password.title")}>
        <p>{t("account.password.lead")}</p>
        <FormAlert message={serverFor("password")?.errors._form} />
        {serverFor("password") ? <ErrorSummary errors={passwordErrors} labels={passwordLabels} /> : null}
        <Form method="post" noValidate onSubmit={password.onSubmit}>
          <input type="hidden" name="intent" value="password" />
          <TextField
            label={passwordLabels.currentPassword}
            error={passwordErrors.currentPassword}
            required
            type="password"
            autoComplete="current-password"
            {...password.field("currentPassword")}
          />
          <TextField
            label={passwordLabels.newPassword}
            hint={t("account.field.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
            error={passwordErrors.newPassword}
            required
            type="password"
            autoComplete="new-password"
            {...password.field("newPassword")}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("account.password.submit")}
          </button>
        </Form>
      </Section>

      <Section id="two-factor" title={t("account.twoFactor.title")}>
        <p>{t(user.twoFactor ? "account.twoFactor.on" : "account.twoFactor.off")}</p>
        <p>
          <Link to="/account/two-factor">{t(user.twoFactor ? "account.twoFactor.manage" : "account.twoFactor.setUp")}</Link>
        </p>
      </Section>

      <Section id="sessions" title={t("account.sessions.title")}>
        <p>{t("account.sessions.lead")}</p>
        {/* Scrolls in its own box on a narrow screen, not the page; focusable so a keyboard can scroll it. */}
        <div className="table-scroll" role="region" aria-labelledby="sessions-heading" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("account.sessions.device")}</th>
                <th scope="col">{t("account.sessions.createdAt")}</th>
                <th scope="col">{t("account.sessions.lastUsedAt")}</th>
                <th scope="col">{t("account.sessions.action")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s, index) => (
                <tr key={s.id ?? "current"}>
                  <th scope="row">{s.device || t("account.sessions.unknownDevice")}</th>
                  <td>{formatInstant(s.createdAt, lang)}</td>
                  <td>{formatInstant(s.lastUsedAt, lang)}</td>
                  <td>
                    {s.id === null ? (
                      <strong>{t("account.sessions.current")}</strong>
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="sessionId" value={s.id} />
                        <button type="submit" className="link-button" disabled={busy}>
                          {t("account.sessions.revoke")}
                          <span className="visually-hidden">
                            {" "}
                            {t("account.sessions.revokeWhich", { device: s.device || t("account.sessions.unknownDevice"), n: index + 1 })}
                          </span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      {activities.map((a) => (
        <Section key={a.id} id={a.id} title={lookupMessage(t, a.title) ?? a.title}>
          {a.items.length === 0 ? (
            <p>{lookupMessage(t, a.empty)}</p>
          ) : (
            <ul className="activity-list">
              {a.items.map((item) => (
                <li key={item.reference}>
                  <a href={item.href}>{item.title}</a>
                  <p className="activity-meta">
                    {item.state
                      ? t("account.activity.metaState", { label: lookupMessage(t, a.referenceLabel) ?? "", reference: item.reference, at: formatInstant(item.at, lang), state: lookupMessage(t, item.state) ?? "" })
                      : t("account.activity.meta", { label: lookupMessage(t, a.referenceLabel) ?? "", reference: item.reference, at: formatInstant(item.at, lang) })}
                  </p>
                  {item.excerpt ? <p className="activity-excerpt">{item.excerpt}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ))}

      <Section id="data" title={t("account.data.title")}>
        <p>{t("account.data.lead")}</p>
        <p>
          <a href="/account/export" download>
            {t("account.data.download")}
          </a>
        </p>
      </Section>

      <Section id="delete" title={t("account.delete.title")}>
        <p>{t("account.delete.lead")}</p>
        <FormAlert message={serverFor("delete")?.errors._form} />
        <Form method="post" noValidate onSubmit={remove.onSubmit}>
          <input type="hidden" name="intent" value="delete" />
          <TextField
            label={t("account.field.currentPassword")}
            error={remove.errorFor("deletePassword")}
            required
            type="password"
            autoComplete="current-password"
            {...remove.field("deletePassword")}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("account.delete.submit")}
          </button>
        </Form>
      </Section>
    </>
  );
}
