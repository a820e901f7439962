/**
 * Public comment's server-side contributions (decision 0017): its cards on the staff dashboard
 * (decision 0028) — consultations about to open and open now (counts to keep an eye on), and
 * those closed without published results, each waiting since its last day, so the dashboard
 * shows the days since closing (rules.ts daysSinceClosing); the consultations open now in its
 * home block; its part of the account export and deletion; its daily job (personal data past its
 * keeping).
 */
import { translator } from "../i18n/index.ts";
import type { HomeEntries, ServerContributions } from "../platform/contributions.ts";
import { formatIsoDate } from "../platform/dates.ts";
import { commentActivity, detachCommentsFromAccount, exportConsultationData } from "./account.server.ts";
import { awaitingResults, countOpen, countUpcoming } from "./admin.server.ts";
import { CONSULTATION_JOBS } from "./jobs.server.ts";
import { consultationPublicMessages } from "./messages/consultationPublic.ts";
import { openConsultations } from "./public.server.ts";

/** The home block's entries: each open consultation with its days left and last day. */
const openNow: HomeEntries = {
  section: "consultations",
  entries: async ({ lang, at, limit }) => {
    const t = translator(lang, consultationPublicMessages);
    return (await openConsultations(at, limit)).map((c) => ({
      key: String(c.id),
      title: c.title,
      href: `/consultations/${c.id}`,
      note: t("consultationPublic.form.daysLeft", { count: c.daysLeft, date: formatIsoDate(c.lastDay, lang) }),
    }));
  },
};

export const contributions = {
  dashboard: [
    { id: "consultations-awaiting", kind: "waiting", permission: "consultation:manage:any", title: "consultationAdmin.dashboard.awaiting", href: "/admin/consultations", order: 50, waiting: awaitingResults },
    { id: "consultations-upcoming", kind: "upkeep", permission: "consultation:manage:any", title: "consultationAdmin.dashboard.upcoming", href: "/admin/consultations", order: 51, count: countUpcoming },
    { id: "consultations-open", kind: "upkeep", permission: "consultation:manage:any", title: "consultationAdmin.dashboard.open", href: "/admin/consultations", order: 52, count: countOpen },
  ],
  home: [openNow],
  account: {
    export: exportConsultationData,
    onDelete: detachCommentsFromAccount,
    activity: { id: "consultation-comments", order: 30, title: "consultations.account.title", empty: "consultations.account.empty", referenceLabel: "consultations.account.receipt", list: commentActivity },
  },
  jobs: CONSULTATION_JOBS,
} satisfies ServerContributions;
