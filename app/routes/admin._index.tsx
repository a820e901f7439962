import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { lookupMessage, useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { contributedMessages } from "../platform/domains.contributions.ts";
import { waitingQueues } from "../admin/dashboard.server.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [adminMessages, ...contributedMessages()] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.dashboard.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "dashboard:read:any");
  return { queues: await waitingQueues(actor) };
}

export default function AdminDashboard() {
  const t = useT(...handle.messages);
  const { queues } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.dashboard.title")}</h1>
      <p className="lead">{t("admin.dashboard.lead")}</p>
      <h2>{t("admin.dashboard.queues")}</h2>
      <ul className="cards">
        {queues.map((q) => (
          <li key={q.id}>
            <h3 id={`queue-${q.id}`}>{lookupMessage(t, q.title) ?? q.title}</h3>
            <p className="queue-count">
              <Link to={q.href} aria-describedby={`queue-${q.id}`}>
                {t("admin.dashboard.count", { count: q.count })}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
