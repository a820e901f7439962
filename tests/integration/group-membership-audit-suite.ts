/**
 * The audit log of group membership changes against a real database: each invitation sent,
 * revoked or accepted, each change of role, removal and departure (also by deleting the
 * account), and the withdrawal write exactly one entry with the right actor, action and group,
 * naming people by account id only, never by name or address; a refused or empty change writes
 * none. Then the admin area over HTTP (production build, TEST_CLOCK): the audit log labels and
 * filters the new actions in Japanese and English, and the group's history shows them.
 * Shared by group-membership-audit.test.ts (SQLite) and group-membership-audit.postgresql.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deleteAccount } from "../../app/accounts/account.server.ts";
import type { AuditAction } from "../../app/platform/audit-actions.ts";
import {
  acceptInvitation,
  cancelInvitation,
  changeMemberRole,
  inviteMember,
  leaveGroup,
  removeMember,
  withdrawGroup,
} from "../../app/groups/editor.server.ts";
import { setClock } from "../../app/platform/clock.server.ts";
import { addMember, at, cookieFor, db, makePerson, submitNewGroup, type Person } from "./group-review-support.ts";
import { deliveredMailTo } from "./helpers/delivered-mail.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";

const CLOCK = "2026-06-01T00:00:00.000Z";

type Entry = Awaited<ReturnType<typeof db.auditEntry.findFirstOrThrow>>;

export function defineGroupMembershipAuditSuite(databaseUrl: () => string) {
  let rep: Person;
  let groupId: number;
  /** Names and addresses that must never appear in an audit entry. */
  const personal = new Set<string>();

  async function person(label: string): Promise<Person> {
    const p = await makePerson("resident", label);
    const user = await db.user.findUniqueOrThrow({ where: { id: p.id }, select: { displayName: true } });
    personal.add(p.email);
    personal.add(user.displayName);
    return p;
  }

  const allEntries = () => db.auditEntry.findMany({ orderBy: [{ at: "asc" }, { id: "asc" }] });

  /** Runs a change and returns the audit entries it wrote. */
  async function written(change: () => Promise<unknown>): Promise<Entry[]> {
    const before = new Set((await allEntries()).map((e) => e.id));
    await change();
    return (await allEntries()).filter((e) => !before.has(e.id));
  }

  /** Exactly one entry, of this action, by this actor, about this group, with nothing personal. */
  function single(entries: Entry[], action: AuditAction, actor: Person | null, group: number): Record<string, unknown> {
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ action, actorId: actor?.id ?? null, actorRole: actor?.role ?? "system", targetType: "group", targetId: String(group) });
    const text = JSON.stringify(entry);
    for (const value of personal) expect(text).not.toContain(value);
    return JSON.parse(entry.details) as Record<string, unknown>;
  }

  async function invitationToken(email: string): Promise<string> {
    const mails = await deliveredMailTo(db, email); // the outbox keeps no live token (decision 0023)
    const token = /\/invitations\/([a-z0-9]+)/.exec(mails.at(-1)?.text ?? "")?.[1];
    if (!token) throw new Error(`no invitation mail to ${email}`);
    return token;
  }

  async function accept(p: Person, token: string) {
    return acceptInvitation(token, p);
  }

  beforeAll(async () => {
    at("2026-06-01T09:00:00");
    rep = await person("rep");
    groupId = await submitNewGroup(rep);
  });

  beforeEach(async () => {
    await db.rateLimitCounter.deleteMany();
  });

  afterAll(() => {
    setClock(null);
  });

  describe("invitations", () => {
    it("sending one writes group.invitation_sent with the invitation's id and role, not the address", async () => {
      const email = "invited.once@example.jp";
      personal.add(email);
      const entries = await written(() => inviteMember(rep, groupId, { email, role: "editor" }));
      const invitation = await db.groupInvitation.findFirstOrThrow({ where: { groupId, email } });
      expect(single(entries, "group.invitation_sent", rep, groupId)).toEqual({ invitationId: invitation.id, role: "editor", replacedInvitationIds: [] });
    });

    it("inviting the same address again records the invitation it replaces", async () => {
      const email = "invited.twice@example.jp";
      personal.add(email);
      await inviteMember(rep, groupId, { email, role: "editor" });
      const first = await db.groupInvitation.findFirstOrThrow({ where: { groupId, email } });
      const entries = await written(() => inviteMember(rep, groupId, { email, role: "representative" }));
      const second = await db.groupInvitation.findFirstOrThrow({ where: { groupId, email } });
      expect(second.id).not.toBe(first.id);
      expect(single(entries, "group.invitation_sent", rep, groupId)).toEqual({
        invitationId: second.id,
        role: "representative",
        replacedInvitationIds: [first.id],
      });
    });

    it("an invitation refused (already a member, or not a representative) writes nothing", async () => {
      const editor = await person("editor");
      await addMember(groupId, editor, "editor");
      expect(await written(() => inviteMember(rep, groupId, { email: editor.email, role: "editor" }))).toEqual([]);
      expect(await written(() => inviteMember(editor, groupId, { email: "nobody@example.jp", role: "editor" }))).toEqual([]);
      await removeMember(rep, groupId, editor.id);
    });

    it("revoking one writes group.invitation_revoked once; revoking it again writes nothing", async () => {
      const email = "revoked@example.jp";
      personal.add(email);
      await inviteMember(rep, groupId, { email, role: "editor" });
      const invitation = await db.groupInvitation.findFirstOrThrow({ where: { groupId, email } });
      const entries = await written(() => cancelInvitation(rep, groupId, invitation.id));
      expect(single(entries, "group.invitation_revoked", rep, groupId)).toEqual({ invitationId: invitation.id, role: "editor" });
      expect(await db.groupInvitation.count({ where: { id: invitation.id } })).toBe(0);
      expect(await written(() => cancelInvitation(rep, groupId, invitation.id))).toEqual([]);
    });

    it("accepting one writes group.invitation_accepted by the new member; the spent link writes nothing", async () => {
      const newcomer = await person("newcomer");
      await inviteMember(rep, groupId, { email: newcomer.email, role: "editor" });
      const token = await invitationToken(newcomer.email);
      const invitation = await db.groupInvitation.findFirstOrThrow({ where: { groupId, email: newcomer.email } });
      let result: unknown;
      const entries = await written(async () => {
        result = await accept(newcomer, token);
      });
      expect(result).toEqual({ ok: true, groupId });
      expect(single(entries, "group.invitation_accepted", newcomer, groupId)).toEqual({
        invitationId: invitation.id,
        userId: newcomer.id,
        invitedRole: "editor",
        from: null,
        to: "editor",
      });
      expect(await written(() => accept(newcomer, token))).toEqual([]);
      await removeMember(rep, groupId, newcomer.id);
    });

    it("an editor invited as representative is promoted, and the entry says so", async () => {
      const editor = await person("promoted");
      // Invited as representative, then made an editor some other way before accepting.
      await inviteMember(rep, groupId, { email: editor.email, role: "representative" });
      await addMember(groupId, editor, "editor");
      const entries = await written(async () => accept(editor, await invitationToken(editor.email)));
      expect(single(entries, "group.invitation_accepted", editor, groupId)).toMatchObject({ userId: editor.id, from: "editor", to: "representative" });
      await removeMember(rep, groupId, editor.id);
    });
  });

  describe("members", () => {
    let member: Person;

    beforeAll(async () => {
      member = await person("member");
      await addMember(groupId, member, "editor");
    });

    it("a change of role writes group.member_role_changed with from and to; the same role writes nothing", async () => {
      const up = await written(() => changeMemberRole(rep, groupId, member.id, "representative"));
      expect(single(up, "group.member_role_changed", rep, groupId)).toEqual({ userId: member.id, from: "editor", to: "representative" });
      const down = await written(() => changeMemberRole(rep, groupId, member.id, "editor"));
      expect(single(down, "group.member_role_changed", rep, groupId)).toEqual({ userId: member.id, from: "representative", to: "editor" });
      expect(await written(() => changeMemberRole(rep, groupId, member.id, "editor"))).toEqual([]);
    });

    it("a refused change (the last representative stepping down, an editor acting) writes nothing", async () => {
      const last = await written(() => changeMemberRole(rep, groupId, rep.id, "editor"));
      expect(last).toEqual([]);
      expect(await db.groupMembership.findUniqueOrThrow({ where: { groupId_userId: { groupId, userId: rep.id } } })).toMatchObject({ role: "representative" });
      expect(await written(() => removeMember(member, groupId, rep.id))).toEqual([]);
      expect(await written(() => leaveGroup(rep, groupId))).toEqual([]);
    });

    it("removing a member writes group.member_removed by the representative", async () => {
      const other = await person("removed");
      await addMember(groupId, other, "editor");
      const entries = await written(() => removeMember(rep, groupId, other.id));
      expect(single(entries, "group.member_removed", rep, groupId)).toEqual({ userId: other.id, role: "editor" });
      expect(await db.groupMembership.count({ where: { groupId, userId: other.id } })).toBe(0);
    });

    it("leaving writes group.member_left by the member, from the status page or the members page", async () => {
      const entries = await written(() => leaveGroup(member, groupId));
      expect(single(entries, "group.member_left", member, groupId)).toEqual({ userId: member.id, role: "editor" });
      const second = await person("second");
      await addMember(groupId, second, "representative");
      const self = await written(() => removeMember(second, groupId, second.id));
      expect(single(self, "group.member_left", second, groupId)).toEqual({ userId: second.id, role: "representative" });
    });
  });

  describe("account deletion", () => {
    it("ends each membership with one group.member_left entry, and leaves no name or address behind", async () => {
      const leaving = await person("leaving");
      const otherGroup = await submitNewGroup(rep);
      // Joined by an invitation (accepted), and invited to another group (not yet accepted).
      await inviteMember(rep, groupId, { email: leaving.email, role: "editor" });
      const invitation = await db.groupInvitation.findFirstOrThrow({ where: { groupId, email: leaving.email } });
      await db.groupInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
      await inviteMember(rep, otherGroup, { email: leaving.email, role: "editor" });
      await addMember(groupId, leaving, "editor");
      await addMember(otherGroup, leaving, "representative");
      const entries = await written(async () => expect(await deleteAccount(leaving.id)).toEqual({ ok: true }));
      expect(entries.map((e) => e.action).sort()).toEqual(["account.deleted", "group.member_left", "group.member_left"]);
      const left = entries.filter((e) => e.action === "group.member_left");
      expect(left.map((e) => e.targetId).sort()).toEqual([String(groupId), String(otherGroup)].sort());
      for (const e of left) {
        // The account is gone: the actor is the deleted account of a resident, named by nothing.
        expect(e).toMatchObject({ actorId: null, actorRole: "resident", targetType: "group" });
        const details = JSON.parse(e.details) as Record<string, unknown>;
        expect(details).toEqual({ userId: leaving.id, role: e.targetId === String(groupId) ? "editor" : "representative", accountDeleted: true });
      }
      expect(await db.groupMembership.count({ where: { userId: leaving.id } })).toBe(0);
      expect(await db.groupInvitation.count({ where: { email: leaving.email } })).toBe(0);
      const everything = JSON.stringify(await allEntries());
      for (const value of personal) expect(everything).not.toContain(value);
    });
  });

  describe("withdrawal", () => {
    it("is one group.withdrawn entry that also counts the invitations it revoked", async () => {
      const group = await submitNewGroup(rep);
      await inviteMember(rep, group, { email: "never.accepted@example.jp", role: "editor" });
      personal.add("never.accepted@example.jp");
      const entries = await written(() => withdrawGroup(rep, group, "活動を終えました"));
      expect(single(entries, "group.withdrawn", rep, group)).toMatchObject({ revokedInvitations: 1, withdrawnRegistrations: 1, withdrawnVersions: 1 });
      expect(entries[0].reason).toBe("活動を終えました");
    });
  });

  describe("the admin area (production server, TEST_CLOCK)", () => {
    let server: ServerProcess;
    let admin: string;
    let staff: string;

    beforeAll(async () => {
      setClock(new Date(CLOCK));
      admin = await cookieFor(await makePerson("admin"));
      staff = await cookieFor(await makePerson("staff"));
      server = await startServer({ databaseUrl: databaseUrl(), env: { TEST_CLOCK: CLOCK } });
    });

    afterAll(async () => {
      await server?.stop();
    });

    const get = (path: string, cookie: string, lang = "ja") => request(server, path, { headers: { Cookie: cookie, "Accept-Language": lang } });

    it("labels the new actions in Japanese and English, and filters by each of them", async () => {
      const labels: [AuditAction, string, string][] = [
        ["group.invitation_sent", "メンバーを招待", "Member invited"],
        ["group.invitation_revoked", "招待を取り消し", "Invitation cancelled"],
        ["group.invitation_accepted", "招待を受けて参加", "Invitation accepted"],
        ["group.member_role_changed", "メンバーの役割を変更", "Member&#x27;s role changed"],
        ["group.member_removed", "メンバーを除外", "Member removed"],
        ["group.member_left", "メンバーが脱退", "Member left"],
        ["group.withdrawn", "登録を取り下げ", "Registration withdrawn"],
      ];
      for (const [action, ja, en] of labels) {
        const count = await db.auditEntry.count({ where: { action } });
        expect(count, action).toBeGreaterThan(0);
        const page = await get(`/admin/audit?action=${action}`, admin);
        expect(page.status, action).toBe(200);
        expect(page.text, action).toContain(`<option value="${action}" selected="">${ja}</option>`);
        expect(page.text, action).toContain(`<th scope="row">${ja}</th>`);
        expect(page.text.split('<th scope="row">').length - 1, action).toBe(count);
        expect(page.text, action).toContain(`${count} 件の記録`);
        const english = await get(`/admin/audit?action=${action}`, admin, "en");
        expect(english.text, action).toContain(`<th scope="row">${en}</th>`);
      }
    });

    it("filters by the group target type and links each entry to the group", async () => {
      const page = await get(`/admin/audit?targetType=group&action=group.member_removed`, admin);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<option value="group" selected="">団体</option>');
      expect(page.text).toContain(`href="/admin/groups/${groupId}"`);
    });

    it("shows the membership changes in the group's history for staff", async () => {
      const page = await get(`/admin/groups/${groupId}`, staff);
      expect(page.status).toBe(200);
      for (const label of ["メンバーを招待", "招待を受けて参加", "メンバーの役割を変更", "メンバーが脱退"]) expect(page.text).toContain(label);
    });
  });
}
