import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "../i18n/index.ts";
import { accountMessages } from "../accounts/messages.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [accountMessages] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("account.deleted.title"), ...handle.messages);

/** Where a deletion lands; says only what happened (it shows nothing about anyone). */
export default function AccountDeleted() {
  const t = useT(...handle.messages);
  return (
    <>
      <h1>{t("account.deleted.title")}</h1>
      <p className="notice" role="status">
        {t("account.deleted.body")}
      </p>
      <p>
        <Link to="/">{t("error.home")}</Link>
      </p>
    </>
  );
}
