import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requirePermission } from "../auth/guards.server.ts";
import { lookupMessage, useLang, useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { pageTitle } from "../platform/meta.ts";
import { openOutboxMail } from "../platform/outbox.server.ts";
import { formatInstant } from "../platform/dates.ts";

export const handle = { messages: [adminMessages] };
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => t("admin.outbox.detailTitle", { subject: args.data?.mail.subject ?? "" }), ...handle.messages);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "outbox:read:any");
  const id = params.id ?? "";
  const mail = id.length <= 100 ? await openOutboxMail(actor, id) : null;
  if (!mail) throw notFound();
  return {
    mail: {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      hasHtml: Boolean(mail.html),
      status: mail.status,
      attempts: mail.attempts,
      createdAt: mail.createdAt,
      sentAt: mail.sentAt,
      lastError: mail.lastError,
    },
  };
}

export default function AdminOutboxMail() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { mail } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.outbox.detailTitle", { subject: mail.subject })}</h1>
      <dl className="facts">
        <dt>{t("admin.outbox.to")}</dt>
        <dd>{mail.to}</dd>
        <dt>{t("admin.outbox.status")}</dt>
        <dd>{(lookupMessage(t, `admin.outbox.status.${mail.status}`) ?? mail.status)}</dd>
        <dt>{t("admin.outbox.attempts")}</dt>
        <dd>{mail.attempts}</dd>
        <dt>{t("admin.outbox.created")}</dt>
        <dd>{formatInstant(mail.createdAt, lang)}</dd>
        <dt>{t("admin.outbox.sent")}</dt>
        <dd>{mail.sentAt ? formatInstant(mail.sentAt, lang) : t("admin.outbox.notSent")}</dd>
        {mail.lastError ? (
          <>
            <dt>{t("admin.outbox.lastError")}</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t("admin.outbox.text")}</h2>
      <p>{t("admin.outbox.secretNote", { placeholder: "{{secret-1}}" })}</p>
      <pre className="mail-text">{mail.text}</pre>
      {mail.hasHtml ? <p>{t("admin.outbox.hasHtml")}</p> : null}
      <p>
        <Link to="/admin/outbox">{t("admin.outbox.back")}</Link>
      </p>
    </>
  );
}
