/**
 * The representative's side of the group registry: registering a group, editing its one
 * working version, the status page, members and invitations, withdrawal, and the rule that
 * the last representative of a group cannot leave it (or delete their account).
 *
 * Every function is given the acting person and scopes its queries by the permission it serves
 * (groupScope in access.server.ts): a group the person's role does not reach does not exist for
 * them ("notFound", a 404 in the routes), whatever the route checked before.
 *
 * Versions: a group has at most one working version (draft | submitted | changes_requested),
 * always its newest. Before the first approval it is the application; afterwards it is a
 * change, and the published version stays public until staff approve it (publishVersion in
 * group.server.ts). Staff decisions are made elsewhere; this module only reads their results.
 *
 * Audit: every change of a group's members (invitations, roles, removal, leaving, also by
 * deleting the account) and the withdrawal write one entry in the transaction of the change.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import crypto from "node:crypto";
import { intentOf, type GroupFormIntent } from "./editor-forms.ts";
import { GROUP_FORM_LIMITS, groupFormSchema, type GroupDraftInput } from "./forms.ts";
import { parseForm, type FieldErrors } from "../platform/forms/validation.ts";
import { normalizeEmail } from "../platform/forms/rules.ts";
import { keptValues, type FormValues } from "../platform/forms/values.ts";
import type { MessageKey } from "./messages/groupForm.ts";
import { now } from "../platform/clock.server.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { fiscalYearAt, formatInstant } from "../platform/dates.ts";
import { db, type Prisma } from "../platform/db.server.ts";
import { enqueueMail, portalLink } from "../platform/mail.server.ts";
import { hit, type RateLimitRule } from "../platform/rate-limit.server.ts";
import { checkUpload, deleteUpload, readUploadForm, saveUpload } from "../platform/uploads/index.server.ts";
import { recordAudit } from "../platform/audit.server.ts";
import type { AccountBeingDeleted } from "../platform/contributions.ts";
import { composeEditorMail, sendToRepresentatives } from "./mail.server.ts";
import { reachGroup } from "./access.server.ts";
import {
  fiscalYearValidity,
  listedGroupWhere,
  registrationsToEndWhere,
  registrationValidAt,
  unknownReferences,
  versionColumns,
  versionFormValues,
  versionProfile,
  type GroupRole,
  type RegistrationTimes,
  type VersionRow,
} from "./group.server.ts";

type Tx = Prisma.TransactionClient;

/** Version statuses of the one version being edited or reviewed. */
export const WORKING_STATUSES = ["draft", "submitted", "changes_requested"] as const;
const CLOSED_STATES = ["withdrawn", "cancelled"];

/** New groups per person and day: enough for a person who runs several, not for a script. */
export const GROUP_CREATE_RULE: RateLimitRule = { bucket: "group-create", limit: 10, windowSeconds: 24 * 3600 };
/** Invitation mails per person and day (each one mails an address the person typed). */
export const GROUP_INVITE_RULE: RateLimitRule = { bucket: "group-invite", limit: 30, windowSeconds: 24 * 3600 };
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type Failure = { ok: false; error: MessageKey } | { ok: false; notFound: true } | { ok: false; limited: number };

const notFound = { ok: false, notFound: true } as const;
const fail = (error: MessageKey) => ({ ok: false, error }) as const;

/**
 * Serialises changes to one group's versions and memberships: the update takes the group
 * row's lock on PostgreSQL (SQLite has one writer anyway), so two parallel requests cannot
 * both pass a check such as "another representative remains".
 */
async function lockGroup(tx: Tx, groupId: number) {
  return tx.group.update({ where: { id: groupId }, data: { updatedAt: now() } });
}

function isClosed(state: string) {
  return CLOSED_STATES.includes(state);
}

function workingVersion(client: Tx | typeof db, groupId: number) {
  return client.groupVersion.findFirst({ where: { groupId, status: { in: [...WORKING_STATUSES] } }, orderBy: { id: "desc" } });
}

// ---------------------------------------------------------------------------------------
// Status

export type GroupStatus = "draft" | "underReview" | "changesRequested" | "rejected" | "approved" | "lapsed" | "withdrawn" | "cancelled";
export type ChangeStatus = "draft" | "underReview" | "changesRequested" | null;
/** open: the form can be saved; locked: under review; closed: never again. */
export type Editability = "open" | "locked" | "closed";

type StatusInput = {
  state: string;
  publishedVersionId: number | null;
  /** The group's newest version (the working one, if any). */
  latest: { status: string } | null;
  validNow: boolean;
};

const WORKING_TO_STATUS: Record<string, "draft" | "underReview" | "changesRequested"> = {
  draft: "draft",
  submitted: "underReview",
  changes_requested: "changesRequested",
};

/** Where a group stands, as its members see it, and where its pending change stands. */
export function statusOf({ state, publishedVersionId, latest, validNow }: StatusInput): { status: GroupStatus; change: ChangeStatus; editable: Editability } {
  if (state === "withdrawn" || state === "cancelled") return { status: state, change: null, editable: "closed" };
  const working = latest && WORKING_TO_STATUS[latest.status] ? WORKING_TO_STATUS[latest.status] : null;
  const editable: Editability = working === "underReview" ? "locked" : "open";
  if (publishedVersionId === null) {
    if (working) return { status: working, change: null, editable };
    return latest?.status === "rejected" ? { status: "rejected", change: null, editable: "closed" } : { status: "draft", change: null, editable };
  }
  return { status: validNow ? "approved" : "lapsed", change: working, editable };
}

/** The name to show for a group: the published one, else that of its newest version. */
function nameOf(published: { name: string } | null, latest: { name: string } | null): string {
  return published?.name || latest?.name || "";
}

type LoadedGroup<V extends { status: string; name: string }> = {
  state: string;
  publishedVersionId: number | null;
  publishedVersion: { name: string } | null;
  /** The newest version only. */
  versions: V[];
  registrations: RegistrationTimes[];
};

/** A loaded group's name, status and working version (the one being edited or reviewed), at an instant. */
function standingOf<V extends { status: string; name: string }>(group: LoadedGroup<V>, at: Date) {
  const latest = group.versions[0] ?? null;
  const validNow = group.registrations.some((r) => registrationValidAt(r, at));
  const working = latest && (WORKING_STATUSES as readonly string[]).includes(latest.status) ? latest : null;
  return {
    name: nameOf(group.publishedVersion, latest),
    status: statusOf({ state: group.state, publishedVersionId: group.publishedVersionId, latest, validNow }),
    latest,
    working,
  };
}

/** The groups the person is a member of, newest first, with their status. */
export async function listMyGroups(actor: Actor) {
  const at = now();
  const memberships = await db.groupMembership.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: {
      role: true,
      group: {
        select: {
          id: true,
          state: true,
          publishedVersionId: true,
          publishedVersion: { select: { name: true } },
          versions: { orderBy: { id: "desc" }, take: 1, select: { status: true, name: true } },
          registrations: true,
        },
      },
    },
  });
  return memberships.map(({ role, group }) => {
    const { name, status } = standingOf(group, at);
    return { id: group.id, name, role: role as GroupRole, ...status };
  });
}

/** The status page: null when the person is not a member of the group. */
export async function getGroupStatus(actor: Actor, groupId: number) {
  const reached = await reachGroup(actor, groupId, "group:read:own");
  if (!reached?.role) return null;
  const { role } = reached;
  const at = now();
  const group = await db.group.findUnique({
    where: { id: reached.id },
    include: {
      publishedVersion: true,
      versions: { orderBy: { id: "desc" }, take: 1 },
      registrations: { orderBy: { fiscalYear: "desc" } },
      messages: { orderBy: { createdAt: "desc" } },
    },
  });
  if (!group) return null;
  const { name, status, latest, working } = standingOf(group, at);
  const shown = working ?? group.publishedVersion ?? latest;
  return {
    role,
    group: { id: group.id, state: group.state, name, listed: status.status === "approved" },
    ...status,
    profile: shown ? await profileView(shown) : null,
    profileIsPublished: Boolean(!working && group.publishedVersion),
    registrations: group.registrations.map((r) => ({
      id: r.id,
      fiscalYear: r.fiscalYear,
      kind: r.kind,
      status: r.status,
      validFrom: r.validFrom?.toISOString() ?? null,
      validUntil: r.validUntil.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      endReason: r.endReason,
      renewalPending: r.renewalSubmittedAt !== null && r.renewalDecidedAt === null,
      validNow: registrationValidAt(r, at),
    })),
    messages: group.messages.map((m) => ({ id: m.id, kind: m.kind, body: m.body, createdAt: m.createdAt.toISOString() })),
  };
}

/** A version for display: district ids resolved to names. */
async function profileView(v: VersionRow) {
  const profile = versionProfile(v);
  const ids = [...new Set([...profile.districtIds, ...(v.mainDistrictId ? [v.mainDistrictId] : [])])];
  const districts = ids.length ? await db.district.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const nameById = new Map(districts.map((d) => [d.id, d.name]));
  return {
    ...profile,
    mainDistrict: v.mainDistrictId ? (nameById.get(v.mainDistrictId) ?? "") : "",
    districts: profile.districtIds.map((id) => nameById.get(id)).filter((n): n is string => Boolean(n)),
    logoFile: v.logoFile,
  };
}

export type ProfileView = Awaited<ReturnType<typeof profileView>>;

// ---------------------------------------------------------------------------------------
// The form

/** Districts for the form's select and checkboxes, in code order. */
export async function listDistrictChoices() {
  return db.district.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true, area: true } });
}

/** The edit page: the version to edit (working, else a copy of the published one). */
export async function getGroupForEdit(actor: Actor, groupId: number) {
  const reached = await reachGroup(actor, groupId, "group:edit:own");
  if (!reached?.role) return null;
  const { role } = reached;
  const group = await db.group.findUnique({
    where: { id: reached.id },
    include: { publishedVersion: true, versions: { orderBy: { id: "desc" }, take: 1 }, registrations: true },
  });
  if (!group) return null;
  const { name, status, working } = standingOf(group, now());
  const base = working ?? group.publishedVersion;
  return {
    role,
    group: { id: group.id, name, published: group.publishedVersionId !== null },
    ...status,
    values: base ? versionFormValues(base) : {},
    logoFile: base?.logoFile ?? "",
  };
}

export type LogoChange = { kind: "keep" } | { kind: "remove" } | { kind: "replace"; file: string };

export type GroupSubmission = {
  /** A whole profile when submitted (groupFormSchema checked it so); a draft's answers otherwise. */
  profile: GroupDraftInput;
  /** Submit for review (representatives only; consent given) rather than save a draft. */
  submit: boolean;
  logo: LogoChange;
};

export type GroupFormRead =
  | { ok: true; intent: GroupFormIntent; submission: GroupSubmission; values: FormValues }
  | { ok: false; status: 400 | 411 | 413; errors: FieldErrors; values?: FormValues };

/**
 * Reads and checks the profile form of /groups/new and the edit page: size first (413 with a
 * message, never a failed request), then the profile, the consent when submitting, and the
 * logo by its bytes. An accepted logo is written only when everything else is valid too.
 */
const LOGO_ERRORS = { type: "groupForm.errors.logoType", size: "groupForm.errors.logoSize" } as const;

export async function readGroupForm(request: Request, today: string): Promise<GroupFormRead> {
  const read = await readUploadForm(request, GROUP_FORM_LIMITS);
  if (!read.ok) {
    const error: MessageKey = read.status === 411 ? "groupForm.errors.lengthRequired" : read.status === 413 ? "groupForm.errors.tooLarge" : "error.400.body";
    return { ok: false, status: read.status, errors: { _form: error } };
  }
  const { formData } = read;
  const intent = intentOf(formData);
  const validation = parseForm(groupFormSchema(today), formData);
  const unknown = validation.ok ? await unknownReferences(validation.data) : {};
  const logo = await checkUpload("logo", formData.get("logo"), { oversize: read.oversize.has("logo") });
  if (!validation.ok || Object.keys(unknown).length > 0 || logo.kind === "error") {
    const errors: FieldErrors = { ...(validation.ok ? unknown : validation.errors) };
    // A file input cannot be filled in again by the server: say so at the field.
    errors.logo = logo.kind === "error" ? LOGO_ERRORS[logo.error === "size" ? "size" : "type"] : logo.kind === "file" ? "groupForm.logo.reselect" : "";
    if (!errors.logo) delete errors.logo;
    return { ok: false, status: 400, errors, values: validation.ok ? keptValues(formData) : validation.values };
  }
  const change: LogoChange =
    logo.kind === "file" ? { kind: "replace", file: await saveUpload(logo) } : formData.get("removeLogo") === "on" ? { kind: "remove" } : { kind: "keep" };
  const { intent: _intent, consent: _consent, logo: _logo, ...profile } = validation.data;
  return { ok: true, intent, submission: { profile, submit: intent === "submit", logo: change }, values: keptValues(formData) };
}

function logoAfter(change: LogoChange, current: string): string {
  return change.kind === "replace" ? change.file : change.kind === "remove" ? "" : current;
}

/**
 * The registration an application asks for: pending, for the fiscal year of the submission.
 * One already pending for this year stays as it is; one left pending from an earlier year
 * (a resubmission after the year turned) is withdrawn in favour of this year's.
 */
async function ensurePendingRegistration(tx: Tx, groupId: number, at: Date) {
  const fiscalYear = fiscalYearAt(at);
  const pending = await tx.groupRegistration.findMany({ where: { groupId, status: "pending" } });
  if (pending.some((r) => r.fiscalYear === fiscalYear)) return;
  if (pending.length) await tx.groupRegistration.updateMany({ where: { groupId, status: "pending" }, data: { status: "withdrawn" } });
  await tx.groupRegistration.create({
    data: {
      groupId,
      fiscalYear,
      kind: "initial",
      status: "pending",
      submittedAt: at,
      validUntil: fiscalYearValidity(fiscalYear).validUntil,
      createdAt: at,
    },
  });
}

/**
 * Registers a new group: the group (draft until staff approve), its first version and the
 * person as its first representative; submitting also asks for this fiscal year's registration.
 */
export async function createGroup(actor: Actor, submission: GroupSubmission): Promise<{ ok: true; groupId: number } | Failure> {
  if (!can(actor, "group:create:own")) return notFound;
  const limit = await hit(GROUP_CREATE_RULE, actor.id);
  if (!limit.allowed) {
    if (submission.logo.kind === "replace") await deleteUpload(submission.logo.file);
    return { ok: false, limited: limit.retryAfterSeconds };
  }
  const at = now();
  const groupId = await db.$transaction(async (tx) => {
    const group = await tx.group.create({ data: { state: "draft", createdAt: at } });
    await tx.groupVersion.create({
      data: {
        groupId: group.id,
        status: submission.submit ? "submitted" : "draft",
        ...versionColumns(submission.profile),
        logoFile: logoAfter(submission.logo, ""),
        consentAt: submission.submit ? at : null,
        createdById: actor.id,
        createdAt: at,
        submittedAt: submission.submit ? at : null,
      },
    });
    await tx.groupMembership.create({ data: { groupId: group.id, userId: actor.id, role: "representative", createdAt: at } });
    if (submission.submit) await ensurePendingRegistration(tx, group.id, at);
    return group.id;
  });
  return { ok: true, groupId };
}

/**
 * Saves the form of an existing group into its working version, creating that version from
 * the form when there is none (a change after approval). Editors save drafts; submitting is
 * for representatives. A version under review cannot be changed.
 */
export async function saveGroupVersion(actor: Actor, groupId: number, submission: GroupSubmission): Promise<{ ok: true; submitted: boolean } | Failure> {
  const reached = await reachGroup(actor, groupId, "group:edit:own");
  if (!reached) return notFound;
  if (submission.submit && !can(actor, "group:submit:own", { groupRole: reached.role })) return fail("groupForm.errors.representativeOnly");
  const at = now();
  const outcome = await db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    if (isClosed(group.state)) return { error: "groupForm.errors.groupClosed" as const };
    const working = await workingVersion(tx, groupId);
    if (working?.status === "submitted") return { error: "groupForm.errors.notEditable" as const };
    const data = {
      status: submission.submit ? "submitted" : "draft",
      ...versionColumns(submission.profile),
      ...(submission.submit ? { consentAt: at, submittedAt: at } : {}),
    };
    let previousLogo: string;
    if (working) {
      previousLogo = working.logoFile;
      await tx.groupVersion.update({ where: { id: working.id }, data: { ...data, logoFile: logoAfter(submission.logo, working.logoFile) } });
    } else {
      // Only an approved group starts a new version; a refused application stays refused.
      if (group.publishedVersionId === null) return { error: "groupForm.errors.notEditable" as const };
      const published = await tx.groupVersion.findUniqueOrThrow({ where: { id: group.publishedVersionId } });
      previousLogo = "";
      await tx.groupVersion.create({
        data: { groupId, ...data, logoFile: logoAfter(submission.logo, published.logoFile), createdById: actor.id, createdAt: at },
      });
    }
    if (submission.submit && group.publishedVersionId === null) await ensurePendingRegistration(tx, groupId, at);
    return { previousLogo };
  });
  if (outcome.error) {
    if (submission.logo.kind === "replace") await deleteLogoIfUnused(submission.logo.file);
    return fail(outcome.error);
  }
  if (outcome.previousLogo) await deleteLogoIfUnused(outcome.previousLogo);
  return { ok: true, submitted: submission.submit };
}

/** Deletes an uploaded logo that no version refers to any more (replaced in a draft). */
export async function deleteLogoIfUnused(file: string) {
  if (!file) return;
  const used = await db.groupVersion.count({ where: { logoFile: file } });
  if (used === 0) await deleteUpload(file);
}

// ---------------------------------------------------------------------------------------
// Uploaded logos

/**
 * Who may fetch an uploaded logo: anyone when a listed group publishes it, a member of the
 * group of a version that uses it, and staff. "public" may be cached by anyone.
 */
export async function logoAccess(file: string, viewer: { userId: string; staff: boolean } | null): Promise<"public" | "private" | null> {
  const versions = await db.groupVersion.findMany({ where: { logoFile: file }, select: { id: true, groupId: true } });
  if (versions.length === 0) return null;
  const published = await db.group.count({
    where: { AND: [listedGroupWhere(now()), { publishedVersionId: { in: versions.map((v) => v.id) } }] },
  });
  if (published > 0) return "public";
  if (!viewer) return null;
  if (viewer.staff) return "private";
  const member = await db.groupMembership.count({ where: { userId: viewer.userId, groupId: { in: versions.map((v) => v.groupId) } } });
  return member > 0 ? "private" : null;
}

// ---------------------------------------------------------------------------------------
// Names

async function groupName(client: Tx | typeof db, groupId: number): Promise<string> {
  const group = await client.group.findUnique({
    where: { id: groupId },
    select: { publishedVersion: { select: { name: true } }, versions: { orderBy: { id: "desc" }, take: 1, select: { name: true } } },
  });
  return group ? nameOf(group.publishedVersion, group.versions[0] ?? null) : "";
}

// ---------------------------------------------------------------------------------------
// Members and invitations

async function activeRepresentatives(client: Tx, groupId: number, except?: string) {
  return client.groupMembership.count({
    where: { groupId, role: "representative", user: { active: true }, ...(except ? { userId: { not: except } } : {}) },
  });
}

/** The members page: null when the person's role in the group does not reach it. */
export async function getMembersPage(actor: Actor, groupId: number) {
  if (!(await reachGroup(actor, groupId, "group:members:own"))) return null;
  const at = now();
  const [name, group, members, invitations] = await Promise.all([
    groupName(db, groupId),
    db.group.findUniqueOrThrow({ where: { id: groupId }, select: { state: true } }),
    db.groupMembership.findMany({
      where: { groupId },
      orderBy: [{ createdAt: "asc" }],
      select: { userId: true, role: true, createdAt: true, user: { select: { displayName: true } } },
    }),
    db.groupInvitation.findMany({
      where: { groupId, acceptedAt: null, expiresAt: { gt: at } },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return {
    group: { id: groupId, name, closed: isClosed(group.state) },
    members: members.map((m) => ({
      userId: m.userId,
      displayName: m.user.displayName,
      role: m.role as GroupRole,
      since: m.createdAt.toISOString(),
      self: m.userId === actor.id,
    })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role as GroupRole, expiresAt: i.expiresAt.toISOString() })),
  };
}

function hashToken(token: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Invites an address as representative or editor: a link valid for 7 days goes to it; only the
 * token's hash is stored, and a new invitation to the same address replaces an earlier one.
 * The audit entry names the invitation by id, never by the address.
 */
export async function inviteMember(actor: Actor, groupId: number, input: { email: string; role: GroupRole }): Promise<{ ok: true } | Failure> {
  if (!(await reachGroup(actor, groupId, "group:members:own"))) return notFound;
  const email = normalizeEmail(input.email);
  const at = now();
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  const expiresAt = new Date(at.getTime() + INVITATION_LIFETIME_MS);
  const [group, member] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id: groupId }, select: { state: true } }),
    db.groupMembership.count({ where: { groupId, user: { email } } }),
  ]);
  if (isClosed(group.state)) return fail("groupForm.errors.groupClosed");
  if (member > 0) return fail("groupForm.errors.alreadyMember");
  const limit = await hit(GROUP_INVITE_RULE, actor.id);
  if (!limit.allowed) return { ok: false, limited: limit.retryAfterSeconds };
  await db.$transaction(async (tx) => {
    const replaced = await tx.groupInvitation.findMany({ where: { groupId, email, acceptedAt: null }, select: { id: true } });
    await tx.groupInvitation.deleteMany({ where: { id: { in: replaced.map((i) => i.id) } } });
    const invitation = await tx.groupInvitation.create({
      data: { id: crypto.randomUUID(), groupId, email, role: input.role, tokenHash: hashToken(token), expiresAt, invitedById: actor.id, createdAt: at },
    });
    await recordAudit(
      {
        actor,
        action: "group.invitation_sent",
        targetType: "group",
        targetId: groupId,
        details: { invitationId: invitation.id, role: input.role, replacedInvitationIds: replaced.map((i) => i.id) },
      },
      tx,
    );
  });
  const name = await groupName(db, groupId);
  const mail = composeEditorMail("invitation", (t, lang) => ({
    group: name,
    role: t(`groupForm.role.${input.role}`),
    link: portalLink(`/invitations/${token}`),
    expires: formatInstant(expiresAt, lang),
  }));
  await enqueueMail({ to: email, ...mail, secrets: [token] });
  return { ok: true };
}

/** Revokes an invitation not yet accepted (an unknown or used one changes nothing). */
export async function cancelInvitation(actor: Actor, groupId: number, invitationId: string): Promise<{ ok: true } | Failure> {
  if (!(await reachGroup(actor, groupId, "group:members:own"))) return notFound;
  await db.$transaction(async (tx) => {
    const where = { id: invitationId, groupId, acceptedAt: null };
    const invitation = await tx.groupInvitation.findFirst({ where, select: { role: true } });
    if (!invitation) return;
    const { count } = await tx.groupInvitation.deleteMany({ where });
    if (count !== 1) return;
    await recordAudit(
      { actor, action: "group.invitation_revoked", targetType: "group", targetId: groupId, details: { invitationId, role: invitation.role } },
      tx,
    );
  });
  return { ok: true };
}

/**
 * Changes a member's role or removes them (the representatives' permission), or removes oneself
 * (leaving, any member's). While the group is open,
 * the change must leave at least one active representative. The audit entry names the member
 * by account id; giving a member the role they have changes nothing and records nothing.
 */
async function changeMembership(actor: Actor, groupId: number, targetUserId: string, change: GroupRole | "remove"): Promise<{ ok: true } | Failure> {
  const self = targetUserId === actor.id;
  if (!(await reachGroup(actor, groupId, self && change === "remove" ? "group:leave:own" : "group:members:own"))) return notFound;
  const outcome = await db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    const target = await tx.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId: targetUserId } } });
    if (!target) return "groupForm.errors.notMember" as const;
    if (target.role === change) return null;
    const stopsBeingRepresentative = target.role === "representative" && change !== "representative";
    if (stopsBeingRepresentative && !isClosed(group.state) && (await activeRepresentatives(tx, groupId, targetUserId)) === 0) {
      return "groupForm.errors.lastRepresentative" as const;
    }
    const key = { groupId_userId: { groupId, userId: targetUserId } };
    if (change === "remove") {
      await tx.groupMembership.delete({ where: key });
      const action = self ? "group.member_left" : "group.member_removed";
      await recordAudit({ actor, action, targetType: "group", targetId: groupId, details: { userId: targetUserId, role: target.role } }, tx);
    } else {
      await tx.groupMembership.update({ where: key, data: { role: change } });
      await recordAudit(
        { actor, action: "group.member_role_changed", targetType: "group", targetId: groupId, details: { userId: targetUserId, from: target.role, to: change } },
        tx,
      );
    }
    return null;
  });
  return outcome ? fail(outcome) : { ok: true };
}

export function changeMemberRole(actor: Actor, groupId: number, targetUserId: string, role: GroupRole) {
  return changeMembership(actor, groupId, targetUserId, role);
}

export function removeMember(actor: Actor, groupId: number, targetUserId: string) {
  return changeMembership(actor, groupId, targetUserId, "remove");
}

export function leaveGroup(actor: Actor, groupId: number) {
  return changeMembership(actor, groupId, actor.id, "remove");
}

export type InvitationInspection =
  | { state: "valid"; invitationId: string; groupId: number; groupName: string; role: GroupRole; email: string }
  | { state: "spent" | "unknown" | "closed" };

/** For the GET of an invitation link: changes nothing. */
export async function inspectInvitation(token: string): Promise<InvitationInspection> {
  if (token.length > 100) return { state: "unknown" };
  const invitation = await db.groupInvitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { group: { select: { state: true } } } });
  if (!invitation) return { state: "unknown" };
  if (invitation.acceptedAt || invitation.expiresAt.getTime() <= now().getTime()) return { state: "spent" };
  if (isClosed(invitation.group.state)) return { state: "closed" };
  return {
    state: "valid",
    invitationId: invitation.id,
    groupId: invitation.groupId,
    groupName: await groupName(db, invitation.groupId),
    role: invitation.role as GroupRole,
    email: invitation.email,
  };
}

export type AcceptResult = { ok: true; groupId: number } | { ok: false; reason: "spent" | "unknown" | "closed" | "wrongEmail" | "unverified" };

/**
 * Accepts an invitation for the logged-in person, whose (normalised) address must be the one
 * invited and confirmed. Used once: the conditional update makes a second use fail. A member
 * invited again keeps a representative's role (an invitation never demotes).
 */
export async function acceptInvitation(token: string, user: Actor & { email: string; emailVerified: boolean }): Promise<AcceptResult> {
  const inspected = await inspectInvitation(token);
  if (inspected.state !== "valid") return { ok: false, reason: inspected.state };
  if (normalizeEmail(user.email) !== normalizeEmail(inspected.email)) return { ok: false, reason: "wrongEmail" };
  if (!user.emailVerified) return { ok: false, reason: "unverified" };
  const at = now();
  const accepted = await db.$transaction(async (tx) => {
    const group = await lockGroup(tx, inspected.groupId);
    if (isClosed(group.state)) return false;
    const { count } = await tx.groupInvitation.updateMany({
      where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: at } },
      data: { acceptedAt: at },
    });
    if (count !== 1) return false;
    const key = { groupId_userId: { groupId: inspected.groupId, userId: user.id } };
    const existing = await tx.groupMembership.findUnique({ where: key });
    const from = (existing?.role ?? null) as GroupRole | null;
    const to: GroupRole = from === "representative" ? from : inspected.role;
    if (!existing) {
      await tx.groupMembership.create({ data: { groupId: inspected.groupId, userId: user.id, role: to, createdAt: at } });
    } else if (from !== to) {
      await tx.groupMembership.update({ where: key, data: { role: to } });
    }
    await recordAudit(
      {
        actor: user,
        action: "group.invitation_accepted",
        targetType: "group",
        targetId: inspected.groupId,
        details: { invitationId: inspected.invitationId, userId: user.id, invitedRole: inspected.role, from, to },
      },
      tx,
    );
    return true;
  });
  return accepted ? { ok: true, groupId: inspected.groupId } : { ok: false, reason: "spent" };
}

// ---------------------------------------------------------------------------------------
// Withdrawal

/**
 * A representative withdraws the group: it leaves the directory at once (the current
 * registration ends now, "withdrawn"), pending registrations and versions under way are
 * withdrawn, open invitations lapse, and the representatives are told by mail.
 */
export async function withdrawGroup(actor: Actor, groupId: number, reason: string): Promise<{ ok: true } | Failure> {
  if (!(await reachGroup(actor, groupId, "group:withdraw:own"))) return notFound;
  const at = now();
  const outcome = await db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    if (isClosed(group.state)) return "groupForm.errors.groupClosed" as const;
    await tx.group.update({ where: { id: groupId }, data: { state: "withdrawn" } });
    const ended = await tx.groupRegistration.updateMany({
      where: registrationsToEndWhere(groupId, at),
      data: { endedAt: at, endReason: "withdrawn" },
    });
    const pending = await tx.groupRegistration.updateMany({ where: { groupId, status: "pending" }, data: { status: "withdrawn" } });
    const versions = await tx.groupVersion.updateMany({ where: { groupId, status: { in: [...WORKING_STATUSES] } }, data: { status: "withdrawn" } });
    const invitations = await tx.groupInvitation.deleteMany({ where: { groupId, acceptedAt: null } });
    await recordAudit(
      {
        actor,
        action: "group.withdrawn",
        targetType: "group",
        targetId: groupId,
        reason,
        details: {
          endedRegistrations: ended.count,
          withdrawnRegistrations: pending.count,
          withdrawnVersions: versions.count,
          revokedInvitations: invitations.count,
        },
      },
      tx,
    );
    return null;
  });
  if (outcome) return fail(outcome);
  const name = await groupName(db, groupId);
  await sendToRepresentatives(
    db,
    groupId,
    composeEditorMail("withdrawn", (_t, lang) => ({ group: name, date: formatInstant(at, lang), link: portalLink(`/my/groups/${groupId}`) })),
  );
  return { ok: true };
}

// ---------------------------------------------------------------------------------------
// The person's own data: export and account deletion (through contributes.server.ts)

/**
 * The groups the person belongs to (with the name of the group's newest version, which a
 * member may see), and the invitations sent to their address. Invitations the person sent
 * are left out: they hold other people's addresses (the audit entries of the person's own
 * steps are in the account's part of the export).
 */
export async function exportGroupData(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const group = { select: { id: true, state: true, versions: { orderBy: { id: "desc" as const }, take: 1, select: { name: true } } } };
  const [memberships, invitations] = await Promise.all([
    db.groupMembership.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { role: true, createdAt: true, group } }),
    db.groupInvitation.findMany({
      where: { email: user.email },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, expiresAt: true, acceptedAt: true, group },
    }),
  ]);
  const groupOf = (g: (typeof memberships)[number]["group"]) => ({ id: g.id, name: g.versions[0]?.name ?? "", state: g.state });
  return {
    groupMemberships: memberships.map((m) => ({ group: groupOf(m.group), role: m.role, since: m.createdAt })),
    groupInvitations: invitations.map((i) => ({ group: groupOf(i.group), role: i.role, sentAt: i.createdAt, expiresAt: i.expiresAt, acceptedAt: i.acceptedAt })),
  };
}

/**
 * Inside deleteAccount's transaction, before the account and (by cascade) its memberships go:
 * one "group.member_left" entry per group, naming the member by account id only (the entries
 * keep the member's role; their actor becomes "deleted account" with the account). Invitations
 * to the person's addresses, accepted or not, hold an address: they go too.
 */
export async function endGroupDataWithAccount(tx: Tx, account: AccountBeingDeleted) {
  const actor = { id: account.id, role: account.role };
  const memberships = await tx.groupMembership.findMany({ where: { userId: actor.id }, select: { groupId: true, role: true }, orderBy: { groupId: "asc" } });
  for (const m of memberships) {
    await recordAudit(
      { actor, action: "group.member_left", targetType: "group", targetId: m.groupId, details: { userId: actor.id, role: m.role, accountDeleted: true } },
      tx,
    );
  }
  await tx.groupInvitation.deleteMany({ where: { email: { in: [...account.addresses] } } });
}

/**
 * The registry's account-deletion check (contributes.server.ts): the last active representative
 * of a group that has not ended must hand over or withdraw the group before deleting the account.
 */
export async function lastRepresentativeCheck(userId: string): Promise<MessageKey | null> {
  const blocking = await db.group.count({
    where: {
      state: { notIn: CLOSED_STATES },
      members: {
        some: { userId, role: "representative" },
        none: { role: "representative", userId: { not: userId }, user: { active: true } },
      },
    },
  });
  return blocking > 0 ? "groupForm.account.lastRepresentative" : null;
}
