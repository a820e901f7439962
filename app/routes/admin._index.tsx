import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { lookupMessage, useLang, useT } from "../i18n/index.ts";
import { adminMessages } from "../admin/messages.ts";
import { contributedMessages } from "../platform/domains.contributions.ts";
import { staffDashboard, type QueueCard } from "../admin/dashboard.server.ts";
import { formatIsoDate, tokyoDate } from "../platform/dates.ts";
import { pageTitle } from "../platform/meta.ts";

export const handle = { messages: [adminMessages, ...contributedMessages()] };
export const meta: MetaFunction = (args) => pageTitle(args, (t) => t("admin.dashboard.title"), ...handle.messages);

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "dashboard:read:any");
  return staffDashboard(actor);
}

type Card = Omit<QueueCard, "kind">;

function CountCards({ cards, showOldest }: { cards: Card[]; showOldest?: boolean }) {
  const t = useT(...handle.messages);
  return (
    <ul className="cards">
      {cards.map((q) => (
        <li key={q.id}>
          <h3 id={`queue-${q.id}`}>{lookupMessage(t, q.title) ?? q.title}</h3>
          <p className="queue-count">
            <Link to={q.href} aria-describedby={`queue-${q.id}`}>
              {lookupMessage(t, q.countLabel, { count: q.count }) ?? q.count}
            </Link>
          </p>
          {showOldest && q.oldestDays !== null ? <p className="queue-oldest">{t("admin.dashboard.oldest", { days: q.oldestDays })}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export default function AdminDashboard() {
  const t = useT(...handle.messages);
  const lang = useLang();
  const { queues, waiting, waitingTotal } = useLoaderData<typeof loader>();
  const waitingCards = queues.filter((q) => q.kind === "waiting");
  const upkeep = queues.filter((q) => q.kind === "upkeep");
  const figures = queues.filter((q) => q.kind === "figure");
  return (
    <>
      <h1>{t("admin.dashboard.title")}</h1>
      <p className="lead">{t("admin.dashboard.lead")}</p>
      {waitingCards.length ? (
        <section aria-labelledby="dashboard-waiting">
          <h2 id="dashboard-waiting">{t("admin.dashboard.waiting")}</h2>
          {waiting.length === 0 ? (
            <p>{t("admin.dashboard.waitingNone")}</p>
          ) : (
            <>
              <p>{t("admin.dashboard.waitingLead")}</p>
              <table className="stacked-table">
                <caption className="visually-hidden">{t("admin.dashboard.waiting")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("admin.dashboard.column.days")}</th>
                    <th scope="col">{t("admin.dashboard.column.name")}</th>
                    <th scope="col">{t("admin.dashboard.column.kind")}</th>
                    <th scope="col">{t("admin.dashboard.column.since")}</th>
                  </tr>
                </thead>
                <tbody>
                  {waiting.map((row) => (
                    <tr key={row.key}>
                      <td className="waiting-days" data-label={t("admin.dashboard.column.days")}>{t("admin.dashboard.days", { days: row.days })}</td>
                      <th scope="row">
                        <Link to={row.href}>{row.name || t("admin.dashboard.unnamed")}</Link>
                      </th>
                      <td data-label={t("admin.dashboard.column.kind")}>{lookupMessage(t, row.title) ?? row.title}</td>
                      <td data-label={t("admin.dashboard.column.since")}>{formatIsoDate(tokyoDate(new Date(row.since)), lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {waitingTotal > waiting.length ? <p>{t("admin.dashboard.waitingMore", { shown: waiting.length, total: waitingTotal })}</p> : null}
            </>
          )}
          <CountCards cards={waitingCards} showOldest />
        </section>
      ) : null}
      {upkeep.length ? (
        <section aria-labelledby="dashboard-upkeep">
          <h2 id="dashboard-upkeep">{t("admin.dashboard.upkeep")}</h2>
          <p>{t("admin.dashboard.upkeepLead")}</p>
          <CountCards cards={upkeep} />
        </section>
      ) : null}
      {figures.length ? (
        <section aria-labelledby="dashboard-figures">
          <h2 id="dashboard-figures">{t("admin.dashboard.figures")}</h2>
          <CountCards cards={figures} />
        </section>
      ) : null}
    </>
  );
}
