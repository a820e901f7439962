/** The staff area's own sections (decision 0017): its dashboard, the audit log and the mail outbox. */
import type { DomainContributions } from "../platform/contributions.ts";

export const contributions = {
  adminNav: [
    { to: "/admin", label: "admin.nav.dashboard", permission: "admin:access", order: 0, end: true },
    { to: "/admin/audit", label: "admin.nav.audit", permission: "audit:read", order: 80 },
    { to: "/admin/outbox", label: "admin.nav.outbox", permission: "outbox:read", order: 90 },
  ],
} satisfies DomainContributions;
