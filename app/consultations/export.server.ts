/**
 * All comments of a consultation as CSV for the staff's internal work, with the senders'
 * personal data: staff only, and the export itself is recorded in the audit log (who, when, how
 * many rows — never the data). UTF-8 with BOM, CRLF, cells escaped against formulas (csv.ts).
 */
import type { Actor } from "../auth/permissions.ts";
import { translator } from "../i18n/index.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { now } from "../platform/clock.server.ts";
import { formatInstant, tokyoDate } from "../platform/dates.ts";
import { toCsv } from "../platform/csv.ts";
import { db } from "../platform/db.server.ts";
import { mayManage } from "./admin.server.ts";
import { consultationAdminMessages } from "./messages/consultationAdmin.ts";

const COLUMNS = ["receipt", "receivedAt", "channel", "section", "category", "name", "address", "email", "body", "duplicateOf", "identicalTo", "withheld", "opinion"] as const;

/** The CSV and its file name, or null (no permission, no such consultation). */
export async function exportComments(actor: Actor, consultationId: number, lang: "ja" | "en" = "ja"): Promise<{ csv: string; fileName: string } | null> {
  if (!mayManage(actor)) return null;
  const t = translator(lang, consultationAdminMessages);
  return db.$transaction(async (tx) => {
    const c = await tx.consultation.findUnique({ where: { id: consultationId }, select: { id: true } });
    if (!c) return null;
    const comments = await tx.consultationComment.findMany({
      where: { consultationId },
      orderBy: { id: "asc" },
      include: { withholdings: { orderBy: { id: "asc" }, select: { passage: true } }, opinion: { select: { summary: true } } },
    });
    const receiptOf = new Map(comments.map((x) => [x.id, x.receiptNumber]));
    const rows = comments.map((x) => [
      x.receiptNumber,
      formatInstant(x.receivedAt, lang),
      t(`consultations.channel.${x.channel as "online"}`),
      x.sectionNumber === null ? t("consultations.section.whole") : String(x.sectionNumber),
      t(`consultations.category.${x.category as "resident"}`),
      x.name,
      x.address,
      x.email,
      x.body,
      x.duplicateOfId === null ? "" : (receiptOf.get(x.duplicateOfId) ?? ""),
      x.identicalToId === null ? "" : (receiptOf.get(x.identicalToId) ?? ""),
      x.withholdings.map((w) => w.passage).join("\n"),
      x.opinion?.summary ?? "",
    ]);
    await recordAudit({ actor, action: "consultation.comments_exported", targetType: "consultation", targetId: consultationId, details: { rows: rows.length } }, tx);
    return {
      csv: toCsv([COLUMNS.map((k) => t(`consultationAdmin.csv.${k}`)), ...rows]),
      fileName: `consultation-${consultationId}-comments-${tokyoDate(now()).replace(/-/g, "")}.csv`,
    };
  });
}
