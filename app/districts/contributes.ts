/**
 * What districts and their 住民センター add to the shared screens (decision 0017); server parts
 * in contributes.server.ts. Their strings are still in the admin area's catalogue.
 */
import type { DomainContributions } from "../platform/contributions.ts";
import { adminMessages } from "../admin/public.ts";
import { districtsMessages } from "./messages.ts";

const DISTRICT_AUDIT_ACTIONS = {
  "district.updated": "admin.audit.action.district.updated",
  "district.representative_added": "admin.audit.action.district.representative_added",
  "district.representative_removed": "admin.audit.action.district.representative_removed",
  "center.created": "admin.audit.action.center.created",
  "center.updated": "admin.audit.action.center.updated",
  "center.imported": "admin.audit.action.center.imported",
} as const;

declare module "../platform/audit-actions.ts" {
  interface AuditActionRegistry {
    districts: typeof DISTRICT_AUDIT_ACTIONS;
  }
}

export const contributions = {
  messages: [adminMessages, districtsMessages],
  auditActions: DISTRICT_AUDIT_ACTIONS,
  auditTargets: [
    { type: "district", label: "admin.audit.target.district", page: (id) => `/admin/districts/${id}` },
    { type: "center", label: "admin.audit.target.center", page: (id) => (/^\d+$/.test(id) ? `/admin/centers/${id}` : null) },
  ],
  adminNav: [
    { to: "/admin/districts", label: "admin.nav.districts", permission: "district:manage:any", order: 20 },
    { to: "/admin/centers", label: "admin.nav.centers", permission: "district:manage:any", order: 30 },
  ],
  home: [{ id: "districts", size: "more", order: 60, title: "districts.home.title", body: "districts.home.body", href: "/districts" }],
} satisfies DomainContributions;
