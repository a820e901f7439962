import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getAuthenticatedSession, getSession } from "../auth/guards.server.ts";
import { useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { confirmEmailLink, inspectEmailLink } from "../accounts/account.server.ts";
import { pageTitle } from "../platform/meta.ts";
import { safeRedirectPath, withRedirectTo } from "../platform/redirect.ts";

export const handle = { messages: [accountMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.verify.title"), ...handle.messages);

/** An unknown link is 404; one used or past its 24 hours is 410 Gone; an address taken meanwhile 409. */
const STATUS = { unknown: 404, spent: 410, taken: 409 } as const;

/**
 * Opening the link only shows a button: mail scanners that fetch links consume nothing.
 * The button's POST confirms.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const inspected = await inspectEmailLink(params.token ?? "");
  const session = await getAuthenticatedSession(request);
  // Where sign-up started (e.g. the group form): the mailed link carries it on.
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (inspected.state === "valid") return { state: "valid" as const, kind: inspected.token.kind, loggedIn: Boolean(session), canResend: false, redirectTo };
  return data(
    { state: inspected.state, kind: null, loggedIn: Boolean(session), canResend: Boolean(session && !session.user.emailVerified), redirectTo },
    { status: STATUS[inspected.state] },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await getSession(request);
  const formData = await request.formData().catch(() => new FormData());
  const redirectTo = safeRedirectPath(formData.get("redirectTo"));
  const result = await confirmEmailLink(params.token ?? "", session?.id ?? null);
  if (!result.ok) return data({ failed: result.reason }, { status: STATUS[result.reason] });
  const notice = result.kind === "verify-email" ? "verified" : "emailChanged";
  if (session?.user.id !== result.userId) return redirect(withRedirectTo(`/login?notice=${notice}`, redirectTo));
  return redirect(redirectTo === "/" ? `/account?notice=${notice}` : redirectTo);
}

export default function VerifyEmail() {
  const t = useT(...handle.messages);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = result?.failed ?? (page.state === "valid" ? null : page.state);

  if (failure === "taken") {
    return (
      <>
        <h1>{t("account.verify.takenTitle")}</h1>
        <p>{t("account.verify.taken")}</p>
        <p>
          <Link to={page.loggedIn ? "/account" : "/login"}>{t(page.loggedIn ? "account.verify.toAccount" : "account.verify.toLogin")}</Link>
        </p>
      </>
    );
  }
  if (failure) {
    return (
      <>
        <h1>{t("account.verify.spentTitle")}</h1>
        <p>{t("account.verify.spent")}</p>
        {page.canResend ? (
          <Form method="post" action="/account">
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className="button">
              {t("account.verification.resend")}
            </button>
          </Form>
        ) : page.loggedIn ? (
          <p>
            <Link to="/account">{t("account.verify.toAccount")}</Link>
          </p>
        ) : (
          <p>
            <Link to="/login?redirectTo=%2Faccount">{t("account.verify.loginToResend")}</Link>
          </p>
        )}
      </>
    );
  }
  const change = page.kind === "change-email";
  return (
    <>
      <h1>{t(change ? "account.verify.changeTitle" : "account.verify.title")}</h1>
      <p>{t(change ? "account.verify.changeLead" : "account.verify.lead")}</p>
      <Form method="post">
        <input type="hidden" name="redirectTo" value={page.redirectTo} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t(change ? "account.verify.changeSubmit" : "account.verify.submit")}
        </button>
      </Form>
    </>
  );
}
