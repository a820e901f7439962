/** What accounts add to the shared screens (decision 0017); server parts in contributes.server.ts. */
import type { DomainContributions } from "../platform/contributions.ts";
import { adminMessages } from "../admin/public.ts";
import { accountMessages } from "./messages.ts";

const ACCOUNT_AUDIT_ACTIONS = {
  "account.deleted": "account.audit.account.deleted",
  "account.second_factor_failures": "account.audit.account.second_factor_failures",
  "account.second_factor_limited": "account.audit.account.second_factor_limited",
  "user.role_changed": "account.audit.user.role_changed",
  "user.deactivated": "account.audit.user.deactivated",
  "user.reactivated": "account.audit.user.reactivated",
} as const;

declare module "../platform/audit-actions.ts" {
  interface AuditActionRegistry {
    accounts: typeof ACCOUNT_AUDIT_ACTIONS;
  }
}

export const contributions = {
  messages: [accountMessages, adminMessages],
  auditActions: ACCOUNT_AUDIT_ACTIONS,
  auditTargets: [{ type: "user", label: "account.auditTarget.user", page: (id) => `/admin/users/${id}` }],
  adminNav: [{ to: "/admin/users", label: "admin.nav.users", permission: "user:manage:any", order: 40 }],
} satisfies DomainContributions;
