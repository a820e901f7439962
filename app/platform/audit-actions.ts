/**
 * The audit log's vocabulary. Each domain lists the actions it records, with their labels, in
 * its contributes.ts, and adds that list to AuditActionRegistry (declaration merging):
 *
 *   declare module "../platform/audit-actions.ts" {
 *     interface AuditActionRegistry { groups: typeof GROUP_AUDIT_ACTIONS }
 *   }
 *
 * so recordAudit accepts exactly the actions some domain declared, with no list here.
 */
import type { AnyPlainKey } from "../i18n/index.ts";
import { auditActionLabels, auditTargets } from "./domains.contributions.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the domains fill it in (see above)
export interface AuditActionRegistry {}

export type AuditAction = { [Domain in keyof AuditActionRegistry]: keyof AuditActionRegistry[Domain] & string }[keyof AuditActionRegistry];

/** The message labelling an action, or undefined for one no domain declares (an old entry's). */
export function auditActionLabel(action: string): AnyPlainKey | undefined {
  return auditActionLabels().get(action);
}

/** The kinds of target an entry names, for the audit log's filter, with their labels and pages. */
export { auditTargets };
