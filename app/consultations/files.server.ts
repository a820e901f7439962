/**
 * A consultation's PDF documents: the draft (案) and related material. Staff add and remove them
 * while the draft may still change (before the period opens: people comment on what they read);
 * each step is audit-logged. Anyone may open the documents of an announced consultation, as its
 * page lists them; a draft's documents only staff. The file itself lives in platform/uploads,
 * checked there as a PDF without active content (decision 0030).
 */
import type { Actor } from "../auth/permissions.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { now } from "../platform/clock.server.ts";
import { db } from "../platform/db.server.ts";
import { deleteUpload, saveUpload, uploadResponse } from "../platform/uploads/index.server.ts";
import type { FILE_KINDS } from "./admin-forms.ts";
import { draftEditable, mayManage, type StepResult } from "./admin.server.ts";
import { statusAt } from "./rules.ts";

const FILE_ORDER = [{ kind: "asc" as const }, { position: "asc" as const }, { id: "asc" as const }];

/** The files page: the consultation, whether its documents may change now, and the documents. */
export async function consultationFiles(actor: Actor, id: number) {
  if (!mayManage(actor)) return null;
  const c = await db.consultation.findUnique({
    where: { id },
    select: { id: true, title: true, state: true, opensAt: true, closesAt: true, files: { orderBy: FILE_ORDER, select: { id: true, kind: true, title: true, bytes: true, createdAt: true } } },
  });
  if (!c) return null;
  const status = statusAt(c, now());
  return { consultation: { id: c.id, title: c.title }, status, editable: draftEditable(status), files: c.files };
}

/** Adds a checked PDF; refused (and the stored file deleted again) once the period has opened. */
export async function addConsultationFile(
  actor: Actor,
  id: number,
  input: { kind: (typeof FILE_KINDS)[number]; title: string },
  file: { bytes: Uint8Array; format: "pdf" },
): Promise<StepResult> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  const upload = await saveUpload(file);
  const outcome = await db.$transaction(async (tx): Promise<StepResult> => {
    const c = await tx.consultation.findUnique({ where: { id }, select: { state: true, opensAt: true, closesAt: true } });
    if (!c) return { ok: false, reason: "notFound" };
    if (!draftEditable(statusAt(c, now()))) return { ok: false, reason: "refused", message: "consultationAdmin.files.locked", field: "file" };
    const last = await tx.consultationFile.aggregate({ where: { consultationId: id, kind: input.kind }, _max: { position: true } });
    const created = await tx.consultationFile.create({
      data: { consultationId: id, kind: input.kind, title: input.title, upload, bytes: file.bytes.length, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await recordAudit({ actor, action: "consultation.file_added", targetType: "consultation", targetId: id, details: { fileId: created.id, kind: input.kind, title: input.title, bytes: file.bytes.length } }, tx);
    return { ok: true };
  });
  if (!outcome.ok) await deleteUpload(upload);
  return outcome;
}

/** Removes a document and its stored file; refused once the period has opened. */
export async function removeConsultationFile(actor: Actor, id: number, fileId: number): Promise<StepResult> {
  if (!mayManage(actor)) return { ok: false, reason: "forbidden" };
  let upload = "";
  const outcome = await db.$transaction(async (tx): Promise<StepResult> => {
    const c = await tx.consultation.findUnique({ where: { id }, select: { state: true, opensAt: true, closesAt: true } });
    const file = await tx.consultationFile.findFirst({ where: { id: fileId, consultationId: id }, select: { upload: true, kind: true, title: true } });
    if (!c || !file) return { ok: false, reason: "notFound" };
    if (!draftEditable(statusAt(c, now()))) return { ok: false, reason: "refused", message: "consultationAdmin.files.locked" };
    await tx.consultationFile.delete({ where: { id: fileId } });
    await recordAudit({ actor, action: "consultation.file_removed", targetType: "consultation", targetId: id, details: { fileId, kind: file.kind, title: file.title } }, tx);
    upload = file.upload;
    return { ok: true };
  });
  // After the commit: a failed transaction keeps the row, so it must keep the file too.
  if (upload) await deleteUpload(upload);
  return outcome;
}

/**
 * The response for /consultations/:id/files/:fileId: the documents of an announced consultation
 * to anyone (cacheable for a few minutes: they no longer change once it has opened), a draft's to
 * staff only (not cached); null (404) otherwise. Saved under the title staff gave it.
 */
export async function consultationFileResponse(id: number, fileId: number, actor: Actor | null): Promise<Response | null> {
  const file = await db.consultationFile.findFirst({ where: { id: fileId, consultationId: id }, select: { upload: true, title: true, consultation: { select: { state: true } } } });
  if (!file) return null;
  const announced = file.consultation.state !== "draft";
  if (!announced && !mayManage(actor)) return null;
  return uploadResponse(file.upload, {
    downloadName: `${file.title}.pdf`,
    disposition: "inline",
    cacheControl: announced ? "public, max-age=300" : "private, no-store",
  });
}
