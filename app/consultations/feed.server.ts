/**
 * The Atom feed of public comment (/consultations/feed.xml), made with the `feed` library: an
 * entry when a consultation is announced, when its results are published, and when it is
 * withdrawn. Titles, summaries and dates only — nothing of any commenter.
 */
import { Feed } from "feed";
import { translator } from "../i18n/index.ts";
import { db } from "../platform/db.server.ts";
import { portalLink } from "../platform/mail.server.ts";
import { consultationPublicMessages } from "./messages/consultationPublic.ts";

const ENTRIES = 50;

export async function consultationFeed(): Promise<string> {
  const t = translator("ja", consultationPublicMessages);
  const rows = await db.consultation.findMany({
    where: { state: { not: "draft" } },
    select: { id: true, title: true, summary: true, scheduledAt: true, opensAt: true, resultsPublishedAt: true, withdrawnAt: true, withdrawalNotice: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
    take: ENTRIES,
  });
  const entries = rows.flatMap((c) => {
    const page = portalLink(`/consultations/${c.id}`);
    const announced = c.scheduledAt ?? c.opensAt;
    return [
      ...(announced ? [{ id: `${page}#announced`, title: t("consultationPublic.feed.opened", { title: c.title }), link: page, date: announced, description: c.summary }] : []),
      ...(c.resultsPublishedAt
        ? [{ id: `${page}/results`, title: t("consultationPublic.feed.results", { title: c.title }), link: portalLink(`/consultations/${c.id}/results`), date: c.resultsPublishedAt, description: c.summary }]
        : []),
      ...(c.withdrawnAt ? [{ id: `${page}#withdrawn`, title: t("consultationPublic.feed.withdrawn", { title: c.title }), link: page, date: c.withdrawnAt, description: c.withdrawalNotice }] : []),
    ];
  });
  entries.sort((a, b) => b.date.getTime() - a.date.getTime());
  const updated = entries[0]?.date ?? new Date(0);
  const feed = new Feed({
    id: portalLink("/consultations"),
    title: t("consultationPublic.feed.title"),
    link: portalLink("/consultations"),
    language: "ja",
    updated,
    feedLinks: { atom: portalLink("/consultations/feed.xml") },
    copyright: "",
  });
  for (const e of entries.slice(0, ENTRIES)) feed.addItem(e);
  return feed.atom1();
}
