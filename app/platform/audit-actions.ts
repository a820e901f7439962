/**
 * Every action the audit log records. Each has a label admin.audit.action.<action> in both
 * catalogues (tests/unit/audit-actions.test.ts), shown by the audit log and a group's history.
 */
export const AUDIT_ACTIONS = [
  "account.deleted",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "district.updated",
  "district.representative_added",
  "district.representative_removed",
  "center.created",
  "center.updated",
  "center.imported",
  "groups.imported",
  // Staff decisions on the group registry
  "group.approved",
  "group.rejected",
  "group.changes_requested",
  "group.change_approved",
  "group.renewal_approved",
  "group.renewal_rejected",
  "group.cancelled",
  "group.corrected",
  // The representatives' own steps
  "group.renewal_submitted",
  "group.withdrawn",
  "group.invitation_sent",
  "group.invitation_revoked",
  "group.invitation_accepted",
  "group.member_role_changed",
  "group.member_removed",
  "group.member_left",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of target an entry names, for the audit log's filter. */
export const AUDIT_TARGET_TYPES = ["user", "district", "center", "group"] as const;
