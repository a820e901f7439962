import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getAuthenticatedSession, requireSession } from "../auth/guards.server.ts";
import { useT } from "../i18n/index.ts";
import { groupFormMessages } from "../groups/messages/groupForm.ts";
import { acceptInvitation, inspectInvitation, type AcceptResult } from "../groups/editor.server.ts";
import { normalizeEmail } from "../platform/forms/rules.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [groupFormMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("groupForm.invitation.title"), ...handle.messages);

/** The link is a secret: never cached, never passed on in a Referer. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });

type Refusal = Exclude<AcceptResult, { ok: true }>["reason"];
const STATUS: Record<Refusal, number> = { unknown: 404, spent: 410, closed: 410, wrongEmail: 403, unverified: 403 };

/**
 * Opening the link only shows what the invitation is and a button (mail scanners that fetch
 * links accept nothing); the button's POST accepts, for the account of the invited address.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const inspected = await inspectInvitation(token);
  if (inspected.state !== "valid") return data({ state: inspected.state, invitation: null, viewer: null }, { status: STATUS[inspected.state] });
  const session = await getAuthenticatedSession(request);
  const viewer = session
    ? {
        matches: normalizeEmail(session.user.email) === normalizeEmail(inspected.email),
        verified: session.user.emailVerified,
      }
    : null;
  return {
    state: "valid" as const,
    invitation: { groupName: inspected.groupName, role: inspected.role },
    viewer,
    back: `/invitations/${encodeURIComponent(token)}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const result = await acceptInvitation(params.token ?? "", session.user);
  if (result.ok) return redirect(`/my/groups/${result.groupId}?notice=joined`);
  return data({ refused: result.reason }, { status: STATUS[result.reason] });
}

export default function Invitation() {
  const t = useT(...handle.messages);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const refusal = result?.refused ?? (page.state === "valid" ? null : page.state);

  if (refusal === "unknown" || refusal === "spent" || refusal === "closed" || !page.invitation) {
    return (
      <>
        <h1>{t("groupForm.invitation.spentTitle")}</h1>
        <p>{t(refusal === "closed" ? "groupForm.invitation.closed" : "groupForm.invitation.spent")}</p>
      </>
    );
  }
  const back = "back" in page ? page.back : "/";
  const wrongEmail = refusal === "wrongEmail" || (page.viewer && !page.viewer.matches);
  const unverified = refusal === "unverified" || (page.viewer && !page.viewer.verified);
  return (
    <>
      <h1>{t("groupForm.invitation.title")}</h1>
      <p>{t("groupForm.invitation.lead", { group: page.invitation.groupName, role: t(`groupForm.role.${page.invitation.role}`) })}</p>
      <p>{t("groupForm.role.hint")}</p>
      {!page.viewer ? (
        <>
          <p>{t("groupForm.invitation.loginNeeded")}</p>
          <ul className="actions">
            <li>
              <Link to={`/login?redirectTo=${encodeURIComponent(back)}`}>{t("groupForm.invitation.login")}</Link>
            </li>
            <li>
              <Link to="/signup">{t("groupForm.invitation.signup")}</Link>
            </li>
          </ul>
        </>
      ) : wrongEmail ? (
        <p className="error-summary" role="alert">
          {t("groupForm.invitation.wrongEmail")}
        </p>
      ) : unverified ? (
        <>
          <p className="error-summary" role="alert">
            {t("groupForm.invitation.verifyFirst")}
          </p>
          <p>
            <Link to="/account">{t("groupForm.invitation.toAccount")}</Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("groupForm.invitation.accept")}
          </button>
        </Form>
      )}
    </>
  );
}
