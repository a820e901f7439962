import crypto from "node:crypto";
import type { Db } from "./db.server.ts";
import { db } from "./db.server.ts";
import { now } from "./clock.server.ts";
import type { AuditAction } from "./audit-actions.ts";

export type AuditInput = {
  actor: { id: string; role: string } | null;
  action: AuditAction;
  targetType: string;
  targetId: string | number;
  reason?: string;
  /** Facts of the change. Never names, addresses or other personal data. */
  details?: Record<string, unknown>;
};

type Tx = Pick<Db, "auditEntry">;

/** Writes one audit entry; pass the transaction client so the entry commits with the change. */
export async function recordAudit(input: AuditInput, client: Tx = db) {
  await client.auditEntry.create({
    data: {
      id: crypto.randomUUID(),
      at: now(),
      actorId: input.actor?.id ?? null,
      actorRole: input.actor?.role ?? "system",
      action: input.action,
      targetType: input.targetType,
      targetId: String(input.targetId),
      reason: input.reason ?? "",
      details: JSON.stringify(input.details ?? {}),
    },
  });
}

export type AuditFilter = {
  actorId?: string;
  action?: string;
  targetType?: string;
  from?: Date;
  to?: Date;
  page?: number;
};

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(filter: AuditFilter) {
  const where = {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
  const page = Math.max(1, filter.page ?? 1);
  const [total, entries, actions] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: { at: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { id: true, displayName: true } } },
    }),
    db.auditEntry.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { total, page, pageSize: AUDIT_PAGE_SIZE, entries, actions: actions.map((a) => a.action) };
}
