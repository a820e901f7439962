/** The staff area's own sections (decision 0017): its dashboard, the audit log and the mail outbox. */
import type { DomainContributions } from "../platform/contributions.ts";
import { adminMessages } from "./messages.ts";

const ADMIN_AUDIT_ACTIONS = {
  "outbox.mail_opened": "admin.audit.action.outbox.mail_opened",
} as const;

declare module "../platform/audit-actions.ts" {
  interface AuditActionRegistry {
    admin: typeof ADMIN_AUDIT_ACTIONS;
  }
}

export const contributions = {
  messages: [adminMessages],
  auditActions: ADMIN_AUDIT_ACTIONS,
  auditTargets: [{ type: "outboxMail", label: "admin.auditTarget.outboxMail", page: (id) => `/admin/outbox/${id}` }],
  adminNav: [
    { to: "/admin", label: "admin.nav.dashboard", permission: "dashboard:read:any", order: 0, end: true },
    { to: "/admin/audit", label: "admin.nav.audit", permission: "audit:read:any", order: 80 },
    { to: "/admin/outbox", label: "admin.nav.outbox", permission: "outbox:read:any", order: 90 },
  ],
} satisfies DomainContributions;
