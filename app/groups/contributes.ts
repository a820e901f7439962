/** What the group registry adds to the shared screens (decision 0017); server parts in contributes.server.ts. */
import type { DomainContributions } from "../platform/contributions.ts";
import { groupDirectoryMessages } from "./messages/groupDirectory.ts";
import { groupFormMessages } from "./messages/groupForm.ts";
import { groupReviewMessages } from "./messages/groupReview.ts";

const GROUP_AUDIT_ACTIONS = {
  "groups.imported": "groupReview.audit.groups.imported",
  // Staff decisions on the registry
  "group.approved": "groupReview.audit.group.approved",
  "group.rejected": "groupReview.audit.group.rejected",
  "group.changes_requested": "groupReview.audit.group.changes_requested",
  "group.change_approved": "groupReview.audit.group.change_approved",
  "group.renewal_approved": "groupReview.audit.group.renewal_approved",
  "group.renewal_rejected": "groupReview.audit.group.renewal_rejected",
  "group.cancelled": "groupReview.audit.group.cancelled",
  "group.corrected": "groupReview.audit.group.corrected",
  // The members' own steps
  "group.renewal_submitted": "groupReview.audit.group.renewal_submitted",
  "group.withdrawn": "groupReview.audit.group.withdrawn",
  "group.invitation_sent": "groupReview.audit.group.invitation_sent",
  "group.invitation_revoked": "groupReview.audit.group.invitation_revoked",
  "group.invitation_accepted": "groupReview.audit.group.invitation_accepted",
  "group.member_role_changed": "groupReview.audit.group.member_role_changed",
  "group.member_removed": "groupReview.audit.group.member_removed",
  "group.member_left": "groupReview.audit.group.member_left",
} as const;

declare module "../platform/audit-actions.ts" {
  interface AuditActionRegistry {
    groups: typeof GROUP_AUDIT_ACTIONS;
  }
}

export const contributions = {
  messages: [groupReviewMessages, groupFormMessages, groupDirectoryMessages],
  auditActions: GROUP_AUDIT_ACTIONS,
  auditTargets: [{ type: "group", label: "groupReview.auditTarget.group", page: (id) => (/^\d+$/.test(id) ? `/admin/groups/${id}` : null) }],
  adminNav: [{ to: "/admin/groups", label: "admin.nav.groups", permission: "group:review:any", order: 10 }],
  // Finding a group is what most people come for; consultations and events take 30 and 40.
  home: [
    {
      id: "groups.find",
      size: "main",
      order: 10,
      title: "groupDirectory.home.find.title",
      body: "groupDirectory.home.find.body",
      href: "/groups",
      search: { action: "/groups", name: "q", label: "groupDirectory.home.find.label", hint: "groupDirectory.home.find.hint", button: "groupDirectory.home.find.button" },
    },
    { id: "groups.register", size: "main", order: 20, title: "groupDirectory.home.register.title", body: "groupDirectory.home.register.body", href: "/groups/new" },
  ],
} satisfies DomainContributions;
