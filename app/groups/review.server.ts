/**
 * Staff review of the group registry: the queue (new registrations, changes, renewals), a group's
 * full history, and the decisions. Each decision changes the records, writes a GroupMessage,
 * mails the representatives and writes an audit entry in one transaction. A decision is claimed
 * with a conditional update (only while the version or registration still waits), so a double
 * click or two members of staff deciding at once change nothing the second time: a conflict.
 *
 * Every function takes the acting person and scopes by group:review:any (corrections by
 * group:edit:any): for anyone else the queue is empty and every group unknown.
 */
import { randomUUID } from "node:crypto";
import type { Actor, Permission } from "../auth/permissions.ts";
import { groupScope } from "./access.server.ts";
import { GROUP_FIELDS } from "./fields.ts";
import type { GroupProfileInput } from "./forms.ts";
import {
  PROFILE_FIELDS,
  profileFieldLabel,
  VALUE_AUDITED_FIELDS,
  type ProfileField,
  type ReviewKind,
} from "./review-forms.ts";
import { translator, type Lang } from "../i18n/index.ts";
import { groupReviewMessages } from "./messages/groupReview.ts";
import { now } from "../platform/clock.server.ts";
import { db, type Db, type Prisma } from "../platform/db.server.ts";
import { fiscalYearAt, fiscalYearLabel, formatIsoDate, lastValidDay, tokyoDate } from "../platform/dates.ts";
import { toSearchText } from "../platform/search.ts";
import { textChanges, type TextChange } from "../platform/text-diff.ts";
import type { AuditAction } from "../platform/audit-actions.ts";
import type { WaitingItem } from "../platform/contributions.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { mailRepresentatives, type GroupMailKind } from "./mail.server.ts";
import { renewalOpensAt, renewalValidFrom } from "./renewal.server.ts";
import {
  fiscalYearValidity,
  parseIdList,
  publishVersion,
  registrationsToEndWhere,
  registrationValidAt,
  UnknownDistrictsError,
  versionColumns,
  versionFormValues,
  type VersionRow,
} from "./group.server.ts";

type Tx = Prisma.TransactionClient | Db;

// ---------------------------------------------------------------------------------------
// The queue

const QUEUE_LIMIT = 500;

const REVIEW: Permission = "group:review:any";

/** Submitted versions of a kind, of the groups in `scope`. */
function waitingVersionsWhere(kind: "new" | "change", scope: Prisma.GroupWhereInput = {}): Prisma.GroupVersionWhereInput {
  return { status: "submitted", group: { state: kind === "new" ? "draft" : "active", ...scope } };
}

function waitingRenewalsWhere(scope: Prisma.GroupWhereInput = {}): Prisma.GroupRegistrationWhereInput {
  return { status: "pending", kind: "renewal", group: { state: "active", ...scope } };
}

/** How many applications of a kind wait (the dashboard's cards: counts, no group named). */
export function countWaiting(kind: ReviewKind): Promise<number> {
  return kind === "renewal" ? db.groupRegistration.count({ where: waitingRenewalsWhere() }) : db.groupVersion.count({ where: waitingVersionsWhere(kind) });
}

export type QueueItem = {
  key: string;
  kind: ReviewKind;
  groupId: number;
  name: string;
  groupKind: string;
  submittedAt: Date;
  /**
   * The fiscal year the application is for: a renewal's year; for a new registration or a change,
   * the year in which it was submitted (decision 0028).
   */
  fiscalYear: number;
};

/** Applications waiting for a decision, oldest first, optionally of one kind. */
export async function reviewQueue(actor: Actor, kind?: ReviewKind): Promise<QueueItem[]> {
  const scope = groupScope(actor, REVIEW);
  const wants = (k: ReviewKind) => !kind || kind === k;
  const versionSelect = { id: true, groupId: true, name: true, kind: true, submittedAt: true, createdAt: true } as const;
  const [fresh, changes, renewals] = await Promise.all([
    wants("new")
      ? db.groupVersion.findMany({ where: waitingVersionsWhere("new", scope), select: versionSelect, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], take: QUEUE_LIMIT })
      : [],
    wants("change")
      ? db.groupVersion.findMany({
          where: waitingVersionsWhere("change", scope),
          select: { ...versionSelect, group: { select: { name: true } } },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take: QUEUE_LIMIT,
        })
      : [],
    wants("renewal")
      ? db.groupRegistration.findMany({
          where: waitingRenewalsWhere(scope),
          select: { id: true, groupId: true, fiscalYear: true, submittedAt: true, group: { select: { name: true, kind: true } } },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take: QUEUE_LIMIT,
        })
      : [],
  ]);
  const items: QueueItem[] = [
    ...fresh.map((v) => ({ key: `v${v.id}`, kind: "new" as const, groupId: v.groupId, name: v.name, groupKind: v.kind, submittedAt: v.submittedAt ?? v.createdAt, fiscalYear: fiscalYearAt(v.submittedAt ?? v.createdAt) })),
    ...changes.map((v) => ({
      key: `v${v.id}`,
      kind: "change" as const,
      groupId: v.groupId,
      // The name the public knows; a change of name shows in the diff.
      name: v.group.name || v.name,
      groupKind: v.kind,
      submittedAt: v.submittedAt ?? v.createdAt,
      fiscalYear: fiscalYearAt(v.submittedAt ?? v.createdAt),
    })),
    ...renewals.map((r) => ({ key: `r${r.id}`, kind: "renewal" as const, groupId: r.groupId, name: r.group.name, groupKind: r.group.kind, submittedAt: r.submittedAt, fiscalYear: r.fiscalYear })),
  ];
  return items.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.key.localeCompare(b.key));
}

/** Whether an application still waits for a decision: the confirmation step is offered only then. */
export async function applicationWaits(actor: Actor, groupId: number, target: { versionId: number } | { registrationId: number }): Promise<boolean> {
  const group = { id: groupId, ...groupScope(actor, REVIEW) };
  const count =
    "versionId" in target
      ? await db.groupVersion.count({ where: { id: target.versionId, status: "submitted", group } })
      : await db.groupRegistration.count({ where: { id: target.registrationId, status: "pending", kind: "renewal", group } });
  return count > 0;
}

/** The oldest application still waiting, of another group than the one just decided, or null. */
export async function nextInQueue(actor: Actor, afterGroupId: number): Promise<QueueItem | null> {
  return (await reviewQueue(actor)).find((item) => item.groupId !== afterGroupId) ?? null;
}

/** The applications of a kind as the dashboard lists what people wait for. */
export async function waitingApplications(actor: Actor, kind: ReviewKind): Promise<WaitingItem[]> {
  return (await reviewQueue(actor, kind)).map((item) => ({ key: item.key, name: item.name, href: `/admin/groups/${item.groupId}`, since: item.submittedAt }));
}

/** Any group by name or reading (every state), for staff to reach a group outside the queue. */
export async function findGroupsForStaff(actor: Actor, query: string) {
  const needle = toSearchText(query).replace(/\s+/g, "");
  if (!needle) return [];
  const groups = await db.group.findMany({
    where: { ...groupScope(actor, REVIEW), OR: [{ identityKey: { contains: needle } }, { searchText: { contains: needle } }, { versions: { some: { name: { contains: query.trim() } } } }] },
    select: { id: true, name: true, nameKana: true, kind: true, state: true, versions: { select: { name: true }, orderBy: { id: "desc" }, take: 1 } },
    orderBy: [{ nameKana: "asc" }, { id: "asc" }],
    take: 50,
  });
  return groups.map((g) => ({ id: g.id, name: g.name || g.versions[0]?.name || "", kind: g.kind, state: g.state }));
}

// ---------------------------------------------------------------------------------------
// Diff of two versions

export type FieldValue = string | number | boolean | number[] | null;
export type DiffRow = {
  field: ProfileField;
  before: FieldValue | undefined;
  after: FieldValue;
  /** For a text changed from one wording to another: what was removed and added within it. */
  changes?: TextChange[];
};

/** Items people write as text (names, purposes, addresses…); codes, dates and files are shown whole. */
const MARKED_KINDS = new Set(["text", "kana", "longText", "email", "url", "phone"]);

function withChanges(row: DiffRow): DiffRow {
  const { field, before, after } = row;
  const marked = field !== "logoFile" && MARKED_KINDS.has(GROUP_FIELDS[field].kind);
  if (!marked || typeof before !== "string" || typeof after !== "string" || !before || !after) return row;
  return { ...row, changes: textChanges(before, after) };
}

export function profileValues(v: VersionRow): Record<ProfileField, FieldValue> {
  const values = {} as Record<ProfileField, FieldValue>;
  for (const field of PROFILE_FIELDS) {
    if (field === "districtIds" || field === "activityFields") values[field] = [...parseIdList(v[field])].sort((a, b) => a - b);
    else values[field] = v[field];
  }
  return values;
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The items that differ between the published version and another (every item when none is published). */
export function versionDiff(before: VersionRow | null, after: VersionRow): DiffRow[] {
  const next = profileValues(after);
  if (!before) return PROFILE_FIELDS.map((field) => ({ field, before: undefined, after: next[field] }));
  const previous = profileValues(before);
  return PROFILE_FIELDS.filter((field) => !same(previous[field], next[field])).map((field) => withChanges({ field, before: previous[field], after: next[field] }));
}

// ---------------------------------------------------------------------------------------
// A group's full history

/** Everything staff see about a group: the pending applications with a diff, and the history. */
export async function groupReviewDetail(actor: Actor, groupId: number, at: Date = now()) {
  const group = await db.group.findFirst({
    where: { id: groupId, ...groupScope(actor, REVIEW) },
    select: { id: true, state: true, imported: true, name: true, kind: true, createdAt: true, publishedVersionId: true, publishedVersion: true },
  });
  if (!group) return null;
  const [versions, registrations, messages, audit, members] = await Promise.all([
    db.groupVersion.findMany({ where: { groupId }, orderBy: { id: "desc" } }),
    db.groupRegistration.findMany({ where: { groupId }, orderBy: [{ fiscalYear: "desc" }, { id: "desc" }] }),
    db.groupMessage.findMany({ where: { groupId }, orderBy: { createdAt: "desc" } }),
    db.auditEntry.findMany({
      where: { targetType: "group", targetId: String(groupId) },
      orderBy: { at: "desc" },
      take: 200,
      include: { actor: { select: { displayName: true } } },
    }),
    db.groupMembership.findMany({
      where: { groupId },
      select: { role: true, createdAt: true, user: { select: { id: true, displayName: true, email: true, active: true } } },
      orderBy: [{ role: "desc" }, { createdAt: "asc" }],
    }),
  ]);

  const submitted = versions.find((v) => v.status === "submitted") ?? null;
  const pendingVersion = submitted
    ? {
        id: submitted.id,
        kind: (group.state === "draft" ? "new" : "change") as "new" | "change",
        submittedAt: submitted.submittedAt ?? submitted.createdAt,
        name: submitted.name,
        diff: versionDiff(group.state === "draft" ? null : group.publishedVersion, submitted),
      }
    : null;
  const renewal = registrations.find((r) => r.status === "pending" && r.kind === "renewal") ?? null;
  const previous = renewal ? (registrations.find((r) => r.fiscalYear === renewal.fiscalYear - 1) ?? null) : null;
  const pendingRenewal = renewal
    ? { id: renewal.id, fiscalYear: renewal.fiscalYear, submittedAt: renewal.submittedAt, kept: Boolean(previous?.renewalSubmittedAt) }
    : null;

  const validNow = registrations.find((r) => registrationValidAt(r, at)) ?? null;

  // Names for the ids the page shows: districts in the profiles, staff who decided.
  const districtIds = new Set<number>();
  for (const v of [group.publishedVersion, submitted]) {
    if (!v) continue;
    if (v.mainDistrictId) districtIds.add(v.mainDistrictId);
    for (const id of parseIdList(v.districtIds)) districtIds.add(id);
  }
  const deciderIds = [...new Set([...versions, ...registrations].map((r) => r.decidedById).filter((id): id is string => Boolean(id)))];
  const [districts, deciders] = await Promise.all([
    districtIds.size ? db.district.findMany({ where: { id: { in: [...districtIds] } }, select: { id: true, code: true, name: true } }) : [],
    deciderIds.length ? db.user.findMany({ where: { id: { in: deciderIds } }, select: { id: true, displayName: true } }) : [],
  ]);
  const deciderName = new Map(deciders.map((u) => [u.id, u.displayName]));

  return {
    group: {
      id: group.id,
      state: group.state,
      imported: group.imported,
      name: group.name || submitted?.name || versions[0]?.name || "",
      kind: group.kind,
      createdAt: group.createdAt,
      publishedVersionId: group.publishedVersionId,
    },
    validNow: validNow
      ? { fiscalYear: validNow.fiscalYear, lastDay: lastValidDay(validNow.validUntil), kept: at.getTime() >= validNow.validUntil.getTime() }
      : null,
    pendingVersion,
    pendingRenewal,
    districtNames: Object.fromEntries(districts.map((d) => [d.id, `${d.code} ${d.name}`])) as Record<number, string>,
    // Numbered within the group, the first version 第1版 (newest first, as listed).
    versions: versions.map((v, i) => ({
      id: v.id,
      number: versions.length - i,
      status: v.status,
      name: v.name,
      submittedAt: v.submittedAt,
      decidedAt: v.decidedAt,
      decidedBy: v.decidedById ? (deciderName.get(v.decidedById) ?? null) : null,
    })),
    registrations: registrations.map((r) => ({
      id: r.id,
      fiscalYear: r.fiscalYear,
      kind: r.kind,
      status: r.status,
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedById ? (deciderName.get(r.decidedById) ?? null) : null,
      firstDay: r.validFrom ? tokyoDate(r.validFrom) : null,
      lastDay: lastValidDay(r.validUntil),
      endedAt: r.endedAt,
      endReason: r.endReason,
      renewalSubmittedAt: r.renewalSubmittedAt,
      renewalDecidedAt: r.renewalDecidedAt,
      validNow: registrationValidAt(r, at),
    })),
    messages: messages.map((m) => ({ id: m.id, kind: m.kind, body: m.body, createdAt: m.createdAt })),
    audit: audit.map((a) => ({ id: a.id, at: a.at, action: a.action, actorRole: a.actorRole, actorName: a.actor?.displayName ?? null, reason: a.reason })),
    members: members.map((m) => ({ userId: m.user.id, role: m.role, displayName: m.user.displayName, email: m.user.email, active: m.user.active })),
  };
}

export type GroupReviewDetail = NonNullable<Awaited<ReturnType<typeof groupReviewDetail>>>;

// ---------------------------------------------------------------------------------------
// Decisions

/**
 * `unknownDistrict`: the version to publish names a district there is none of (stored before the
 * ids were checked); nothing changed.
 */
export type Outcome = { ok: true } | { ok: false; error: "conflict" | "notFound" | "noChange" | "unknownDistrict" };

class Refused extends Error {
  constructor(readonly error: "conflict" | "notFound" | "noChange" | "unknownDistrict") {
    super(error);
  }
}

/**
 * Runs a decision on a group in one transaction; a refusal thrown inside rolls everything back.
 * A group the person's permission does not reach is not found.
 */
async function decide(
  actor: Actor,
  permission: Permission,
  groupId: number,
  work: (tx: Prisma.TransactionClient, at: Date) => Promise<void>,
): Promise<Outcome> {
  const at = now();
  try {
    await db.$transaction(async (tx) => {
      if (!(await tx.group.findFirst({ where: { id: groupId, ...groupScope(actor, permission) }, select: { id: true } }))) throw new Refused("notFound");
      await work(tx, at);
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    if (error instanceof UnknownDistrictsError) return { ok: false, error: "unknownDistrict" };
    throw error;
  }
}

async function writeMessage(
  tx: Tx,
  input: { groupId: number; kind: string; body: string; authorId: string; versionId?: number; registrationId?: number; at: Date },
) {
  await tx.groupMessage.create({
    data: {
      id: randomUUID(),
      groupId: input.groupId,
      versionId: input.versionId ?? null,
      registrationId: input.registrationId ?? null,
      authorId: input.authorId,
      kind: input.kind,
      body: input.body,
      createdAt: input.at,
    },
  });
}

const yearsLabel = (years: number[], lang: Lang) => years.map((fy) => fiscalYearLabel(fy, lang)).join(translator(lang, groupReviewMessages)("groupReview.listSeparator"));
const untilLabel = (validUntil: Date, lang: Lang) => formatIsoDate(lastValidDay(validUntil), lang);

/**
 * The first approval: the pending initial registration becomes the current fiscal year's, valid
 * from now; on or after February 1 a second approved record covers the next fiscal year too.
 */
async function approveInitialRegistration(tx: Tx, actor: Actor, groupId: number, submittedAt: Date, at: Date) {
  const fy = fiscalYearAt(at);
  const { validUntil } = fiscalYearValidity(fy);
  const decided = { status: "approved", decidedAt: at, decidedById: actor.id };
  const pending = await tx.groupRegistration.findFirst({ where: { groupId, status: "pending", kind: "initial" }, orderBy: { id: "desc" } });
  if (pending) {
    await tx.groupRegistration.update({ where: { id: pending.id }, data: { ...decided, fiscalYear: fy, validFrom: at, validUntil } });
  } else {
    await tx.groupRegistration.create({ data: { groupId, kind: "initial", submittedAt, fiscalYear: fy, validFrom: at, validUntil, ...decided } });
  }
  const years = [fy];
  let lastUntil = validUntil;
  if (at.getTime() >= renewalOpensAt(fy).getTime()) {
    const next = fiscalYearValidity(fy + 1);
    await tx.groupRegistration.create({
      data: { groupId, kind: "initial", submittedAt, fiscalYear: fy + 1, validFrom: next.startsAt, validUntil: next.validUntil, ...decided },
    });
    years.push(fy + 1);
    lastUntil = next.validUntil;
  }
  return { years, validUntil: lastUntil };
}

export type VersionDecision = "approve" | "reject" | "request";

/**
 * Approve, reject or request changes to a submitted version: a new registration (the group is
 * still a draft) or a change to a registered group's profile. Approval publishes the version;
 * rejecting a change keeps the published one.
 */
export function decideVersion(actor: Actor, groupId: number, versionId: number, decision: VersionDecision, text: string): Promise<Outcome> {
  return decide(actor, REVIEW, groupId, async (tx, at) => {
    const version = await tx.groupVersion.findUnique({ where: { id: versionId }, include: { group: { select: { state: true, name: true } } } });
    if (!version || version.groupId !== groupId) throw new Refused("notFound");
    const isNew = version.group.state === "draft";
    if (!isNew && version.group.state !== "active") throw new Refused("conflict");
    const status = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "changes_requested";
    const claimed = await tx.groupVersion.updateMany({ where: { id: versionId, status: "submitted" }, data: { status, decidedAt: at, decidedById: actor.id } });
    if (claimed.count !== 1) throw new Refused("conflict");

    const name = version.group.name || version.name;
    let mail: GroupMailKind;
    let action: AuditAction;
    const details: Record<string, unknown> = { versionId, application: isNew ? "new" : "change" };
    let params = (_lang: Lang): Record<string, string> => ({ name });
    if (decision === "approve") {
      await publishVersion(tx, groupId, versionId);
      if (isNew) {
        const { years, validUntil } = await approveInitialRegistration(tx, actor, groupId, version.submittedAt ?? at, at);
        await tx.group.update({ where: { id: groupId }, data: { state: "active" } });
        details.fiscalYears = years;
        params = (lang) => ({ name: version.name, years: yearsLabel(years, lang), until: untilLabel(validUntil, lang) });
        mail = "approved";
        action = "group.approved";
      } else {
        mail = "changeApproved";
        action = "group.change_approved";
      }
    } else if (decision === "reject") {
      if (isNew) {
        await tx.groupRegistration.updateMany({
          where: { groupId, status: "pending", kind: "initial" },
          data: { status: "rejected", decidedAt: at, decidedById: actor.id },
        });
      }
      mail = isNew ? "rejected" : "changeRejected";
      action = "group.rejected";
    } else {
      mail = "changesRequested";
      action = "group.changes_requested";
    }
    const messageKind = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "changes_requested";
    await writeMessage(tx, { groupId, kind: messageKind, body: text, authorId: actor.id, versionId, at });
    await recordAudit({ actor, action, targetType: "group", targetId: groupId, reason: text, details }, tx);
    await mailRepresentatives(tx, groupId, mail, params, text);
  });
}

export type RenewalDecision = "approve" | "reject";

/**
 * Approve or reject a pending renewal. The previous fiscal year's registration gets
 * renewalDecidedAt (ending the validity a pending renewal kept) and, unless it already ended
 * otherwise, endReason "renewed" or "renewal_rejected".
 */
export function decideRenewal(actor: Actor, groupId: number, registrationId: number, decision: RenewalDecision, text: string): Promise<Outcome> {
  return decide(actor, REVIEW, groupId, async (tx, at) => {
    const renewal = await tx.groupRegistration.findUnique({ where: { id: registrationId }, include: { group: { select: { state: true, name: true } } } });
    if (!renewal || renewal.groupId !== groupId || renewal.kind !== "renewal") throw new Refused("notFound");
    if (renewal.group.state !== "active") throw new Refused("conflict");
    const previous = await tx.groupRegistration.findUnique({ where: { groupId_fiscalYear: { groupId, fiscalYear: renewal.fiscalYear - 1 } } });
    const approve = decision === "approve";
    const claimed = await tx.groupRegistration.updateMany({
      where: { id: registrationId, status: "pending" },
      data: approve
        ? { status: "approved", decidedAt: at, decidedById: actor.id, validFrom: renewalValidFrom(renewal.fiscalYear, previous, at) }
        : { status: "rejected", decidedAt: at, decidedById: actor.id },
    });
    if (claimed.count !== 1) throw new Refused("conflict");
    if (previous) {
      await tx.groupRegistration.update({
        where: { id: previous.id },
        data: { renewalDecidedAt: at, endReason: previous.endReason ?? (approve ? "renewed" : "renewal_rejected") },
      });
    }
    await writeMessage(tx, { groupId, kind: approve ? "approved" : "rejected", body: text, authorId: actor.id, registrationId, at });
    await recordAudit(
      {
        actor,
        action: approve ? "group.renewal_approved" : "group.renewal_rejected",
        targetType: "group",
        targetId: groupId,
        reason: text,
        details: { registrationId, fiscalYear: renewal.fiscalYear, previousRegistrationId: previous?.id ?? null },
      },
      tx,
    );
    await mailRepresentatives(
      tx,
      groupId,
      approve ? "renewalApproved" : "renewalRejected",
      (lang) => ({ name: renewal.group.name, fy: fiscalYearLabel(renewal.fiscalYear, lang), until: untilLabel(renewal.validUntil, lang) }),
      text,
    );
  });
}

/**
 * Cancels a registered group (it dissolved, it broke the rules): the group leaves the directory at
 * once. Registrations valid now or later end now ("cancelled"), pending ones are cancelled and
 * versions waiting for review are withdrawn.
 */
export function cancelRegistration(actor: Actor, groupId: number, reason: string): Promise<Outcome> {
  return decide(actor, REVIEW, groupId, async (tx, at) => {
    const group = await tx.group.findUnique({ where: { id: groupId }, select: { name: true } });
    if (!group) throw new Refused("notFound");
    const claimed = await tx.group.updateMany({ where: { id: groupId, state: "active" }, data: { state: "cancelled" } });
    if (claimed.count !== 1) throw new Refused("conflict");
    const ending = await tx.groupRegistration.findMany({
      where: registrationsToEndWhere(groupId, at),
      select: { id: true },
    });
    await tx.groupRegistration.updateMany({ where: { id: { in: ending.map((r) => r.id) } }, data: { endedAt: at, endReason: "cancelled" } });
    const pending = await tx.groupRegistration.findMany({ where: { groupId, status: "pending" }, select: { id: true } });
    await tx.groupRegistration.updateMany({ where: { id: { in: pending.map((r) => r.id) } }, data: { status: "cancelled", decidedAt: at, decidedById: actor.id } });
    await tx.groupVersion.updateMany({ where: { groupId, status: { in: ["submitted", "changes_requested"] } }, data: { status: "withdrawn" } });
    await writeMessage(tx, { groupId, kind: "cancelled", body: reason, authorId: actor.id, at });
    await recordAudit(
      {
        actor,
        action: "group.cancelled",
        targetType: "group",
        targetId: groupId,
        reason,
        details: { endedRegistrationIds: ending.map((r) => r.id), cancelledPendingIds: pending.map((r) => r.id) },
      },
      tx,
    );
    await mailRepresentatives(tx, groupId, "cancelled", () => ({ name: group.name }), reason);
  });
}

/** The published profile as the values a posted correction form would hold. */
export async function correctionDefaults(actor: Actor, groupId: number) {
  const group = await db.group.findFirst({ where: { id: groupId, ...groupScope(actor, "group:edit:any") }, select: { id: true, name: true, state: true, publishedVersion: true } });
  if (!group) return null;
  const [waitingChange, districts] = await Promise.all([
    db.groupVersion.count({ where: { groupId, status: "submitted" } }).then((n) => n > 0),
    db.district.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true, area: true } }),
  ]);
  const v = group.publishedVersion;
  const values: Record<string, string> = v ? { ...versionFormValues(v), publishedVersionId: String(v.id) } : {};
  return { group: { id: group.id, name: group.name, state: group.state }, publishedVersionId: v?.id ?? null, values, waitingChange, districts };
}

/**
 * Staff correct the published profile directly: a new approved version made by staff, published
 * at once. The audit entry names every changed item but holds values only for items that are not
 * personal data (VALUE_AUDITED_FIELDS).
 */
export function correctProfile(actor: Actor, groupId: number, publishedVersionId: number, input: GroupProfileInput, reason: string): Promise<Outcome> {
  return decide(actor, "group:edit:any", groupId, async (tx, at) => {
    const group = await tx.group.findUnique({ where: { id: groupId }, select: { state: true, publishedVersion: true } });
    if (!group) throw new Refused("notFound");
    const old = group.publishedVersion;
    if (!old || group.state !== "active" || old.id !== publishedVersionId) throw new Refused("conflict");
    const claimed = await tx.group.updateMany({ where: { id: groupId, publishedVersionId }, data: { updatedAt: at } });
    if (claimed.count !== 1) throw new Refused("conflict");
    const version = await tx.groupVersion.create({
      data: {
        groupId,
        status: "approved",
        ...versionColumns(input),
        logoFile: old.logoFile,
        consentAt: old.consentAt,
        createdById: actor.id,
        submittedAt: at,
        decidedAt: at,
        decidedById: actor.id,
      },
    });
    const diff = versionDiff(old, version);
    if (diff.length === 0) throw new Refused("noChange");
    await publishVersion(tx, groupId, version.id);
    const changedFields = diff.map((d) => d.field);
    const changes = Object.fromEntries(diff.filter((d) => VALUE_AUDITED_FIELDS.has(d.field)).map((d) => [d.field, { from: d.before, to: d.after }]));
    await writeMessage(tx, { groupId, kind: "note", body: reason, authorId: actor.id, versionId: version.id, at });
    await recordAudit(
      {
        actor,
        action: "group.corrected",
        targetType: "group",
        targetId: groupId,
        reason,
        details: { versionId: version.id, previousVersionId: old.id, changedFields, changes },
      },
      tx,
    );
    const fieldsIn = (lang: Lang) => {
      const t = translator(lang, groupReviewMessages);
      return changedFields.map((f) => t(profileFieldLabel(f))).join(t("groupReview.listSeparator"));
    };
    await mailRepresentatives(tx, groupId, "corrected", (lang) => ({ name: version.name, fields: fieldsIn(lang) }), reason);
  });
}
