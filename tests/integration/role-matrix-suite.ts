/**
 * The role × page matrix: every page of the portal (every file in app/routes) requested by
 * every kind of person, against a real server process on a real database. Shared by
 * role-matrix.test.ts (SQLite) and role-matrix.postgresql.test.ts.
 *
 * Who asks (the columns):
 *   anonymous       no session
 *   resident        a verified resident
 *   unverified      a resident who has not confirmed their address yet
 *   district        a resident who represents district 001
 *   representative  a representative of the approved group G
 *   editor          an editor of G
 *   pending2fa      staff who gave a password but not yet the second factor
 *   staffNo2fa      staff who have not set up their second factor
 *   staff           staff, second factor given
 *   admin           an admin, second factor given
 *
 * What they get (the cells): a status, or where a redirect sends them. Bodies are also checked:
 * a refusal or a public page never shows another group's draft, or a person's address or a
 * name the group keeps private.
 *
 * Every action is a row too, one per intent its forms post (a route exports INTENTS when its
 * forms post one). Where the person is let through, the row posts a form the action refuses
 * as invalid (400), so the permission is tested without changing anything; the actions' own
 * suites test what they do.
 *
 * The last test reads app/routes and imports every route module: a page, an action or an intent
 * added without a row here fails the suite.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { request, startServer, type HttpResponse, type ServerProcess } from "./helpers/server-process.ts";

export const WHO = ["anonymous", "resident", "unverified", "district", "representative", "editor", "pending2fa", "staffNo2fa", "staff", "admin"] as const;
export type Who = (typeof WHO)[number];

/**
 * A status, or a redirect: "login" (with redirectTo), "second" (the two-factor step), "setup2fa",
 * "verify", or a path. "invalid" (400) and "conflict" (409): let through by the permission check,
 * then refused by the action itself; the page shown again is the person's own, so its body is
 * not checked for secrets.
 */
type Outcome = number | "invalid" | "conflict" | "login" | "second" | "setup2fa" | "verify" | { to: string } | "skip";
type Cells = Record<Who, Outcome>;

const all = (outcome: Outcome): Cells => Object.fromEntries(WHO.map((w) => [w, outcome])) as Cells;
/** The same people let through, answered with `outcome` (an action's 400 for an invalid form). */
const letThrough = (cells: Cells, outcome: Outcome = "invalid"): Cells =>
  Object.fromEntries(WHO.map((w) => [w, cells[w] === 200 ? outcome : cells[w]])) as Cells;

/** Staff who are logged in and open the log-in pages are sent to their dashboard. */
const STAFF_LANDING = { staffNo2fa: { to: "/admin" }, staff: { to: "/admin" }, admin: { to: "/admin" } } satisfies Partial<Cells>;
/** Anyone at all. */
const PUBLIC = all(200);
/** Logged in (pages of one's own account). */
const SIGNED_IN: Cells = { ...all(200), anonymous: "login", pending2fa: "second" };
/** Submitting anything: verified accounts. */
const SUBMIT: Cells = { ...SIGNED_IN, unverified: "verify" };
/** The staff area: staff and admins with their second factor. */
const STAFF_AREA: Cells = {
  anonymous: "login",
  resident: 403,
  unverified: 403,
  district: 403,
  representative: 403,
  editor: 403,
  pending2fa: "second",
  staffNo2fa: "setup2fa",
  staff: 200,
  admin: 200,
};
/**
 * Admins only (users, audit log, outbox). Staff without a second factor are sent to set it up
 * by the staff area's frame (admin.tsx) before they learn what they may not see.
 */
const ADMIN_ONLY: Cells = { ...STAFF_AREA, staff: 403 };
/** A page of group G for its members; anyone else finds nothing. */
const MEMBERS_OF_G: Cells = { ...SIGNED_IN, resident: 404, unverified: 404, district: 404, staffNo2fa: 404, staff: 404, admin: 404 };
/** Representatives of G only: G's editor is refused (they know G), anyone else finds nothing. */
const REPRESENTATIVES_OF_G: Cells = { ...MEMBERS_OF_G, editor: 403 };
/** Another person's draft group: nobody here may know it exists. */
const NOBODY_HERE: Cells = { ...all(404), anonymous: "login", pending2fa: "second" };

type Row = {
  method?: "GET" | "POST";
  path: string;
  /** The route module (file name in app/routes) that answers. */
  route: string;
  cells: Cells;
  form?: Record<string, string>;
  /** Public pages: never a private name, a login address or a draft. */
  public?: boolean;
  /** Each person posts with a session of its own, made for this row (logging out ends it). */
  freshSession?: boolean;
};

type Fixture = {
  groupId: number;
  draftId: number;
  lapsedId: number;
  logo: string;
  draftLogo: string;
  districtId: number;
  centerId: number;
  /** An open consultation and one still a draft (public comment's public pages). */
  pcOpenId: number;
  pcDraftId: number;
  /** A PDF of each of them. */
  pcOpenFileId: number;
  pcDraftFileId: number;
  consultationId: number;
  consultationCommentId: number;
  userId: string;
  outboxId: string;
  verifyToken: string;
  resetToken: string;
  invitationToken: string;
  /** Text that must not appear where the person may not see it. */
  secrets: { draftName: string; privateName: string; emails: string[] };
};

function rows(f: Fixture): Row[] {
  return [
    // Public pages.
    { path: "/", route: "_index.tsx", cells: PUBLIC, public: true },
    { path: "/accessibility", route: "accessibility.tsx", cells: PUBLIC, public: true },
    { path: "/privacy", route: "privacy.tsx", cells: PUBLIC, public: true },
    { path: "/contact", route: "contact.tsx", cells: PUBLIC, public: true },
    { path: "/districts", route: "districts._index.tsx", cells: PUBLIC, public: true },
    { path: `/centers/${f.centerId}`, route: "centers.$id.tsx", cells: PUBLIC, public: true },
    { path: "/centers/999999", route: "centers.$id.tsx", cells: all(404) },
    { path: "/groups", route: "groups._index.tsx", cells: PUBLIC, public: true },
    { path: `/groups?q=${encodeURIComponent("見守り")}`, route: "groups._index.tsx", cells: PUBLIC, public: true },
    { path: `/groups/${f.groupId}`, route: "groups.$id.tsx", cells: PUBLIC, public: true },
    { path: `/groups/${f.lapsedId}`, route: "groups.$id.tsx", cells: all(410), public: true },
    { path: `/groups/${f.draftId}`, route: "groups.$id.tsx", cells: all(404), public: true },
    { path: "/opendata/groups.csv", route: "opendata.$file.ts", cells: PUBLIC, public: true },
    { path: "/opendata/groups.json", route: "opendata.$file.ts", cells: PUBLIC, public: true },
    { path: "/opendata/no-such-file.csv", route: "opendata.$file.ts", cells: all(404) },
    { path: `/uploads/${f.logo}`, route: "uploads.$file.ts", cells: PUBLIC },
    // A logo that only a draft uses: its group's members and staff (second factor given).
    { path: `/uploads/${f.draftLogo}`, route: "uploads.$file.ts", cells: { ...all(404), staff: 200, admin: 200 } },
    { path: "/consultations", route: "consultations._index.tsx", cells: PUBLIC, public: true },
    { path: "/consultations/feed.xml", route: "consultations.feed[.]xml.ts", cells: PUBLIC, public: true },
    { path: `/consultations/${f.pcOpenId}`, route: "consultations.$id.tsx", cells: PUBLIC, public: true },
    { path: `/consultations/${f.pcDraftId}`, route: "consultations.$id.tsx", cells: all(404), public: true },
    { path: `/consultations/${f.pcOpenId}/results`, route: "consultations.$id_.results.tsx", cells: all(404), public: true },
    { path: `/consultations/${f.pcOpenId}/files/${f.pcOpenFileId}`, route: "consultations.$id_.files.$fileId.ts", cells: PUBLIC },
    // A draft's document: staff (second factor given) only, as its preview.
    { path: `/consultations/${f.pcDraftId}/files/${f.pcDraftFileId}`, route: "consultations.$id_.files.$fileId.ts", cells: { ...all(404), staff: 200, admin: 200 } },
    { path: `/consultations/${f.pcOpenId}/files/${f.pcDraftFileId}`, route: "consultations.$id_.files.$fileId.ts", cells: all(404) },
    { path: `/consultations/${f.pcDraftId}/results`, route: "consultations.$id_.results.tsx", cells: all(404), public: true },
    { path: "/healthz", route: "healthz.ts", cells: PUBLIC },
    { path: "/no-such-page", route: "$.tsx", cells: all(404) },
    { path: "/language", route: "language.tsx", cells: all({ to: "/" }) },

    // Getting in.
    { path: "/signup", route: "signup.tsx", cells: { ...all({ to: "/account" }), anonymous: 200, pending2fa: 200 } },
    { path: "/login", route: "login.tsx", cells: { ...all({ to: "/" }), ...STAFF_LANDING, anonymous: 200, pending2fa: 200 } },
    { path: "/login/two-factor", route: "login_.two-factor.tsx", cells: { ...all({ to: "/" }), ...STAFF_LANDING, anonymous: { to: "/login" }, pending2fa: 200 } },
    { path: "/logout", route: "logout.tsx", cells: all({ to: "/" }) },
    { path: "/password/forgot", route: "password.forgot.tsx", cells: PUBLIC },
    { path: `/password/reset/${f.resetToken}`, route: "password.reset.$token.tsx", cells: PUBLIC },
    { path: "/password/reset/not-a-token", route: "password.reset.$token.tsx", cells: all(404) },
    { path: `/verify-email/${f.verifyToken}`, route: "verify-email.$token.tsx", cells: PUBLIC },
    { path: "/verify-email/not-a-token", route: "verify-email.$token.tsx", cells: all(404) },
    { path: `/invitations/${f.invitationToken}`, route: "invitations.$token.tsx", cells: PUBLIC },
    { path: "/invitations/not-a-token", route: "invitations.$token.tsx", cells: all(404) },

    // One's own account.
    { path: "/account", route: "account.tsx", cells: SIGNED_IN },
    { path: "/account/export", route: "account_.export.ts", cells: SIGNED_IN },
    { path: "/account/two-factor", route: "account_.two-factor.tsx", cells: SIGNED_IN },
    { path: "/account/deleted", route: "account_.deleted.tsx", cells: PUBLIC },

    // Groups of one's own.
    { path: "/groups/new", route: "groups.new.tsx", cells: SUBMIT },
    { path: "/my/groups", route: "my.groups._index.tsx", cells: SIGNED_IN },
    { path: `/my/groups/${f.groupId}`, route: "my.groups.$id._index.tsx", cells: MEMBERS_OF_G },
    { path: `/my/groups/${f.groupId}/edit`, route: "my.groups.$id.edit.tsx", cells: MEMBERS_OF_G },
    { path: `/my/groups/${f.groupId}/members`, route: "my.groups.$id.members.tsx", cells: REPRESENTATIVES_OF_G },
    { path: `/my/groups/${f.groupId}/renew`, route: "my.groups.$id.renew.tsx", cells: REPRESENTATIVES_OF_G },
    { path: `/my/groups/${f.groupId}/withdraw`, route: "my.groups.$id.withdraw.tsx", cells: REPRESENTATIVES_OF_G },
    { path: `/my/groups/${f.draftId}`, route: "my.groups.$id._index.tsx", cells: NOBODY_HERE },
    { path: `/my/groups/${f.draftId}/edit`, route: "my.groups.$id.edit.tsx", cells: NOBODY_HERE },
    { path: `/my/groups/${f.draftId}/members`, route: "my.groups.$id.members.tsx", cells: NOBODY_HERE },
    { path: `/my/groups/${f.draftId}/renew`, route: "my.groups.$id.renew.tsx", cells: NOBODY_HERE },
    { path: `/my/groups/${f.draftId}/withdraw`, route: "my.groups.$id.withdraw.tsx", cells: NOBODY_HERE },

    // The staff area.
    { path: "/admin", route: "admin._index.tsx", cells: STAFF_AREA },
    { path: "/admin/groups", route: "admin.groups._index.tsx", cells: STAFF_AREA },
    { path: `/admin/groups/${f.groupId}`, route: "admin.groups.$id._index.tsx", cells: STAFF_AREA },
    { path: `/admin/groups/${f.groupId}/cancel`, route: "admin.groups.$id.cancel.tsx", cells: STAFF_AREA },
    { path: `/admin/groups/${f.groupId}/correct`, route: "admin.groups.$id.correct.tsx", cells: STAFF_AREA },
    { path: "/admin/groups/999999", route: "admin.groups.$id._index.tsx", cells: { ...STAFF_AREA, staff: 404, admin: 404 } },
    { path: "/admin/consultations", route: "admin.consultations._index.tsx", cells: STAFF_AREA },
    { path: "/admin/consultations/new", route: "admin.consultations.new.tsx", cells: STAFF_AREA },
    { path: `/admin/consultations/${f.consultationId}`, route: "admin.consultations.$id._index.tsx", cells: STAFF_AREA },
    { path: "/admin/consultations/999999", route: "admin.consultations.$id._index.tsx", cells: { ...STAFF_AREA, staff: 404, admin: 404 } },
    { path: `/admin/consultations/${f.consultationId}/comments?q=%3Cscript%3E&page=abc`, route: "admin.consultations.$id.comments._index.tsx", cells: STAFF_AREA },
    { path: `/admin/consultations/${f.consultationId}/comments/new`, route: "admin.consultations.$id.comments.new.tsx", cells: STAFF_AREA },
    { path: `/admin/consultations/${f.consultationId}/comments/${f.consultationCommentId}`, route: "admin.consultations.$id.comments.$commentId.tsx", cells: STAFF_AREA },
    { path: `/admin/consultations/${f.consultationId}/comments/999999`, route: "admin.consultations.$id.comments.$commentId.tsx", cells: { ...STAFF_AREA, staff: 404, admin: 404 } },
    { path: `/admin/consultations/${f.consultationId}/results`, route: "admin.consultations.$id.results.tsx", cells: STAFF_AREA },
    { path: `/admin/consultations/${f.consultationId}/results/preview`, route: "admin.consultations.$id.results_.preview.tsx", cells: STAFF_AREA },
    { path: `/admin/consultations/${f.consultationId}/export`, route: "admin.consultations.$id.export.ts", cells: STAFF_AREA },
    { path: `/admin/consultations/${f.pcDraftId}/files`, route: "admin.consultations.$id.files.tsx", cells: STAFF_AREA },
    { path: "/admin/indicators/groups", route: "admin.indicators.groups.tsx", cells: STAFF_AREA },
    { path: "/admin/districts", route: "admin.districts._index.tsx", cells: STAFF_AREA },
    { path: `/admin/districts/${f.districtId}`, route: "admin.districts.$id.tsx", cells: STAFF_AREA },
    { path: "/admin/centers", route: "admin.centers._index.tsx", cells: STAFF_AREA },
    { path: `/admin/centers/${f.centerId}`, route: "admin.centers.$id.tsx", cells: STAFF_AREA },
    { path: "/admin/centers/new", route: "admin.centers.new.tsx", cells: STAFF_AREA },
    { path: "/admin/centers/import", route: "admin.centers.import.tsx", cells: STAFF_AREA },
    { path: "/admin/centers/export", route: "admin.centers.export.tsx", cells: STAFF_AREA },
    { path: "/admin/users", route: "admin.users._index.tsx", cells: ADMIN_ONLY },
    { path: `/admin/users/${f.userId}`, route: "admin.users.$id.tsx", cells: ADMIN_ONLY },
    { path: "/admin/audit", route: "admin.audit.tsx", cells: ADMIN_ONLY },
    { path: "/admin/outbox", route: "admin.outbox._index.tsx", cells: ADMIN_ONLY },
    { path: `/admin/outbox/${f.outboxId}`, route: "admin.outbox.$id.tsx", cells: ADMIN_ONLY },
    // admin.tsx is the frame of every /admin page: the rows above pass through its loader.
    { path: "/admin/users", route: "admin.tsx", cells: ADMIN_ONLY },

    // Actions: refused before they change anything ("skip": allowed, tested in their own suites).
    ...actionRows(f),
  ];
}

/** Every action and each intent of its forms. */
function actionRows(f: Fixture): Row[] {
  const post = (path: string, route: string, cells: Cells, form: Record<string, string> = {}, extra: Partial<Row> = {}): Row => ({
    method: "POST",
    path,
    route,
    cells,
    form,
    ...extra,
  });
  const intents = (path: string, route: string, cells: Cells, names: readonly string[], form: Record<string, string> = {}) =>
    names.map((intent) => post(path, route, cells, { ...form, intent }));
  const g = `/my/groups/${f.groupId}`;
  const pc = `/admin/consultations/${f.consultationId}`;
  const pcc = `${pc}/comments/${f.consultationCommentId}`;
  const draft = `/my/groups/${f.draftId}`;
  // An action has no frame: a role without the permission is refused at once, second factor or not.
  const ADMIN_ACTION: Cells = { ...ADMIN_ONLY, staffNo2fa: 403 };
  return [
    // Public forms, whoever posts.
    post("/no-such-page", "$.tsx", all(404)),
    post("/language", "language.tsx", all({ to: "/groups" }), { lang: "en", redirectTo: "/groups" }),
    post("/contact", "contact.tsx", all(400)),
    post(`/consultations/${f.pcOpenId}`, "consultations.$id.tsx", all(400)),
    post(`/consultations/${f.pcDraftId}`, "consultations.$id.tsx", all(404)),
    // The page's loader runs after the action and sends people already logged in on.
    post("/signup", "signup.tsx", { ...all({ to: "/account" }), anonymous: 400, pending2fa: 400 }),
    post("/login", "login.tsx", { ...all({ to: "/" }), ...STAFF_LANDING, anonymous: 400, pending2fa: 400 }),
    post("/login/two-factor", "login_.two-factor.tsx", { ...all({ to: "/" }), ...STAFF_LANDING, anonymous: { to: "/login" }, pending2fa: 400 }),
    post("/logout", "logout.tsx", all({ to: "/login?notice=loggedOut" }), {}, { freshSession: true }),
    post("/password/forgot", "password.forgot.tsx", all(400)),
    post(`/password/reset/${f.resetToken}`, "password.reset.$token.tsx", all(400)),
    post("/verify-email/not-a-token", "verify-email.$token.tsx", all(404)),
    post("/invitations/not-a-token", "invitations.$token.tsx", { ...NOBODY_HERE, anonymous: "login" }),

    // One's own account.
    ...intents("/account", "account.tsx", letThrough(SIGNED_IN), ["profile", "email", "password", "revoke", "delete"]),
    post("/account", "account.tsx", { ...letThrough(SIGNED_IN, { to: "/account" }), unverified: { to: "/account?notice=verificationSent" } }, { intent: "resend" }),
    ...intents("/account/two-factor", "account_.two-factor.tsx", letThrough(SIGNED_IN), ["enable", "regenerate", "disable"]),

    // Groups of one's own.
    ...intents("/groups/new", "groups.new.tsx", letThrough(SUBMIT), ["draft", "submit"]),
    // Leaving: G's only representative is refused (409); the editor would really leave.
    post(g, "my.groups.$id._index.tsx", { ...MEMBERS_OF_G, representative: "conflict", editor: "skip" }),
    post(draft, "my.groups.$id._index.tsx", NOBODY_HERE),
    ...intents(`${g}/edit`, "my.groups.$id.edit.tsx", letThrough(MEMBERS_OF_G), ["draft", "submit"]),
    post(`${draft}/edit`, "my.groups.$id.edit.tsx", NOBODY_HERE, { intent: "draft", name: "乗っ取り" }),
    post(`${g}/members`, "my.groups.$id.members.tsx", { ...REPRESENTATIVES_OF_G, representative: "skip" }, {
      intent: "invite",
      email: "matrix@example.jp",
      role: "representative",
    }),
    ...intents(`${g}/members`, "my.groups.$id.members.tsx", letThrough(REPRESENTATIVES_OF_G), ["invite", "cancel", "role", "remove"]),
    ...intents(`${draft}/members`, "my.groups.$id.members.tsx", NOBODY_HERE, ["invite", "cancel", "role", "remove"]),
    post(`${g}/renew`, "my.groups.$id.renew.tsx", letThrough(REPRESENTATIVES_OF_G)),
    post(`${draft}/renew`, "my.groups.$id.renew.tsx", NOBODY_HERE),
    // A reason without the confirmation: the representative's withdrawal is refused as invalid.
    post(`${g}/withdraw`, "my.groups.$id.withdraw.tsx", letThrough(REPRESENTATIVES_OF_G), { reason: "matrix" }),
    post(`${draft}/withdraw`, "my.groups.$id.withdraw.tsx", NOBODY_HERE, { reason: "matrix", confirm: "on" }),

    // The staff area.
    ...intents(`/admin/groups/${f.groupId}`, "admin.groups.$id._index.tsx", letThrough(STAFF_AREA), ["approve", "reject", "request", "approveRenewal", "rejectRenewal"]),
    post(`/admin/groups/${f.groupId}/cancel`, "admin.groups.$id.cancel.tsx", { ...STAFF_AREA, staff: "skip", admin: "skip" }, { reason: "matrix" }),
    post(`/admin/groups/${f.groupId}/correct`, "admin.groups.$id.correct.tsx", letThrough(STAFF_AREA)),
    post(`/admin/districts/${f.districtId}`, "admin.districts.$id.tsx", letThrough(STAFF_AREA)),
    // Public comment's staff pages: empty forms are refused as invalid (400); announcing or taking
    // back an open consultation is refused as not possible now (409).
    post("/admin/consultations/new", "admin.consultations.new.tsx", letThrough(STAFF_AREA)),
    ...intents(pc, "admin.consultations.$id._index.tsx", letThrough(STAFF_AREA), ["save", "withdraw"]),
    ...intents(pc, "admin.consultations.$id._index.tsx", letThrough(STAFF_AREA, "conflict"), ["schedule", "unschedule"]),
    post(`${pc}/comments/new`, "admin.consultations.$id.comments.new.tsx", letThrough(STAFF_AREA)),
    ...intents(pcc, "admin.consultations.$id.comments.$commentId.tsx", letThrough(STAFF_AREA), ["mark", "withhold", "unwithhold"]),
    post(pcc, "admin.consultations.$id.comments.$commentId.tsx", letThrough(STAFF_AREA), { intent: "assign", opinionId: "x" }),
    post(pcc, "admin.consultations.$id.comments.$commentId.tsx", { ...STAFF_AREA, staff: "skip", admin: "skip" }, { intent: "unmark" }),
    ...intents(`${pc}/results`, "admin.consultations.$id.results.tsx", letThrough(STAFF_AREA), ["opinion", "deleteOpinion", "change", "deleteChange", "publish"]),
    ...intents(`/admin/consultations/${f.pcDraftId}/files`, "admin.consultations.$id.files.tsx", letThrough(STAFF_AREA), ["add", "remove"]),
    post(`/admin/centers/${f.centerId}`, "admin.centers.$id.tsx", letThrough(STAFF_AREA)),
    post("/admin/centers/new", "admin.centers.new.tsx", { ...STAFF_AREA, staff: "skip", admin: "skip" }, { name: "行列センター" }),
    ...intents("/admin/centers/import", "admin.centers.import.tsx", letThrough(STAFF_AREA), ["preview", "apply"]),
    post(`/admin/users/${f.userId}`, "admin.users.$id.tsx", { ...ADMIN_ACTION, admin: "skip" }, { intent: "role", role: "admin", reason: "matrix" }),
    ...intents(`/admin/users/${f.userId}`, "admin.users.$id.tsx", letThrough(ADMIN_ACTION), ["role", "deactivate", "reactivate", "link", "unlink"]),
  ];
}

const describeCell = (outcome: Outcome) => (typeof outcome === "object" ? `→ ${outcome.to}` : String(outcome));

function check(res: HttpResponse, outcome: Exclude<Outcome, "skip">, path: string): string | null {
  const location = typeof res.headers.location === "string" ? res.headers.location : "";
  const got = res.status >= 300 && res.status < 400 ? `${res.status} → ${location}` : String(res.status);
  const ok = (() => {
    if (typeof outcome === "number") return res.status === outcome;
    if (outcome === "invalid") return res.status === 400;
    if (outcome === "conflict") return res.status === 409;
    if (res.status !== 302) return false;
    switch (outcome) {
      case "login":
        return location === `/login?redirectTo=${encodeURIComponent(path)}`;
      case "second":
        return location === "/login/two-factor";
      case "setup2fa":
        return location === "/account/two-factor?required=1";
      case "verify":
        return location === "/account?verify=required";
      default:
        return location === outcome.to;
    }
  })();
  return ok ? null : `expected ${describeCell(outcome)}, got ${got}`;
}

export function defineRoleMatrixSuite(databaseUrl: () => string) {
  let server: ServerProcess;
  let serverStarting: Promise<ServerProcess> | undefined;
  let fixture: Fixture;
  const cookies = {} as Record<Who, string>;
  /** A new session of the person, as their cookie ("" for anonymous). */
  let sessionCookie: (who: Who) => Promise<string>;
  let uploadDir: string;
  let support: typeof import("./group-review-support.ts");

  beforeAll(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-matrix-uploads-"));
    process.env.UPLOAD_DIR = uploadDir;
    // The server starts while the fixture is written (it keeps nothing of the data from its start).
    serverStarting = startServer({ databaseUrl: databaseUrl(), env: { UPLOAD_DIR: uploadDir, LOG_LEVEL: "warn" } });
    serverStarting.catch(() => {});
    support = await import("./group-review-support.ts");
    const { db, at, makePerson, profile, submitNewGroup, addMember } = support;
    const { setClock } = await import("../../app/platform/clock.server.ts");
    const { createSession } = await import("../../app/auth/session.server.ts");
    const { saveUpload } = await import("../../app/platform/uploads/index.server.ts");
    const { decideVersion } = await import("../../app/groups/review.server.ts");
    const { createGroup, inviteMember } = await import("../../app/groups/editor.server.ts");
    const { issueToken } = await import("../../app/accounts/user.server.ts");

    const png = () => {
      // A 1×1 PNG, distinct bytes each time (a text chunk) so the two uploads are two files.
      const base = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
      return { bytes: new Uint8Array(base), format: "png" as const };
    };

    // Groups (the registry's own functions, at a fixed date in FY2026).
    at("2026-06-01T09:00:00");
    const staff = await makePerson("staff");
    const admin = await makePerson("admin");
    const representative = await makePerson("resident", "rep");
    const editor = await makePerson("resident", "editor");
    const owner = await makePerson("resident", "owner");
    const logo = await saveUpload(png());
    const groupId = await submitNewGroup(representative, await profile({ name: "碓氷見守り隊", representativeName: "非公開 代表者" }));
    await db.groupVersion.updateMany({ where: { groupId }, data: { logoFile: logo } });
    const version = await db.groupVersion.findFirstOrThrow({ where: { groupId, status: "submitted" } });
    expect(await decideVersion(staff, groupId, version.id, "approve", "登録しました。")).toEqual({ ok: true });
    await addMember(groupId, editor, "editor");

    const draftLogo = (await saveUpload({ ...png(), bytes: new Uint8Array([...png().bytes, 0]) }));
    const draft = await createGroup(owner, { profile: await profile({ name: "秘密の下書きの会" }), submit: false, logo: { kind: "replace", file: draftLogo } });
    if (!draft.ok) throw new Error(JSON.stringify(draft));

    at("2024-06-01T09:00:00");
    const lapsedId = await submitNewGroup(owner, await profile({ name: "昔の会" }));
    const lapsedVersion = await db.groupVersion.findFirstOrThrow({ where: { groupId: lapsedId, status: "submitted" } });
    expect(await decideVersion(staff, lapsedId, lapsedVersion.id, "approve", "登録しました。")).toEqual({ ok: true });

    // People and their sessions, at the real time (sessions end after inactivity).
    setClock(null);
    const districtIds = await support.ensureDistricts();
    const resident = await makePerson("resident", "resident");
    const unverified = await makePerson("resident", "unverified");
    await db.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
    const district = await makePerson("resident", "district");
    await db.districtMembership.create({ data: { userId: district.id, districtId: districtIds[0] } });
    const pending = await makePerson("staff", "pending");
    const staffNo2fa = await makePerson("staff", "no2fa");
    await db.user.update({ where: { id: staffNo2fa.id }, data: { totpSecret: null, totpEnabledAt: null } });

    const people: Record<Exclude<Who, "anonymous">, { id: string }> = {
      resident,
      unverified,
      district,
      representative,
      editor,
      pending2fa: pending,
      staffNo2fa,
      staff,
      admin,
    };
    sessionCookie = async (who) => {
      if (who === "anonymous") return "";
      const { token } = await createSession(people[who].id, { twoFactorVerified: who !== "pending2fa", device: "matrix" });
      return `portal_session=${token}`;
    };
    for (const who of WHO) cookies[who] = await sessionCookie(who);

    const center = await db.communityCenter.create({ data: { name: "安中一区住民センター", districts: { create: { districtId: districtIds[0] } } } });
    // A consultation open now (by the real clock the server runs on), with one comment.
    const consultation = await db.consultation.create({
      data: { title: "行列の案件", state: "scheduled", draft: "## 第1章\n\n本文", opensAt: new Date(Date.now() - 7 * 86_400_000), closesAt: new Date(Date.now() + 30 * 86_400_000), sections: { create: { number: 1, heading: "第1章" } } },
    });
    const consultationComment = await db.consultationComment.create({
      data: { consultationId: consultation.id, receiptNumber: `PC${consultation.id}-0001`, receivedAt: new Date(), channel: "online", body: "行列の意見", category: "resident", name: "行列 花子" },
    });
    const invitee = `invitee.${randomBytes(3).toString("hex")}@example.jp`;
    expect(await inviteMember(representative, groupId, { email: invitee, role: "editor" })).toEqual({ ok: true });
    const invitationMail = await db.outboxMail.findFirstOrThrow({ where: { to: invitee } });
    const { lastMailTo } = await import("./helpers/delivered-mail.ts");
    const invitationText = (await lastMailTo(db, invitee)).text;
    const invitationToken = /\/invitations\/([^\s/?#]+)/.exec(invitationText)?.[1];
    if (!invitationToken) throw new Error(`no invitation link in ${invitationText}`);

    const { periodInstants } = await import("../../app/consultations/rules.ts");
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const pcOpen = await db.consultation.create({ data: { title: "公開中の案", state: "scheduled", draft: "## 第1章\n\n本文", ...periodInstants(day(-3), day(30)) } });
    const pcDraft = await db.consultation.create({ data: { title: "秘密の下書きの案", state: "draft", draft: "本文" } });
    const { makePdf } = await import("../support/pdf.ts");
    const pdfFile = async (consultationId: number) => {
      const bytes = await makePdf();
      const upload = await saveUpload({ bytes, format: "pdf" });
      return (await db.consultationFile.create({ data: { consultationId, kind: "draft", title: "案", upload, bytes: bytes.length } })).id;
    };

    fixture = {
      pcOpenId: pcOpen.id,
      pcDraftId: pcDraft.id,
      pcOpenFileId: await pdfFile(pcOpen.id),
      pcDraftFileId: await pdfFile(pcDraft.id),
      groupId,
      draftId: draft.groupId,
      lapsedId,
      logo,
      draftLogo,
      districtId: districtIds[0],
      centerId: center.id,
      consultationId: consultation.id,
      consultationCommentId: consultationComment.id,
      userId: resident.id,
      outboxId: invitationMail.id,
      verifyToken: await issueToken(unverified.id, "verify-email", (await db.user.findUniqueOrThrow({ where: { id: unverified.id } })).email),
      resetToken: await issueToken(resident.id, "reset-password", (await db.user.findUniqueOrThrow({ where: { id: resident.id } })).email),
      invitationToken,
      secrets: { draftName: "秘密の下書きの会", privateName: "非公開 代表者", emails: [representative.email, editor.email, owner.email, resident.email] },
    };

    server = await serverStarting;
  }, 120_000);

  afterAll(async () => {
    await (await serverStarting?.catch(() => undefined))?.stop();
    if (uploadDir) fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  it("every person gets what they may, and only that, from every page", { timeout: 300_000 }, async () => {
    const { db } = support;
    // What the refused actions below would change, were they let through.
    const snapshot = async () => ({
      role: (await db.user.findUniqueOrThrow({ where: { id: fixture.userId } })).role,
      members: await db.groupMembership.count({ where: { groupId: fixture.groupId } }),
      invitations: await db.groupInvitation.count(),
      centers: await db.communityCenter.count(),
      draftName: (await db.groupVersion.findFirstOrThrow({ where: { groupId: fixture.draftId } })).name,
      state: (await db.group.findUniqueOrThrow({ where: { id: fixture.groupId } })).state,
    });
    const before = await snapshot();

    const failures: string[] = [];
    let requests = 0;
    const ask = async (row: Row, who: Who) => {
      const outcome = row.cells[who];
      if (outcome === "skip") return;
      const cookie = row.freshSession ? await sessionCookie(who) : cookies[who];
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
      const res =
        row.method === "POST"
          ? await request(server, row.path, { method: "POST", form: row.form ?? {}, headers: { ...headers, Origin: server.url } })
          : await request(server, row.path, { headers });
      requests++;
      const label = `${row.method ?? "GET"} ${row.path} as ${who}`;
      const wrong = check(res, outcome, row.path);
      if (wrong) failures.push(`${label}: ${wrong}`);
      if (res.status >= 500) failures.push(`${label}: server error`);
      // What a refusal or a public page says must not reveal what the person may not see.
      const restricted = row.public || (res.status >= 300 && outcome !== "invalid" && outcome !== "conflict");
      if (restricted) {
        const secrets = [fixture.secrets.draftName, fixture.secrets.privateName, ...fixture.secrets.emails];
        for (const secret of secrets) if (res.text.includes(secret)) failures.push(`${label}: shows ${secret}`);
      }
    };
    const table = rows(fixture);
    // The pages first, eight requests at a time in any order (their loaders change nothing a
    // cell depends on), so the server is not idle while this process checks an answer…
    const pages = table.filter((row) => row.method !== "POST").flatMap((row) => WHO.map((who) => [row, who] as const));
    let next = 0;
    const asker = async () => {
      while (next < pages.length) {
        const [row, who] = pages[next++];
        await ask(row, who);
      }
    };
    await Promise.all(Array.from({ length: 8 }, asker));
    // …then the actions (the table lists them after the pages), a row at a time: every person
    // posts from the same address, so the public forms' limits start afresh for each row; the
    // row's people post at once (the same number of posts against the limits either way).
    for (const row of table.filter((r) => r.method === "POST")) {
      await db.rateLimitCounter.deleteMany();
      await Promise.all(WHO.map((who) => ask(row, who)));
    }
    // In the table's order whatever order the answers came in.
    const order = new Map<string, number>(table.flatMap((row, r) => WHO.map((who, w) => [`${row.method ?? "GET"} ${row.path} as ${who}`, r * WHO.length + w] as const)));
    const rank = (failure: string) => order.get(failure.slice(0, failure.indexOf(": "))) ?? Infinity;
    failures.sort((a, b) => rank(a) - rank(b));
    expect(failures, failures.join("\n")).toEqual([]);
    expect(requests).toBeGreaterThan(1000);

    // The refused actions changed nothing.
    expect(await snapshot()).toEqual(before);
  });

  it("the registry's and the accounts' functions reach only what the person's roles reach, whatever a route checked", async () => {
    // The actors the routes would pass, from the same sessions.
    const { validateSessionToken } = await import("../../app/auth/session.server.ts");
    const { actorOf } = await import("../../app/auth/guards.server.ts");
    const editor = await import("../../app/groups/editor.server.ts");
    const review = await import("../../app/groups/review.server.ts");
    const { renewalPage, submitRenewal } = await import("../../app/groups/renewal.server.ts");
    const users = await import("../../app/accounts/user-admin.server.ts");
    const { db } = support;
    const draftVersion = await db.groupVersion.findFirstOrThrow({ where: { groupId: fixture.draftId } });
    const invite = { email: "scope@example.jp", role: "editor" as const };
    const found = (value: unknown) => value !== null && !(typeof value === "object" && value && "notFound" in value);

    const wrong: string[] = [];
    const expectThat = (who: Who, what: string, got: boolean, want: boolean) => {
      if (got !== want) wrong.push(`${who}: ${what}: expected ${want}, got ${got}`);
    };
    for (const who of WHO.filter((w) => w !== "anonymous")) {
      const session = await validateSessionToken(cookies[who].replace(/^portal_session=/, ""));
      if (!session) throw new Error(`no session for ${who}`);
      const actor = actorOf(session);
      // The session's second step is the guards' business; the functions go by the roles.
      const staff = ["staff", "admin", "pending2fa"].includes(who);

      // Another person's draft: no member function reaches it, for anybody here.
      expectThat(who, "draft status", found(await editor.getGroupStatus(actor, fixture.draftId)), false);
      expectThat(who, "draft edit", found(await editor.getGroupForEdit(actor, fixture.draftId)), false);
      expectThat(who, "draft members", found(await editor.getMembersPage(actor, fixture.draftId)), false);
      expectThat(who, "draft renewal", found(await renewalPage(actor, fixture.draftId)), false);
      expectThat(who, "draft renewal submitted", found(await submitRenewal(actor, fixture.draftId)), false);
      expectThat(who, "draft invitation", found(await editor.inviteMember(actor, fixture.draftId, invite)), false);
      expectThat(who, "draft withdrawn", found(await editor.withdrawGroup(actor, fixture.draftId, "scope")), false);
      expectThat(who, "draft left", found(await editor.leaveGroup(actor, fixture.draftId)), false);
      // Staff reach it through group:review:any (a draft is not submitted: a conflict, not a decision).
      expectThat(who, "draft review detail", found(await review.groupReviewDetail(actor, fixture.draftId)), staff);
      expectThat(who, "draft found by name", (await review.findGroupsForStaff(actor, "秘密の下書き")).length > 0, staff);
      const decision = await review.decideVersion(actor, fixture.draftId, draftVersion.id, "approve", "");
      expectThat(who, "draft decision reaches the group", !("error" in decision && decision.error === "notFound"), staff);
      expectThat(who, "G correction form", found(await review.correctionDefaults(actor, fixture.groupId)), staff);

      // G: its members by their role in it.
      expectThat(who, "G status", found(await editor.getGroupStatus(actor, fixture.groupId)), who === "representative" || who === "editor");
      expectThat(who, "G members", found(await editor.getMembersPage(actor, fixture.groupId)), who === "representative");
      expectThat(who, "G renewal", found(await renewalPage(actor, fixture.groupId)), who === "representative");

      // Accounts: admins only.
      const admin = who === "admin";
      expectThat(who, "a user's record", found(await users.getUserForAdmin(actor, fixture.userId)), admin);
      expectThat(who, "the user list", (await users.listUsers(actor, {})).total > 0, admin);
      expectThat(who, "the audit log's actors", (await users.listAuditActors(actor)).length > 0, admin);
      // Another active resident (nobody changes their own status): "active" again changes nothing.
      const other = await db.user.findFirstOrThrow({ where: { id: { not: actor.id }, role: "resident", active: true } });
      expectThat(who, "a user's status change reaches the user", found(await users.setUserActive(actor, other.id, true, "scope")), admin);
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
    // Nothing above changed the draft or G.
    expect((await db.groupVersion.findUniqueOrThrow({ where: { id: draftVersion.id } })).status).toBe("draft");
    expect((await db.group.findUniqueOrThrow({ where: { id: fixture.groupId } })).state).toBe("active");
  });

  it("staff pages show the draft only to staff, and personal data only to those allowed", async () => {
    // The positive side of the body checks above: the secrets are really in the database and
    // reach the people who may see them, so "not shown" above means something.
    const get = (who: Who, p: string) => request(server, p, { headers: cookies[who] ? { Cookie: cookies[who] } : {} });
    expect((await get("staff", `/admin/groups/${fixture.draftId}`)).text).toContain(fixture.secrets.draftName);
    expect((await get("representative", `/my/groups/${fixture.groupId}/edit`)).text).toContain(fixture.secrets.privateName);
    expect((await get("admin", `/admin/users/${fixture.userId}`)).text).toContain(fixture.secrets.emails[3]);
    expect((await get("admin", `/admin/users/${fixture.userId}`)).status).toBe(200);
    for (const who of ["resident", "district", "staff"] as const) {
      const res = await get(who, `/admin/users/${fixture.userId}`);
      expect(res.text).not.toContain(fixture.secrets.emails[3]);
    }
  });

  it("covers every page that exists, every action and every intent its forms post", async () => {
    const dir = path.resolve(import.meta.dirname, "../../app/routes");
    const files = fs.readdirSync(dir).sort();
    const table = rows(fixture);
    const covered = new Set(table.map((r) => r.route));
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
    expect([...covered].filter((r) => !files.includes(r))).toEqual([]);

    const gaps: string[] = [];
    for (const file of files) {
      const route = (await import(path.join(dir, file))) as { action?: unknown; INTENTS?: readonly string[] };
      const posted = table.filter((r) => r.route === file && r.method === "POST").map((r) => r.form?.intent);
      if (typeof route.action !== "function") {
        if (posted.length) gaps.push(`${file}: POST rows, but the route has no action`);
        continue;
      }
      // An action that reads an intent must say which: that list is what the rows are checked against.
      if (!route.INTENTS && /\.get\(["']intent["']\)/.test(fs.readFileSync(path.join(dir, file), "utf8"))) gaps.push(`${file}: reads an intent but exports no INTENTS`);
      const declared: readonly (string | undefined)[] = route.INTENTS ?? [undefined];
      for (const intent of declared) if (!posted.includes(intent)) gaps.push(`${file}: no POST row for ${intent === undefined ? "its form" : `intent "${intent}"`}`);
      for (const intent of posted) if (!declared.includes(intent)) gaps.push(`${file}: a POST row for intent "${intent}", which the route does not declare`);
    }
    expect(gaps).toEqual([]);
  });
}
