import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/guards.server.ts";
import { can } from "../auth/permissions.ts";
import { ADMIN_SECTIONS } from "../admin/ui.tsx";
import { lookupMessage, useT } from "../i18n/index.ts";
import { contributedMessages } from "../platform/domains.contributions.ts";
import { adminMessages } from "../admin/messages.ts";
import adminStyles from "../styles/admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

/** The staff area's frame: its sub-navigation lists only the sections this person may use. */
export const handle = { messages: [adminMessages, ...contributedMessages()] };
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "dashboard:read:any");
  return { sections: ADMIN_SECTIONS.filter((s) => can(actor, s.permission)).map(({ to, label, end }) => ({ to, label, end: end ?? false })) };
}

export default function AdminLayout() {
  const t = useT(...handle.messages);
  const { sections } = useLoaderData<typeof loader>();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t("admin.nav.label")}>
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end}>
                {lookupMessage(t, s.label) ?? s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
