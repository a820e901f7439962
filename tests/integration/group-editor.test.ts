/**
 * The representative's side of the group registry through a real server process (production
 * build, fixed TEST_CLOCK), on SQLite and PostgreSQL: registering, drafts and submission,
 * who may see and do what (404 for strangers, 403 for editors on representative pages), the
 * last-representative rule (leaving, role changes, account deletion), invitations, the
 * changes-requested round trip, a change after approval, withdrawal, logos checked by their
 * bytes, and hostile input. Build first: `npx remix vite:build`.
 */
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createAccount, fieldError, mainOf, PASSWORD, Visitor } from "./account-support.ts";
import { lastMailTo } from "./helpers/delivered-mail.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";
import { describeBothDatabases } from "./helpers/test-db.ts";

/** FY2026 (令和8年度): its registrations are valid until 2027-04-01 00:00 JST. */
const CLOCK = "2026-06-01T03:00:00.000Z";
const AT = new Date(CLOCK);
const FY2026_END = new Date("2027-03-31T15:00:00.000Z");

// A whole 1×1 PNG: uploads are decoded, so a signature alone is refused.
const PNG = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));

type Response = { status: number; location: string | null; text: string };

describeBothDatabases("group editor", (getCtx) => {
  let server: ServerProcess;
  let districtIds: number[];
  let seq = 0;

  beforeAll(async () => {
    const { client, url } = getCtx();
    server = await startServer({ databaseUrl: url, env: { TEST_CLOCK: CLOCK } });
    await client.district.createMany({
      data: [
        { code: "001", name: "安中一区", nameKana: "アンナカイック", area: "安中地区" },
        { code: "002", name: "安中二区", nameKana: "アンナカニク", area: "安中地区" },
        { code: "014", name: "原市一区", nameKana: "ハライチイック", area: "原市地区" },
      ],
    });
    districtIds = (await client.district.findMany({ orderBy: { code: "asc" } })).map((d) => d.id);
  });

  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(async () => {
    await getCtx().client.rateLimitCounter.deleteMany();
  });

  /** A new verified resident, logged in. */
  async function resident(options: { verified?: boolean } = {}) {
    const email = `resident${++seq}@example.jp`;
    const user = await createAccount(getCtx().client, { email, displayName: `住民${seq}`, at: AT, verified: options.verified });
    const visitor = new Visitor(server);
    const login = await visitor.post("/login", { email, password: PASSWORD });
    expect(login.status).toBe(302);
    return { user, visitor, email };
  }

  function profile(overrides: Record<string, string | string[]> = {}): [string, string][] {
    const base: Record<string, string | string[]> = {
      name: "安中こども食堂",
      nameKana: "あんなかこどもしょくどう",
      kind: "volunteer",
      corporateNumber: "",
      representativeName: "安中 花子",
      representativePublic: "on",
      phone: "027-382-1111",
      email: "info@kodomo.example.jp",
      website: "https://kodomo.example.jp/",
      sns: "",
      mainDistrictId: String(districtIds[0]),
      districtIds: [String(districtIds[0]), String(districtIds[1])],
      activityFields: ["1", "13"],
      purpose: "子どもが安心して過ごせる居場所をつくる",
      activities: "毎週土曜日に食事を提供しています。\n学習支援もあります。",
      foundedOn: "2015-04-01",
      memberCount: "12",
      welcomesVolunteers: "on",
      meetingPlace: "安中公民館",
      ...overrides,
    };
    return Object.entries(base).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v] as [string, string]) : [[name, value] as [string, string]]));
  }

  async function post(visitor: Visitor, path: string, form: [string, string][] | Record<string, string>): Promise<Response> {
    const res = await visitor.post(path, form);
    return { status: res.status, location: (res.headers.location as string | undefined) ?? null, text: res.text };
  }

  async function get(visitor: Visitor, path: string): Promise<Response> {
    const res = await visitor.get(path);
    return { status: res.status, location: (res.headers.location as string | undefined) ?? null, text: res.text };
  }

  /** A multipart post as a browser sends the profile form (the logo field always present). */
  async function postMultipart(visitor: Visitor, path: string, fields: [string, string][], logo?: { name: string; type: string; bytes: Uint8Array }) {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    form.append("logo", logo ? new File([new Uint8Array(logo.bytes)], logo.name, { type: logo.type }) : new File([], "", { type: "application/octet-stream" }));
    const res = await fetch(server.url + path, {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { Origin: server.url, Cookie: `portal_session=${visitor.cookie}` },
    });
    return { status: res.status, location: res.headers.get("location"), text: await res.text() };
  }

  async function createGroup(visitor: Visitor, intent: "draft" | "submit", overrides: Record<string, string | string[]> = {}) {
    const res = await post(visitor, "/groups/new", [...profile(overrides), ...(intent === "submit" ? [["consent", "on"] as [string, string]] : []), ["intent", intent]]);
    expect(res.status, res.text.slice(0, 2000)).toBe(302);
    const match = /^\/my\/groups\/(\d+)\?notice=(created|submitted)$/.exec(res.location ?? "");
    expect(match).not.toBeNull();
    return Number(match![1]);
  }

  /** What staff do elsewhere (review): approve the working version and publish it. */
  async function approve(groupId: number) {
    const { client } = getCtx();
    const version = await client.groupVersion.findFirstOrThrow({ where: { groupId }, orderBy: { id: "desc" } });
    await client.groupVersion.update({ where: { id: version.id }, data: { status: "approved", decidedAt: AT } });
    await client.group.update({ where: { id: groupId }, data: { state: "active", publishedVersionId: version.id, name: version.name, nameKana: version.nameKana } });
    const approved = await client.groupRegistration.updateMany({ where: { groupId, status: "pending" }, data: { status: "approved", decidedAt: AT, validFrom: AT } });
    if (approved.count === 0) {
      await client.groupRegistration.create({
        data: { groupId, fiscalYear: 2026, kind: "initial", status: "approved", submittedAt: AT, decidedAt: AT, validFrom: AT, validUntil: FY2026_END },
      });
    }
  }

  it("saves a draft: a draft group, its version and the creator as representative, no registration yet", async () => {
    const { user, visitor } = await resident();
    const id = await createGroup(visitor, "draft");
    const { client } = getCtx();
    const group = await client.group.findUniqueOrThrow({ where: { id }, include: { versions: true, members: true, registrations: true } });
    expect(group.state).toBe("draft");
    expect(group.publishedVersionId).toBeNull();
    expect(group.versions.map((v) => [v.status, v.nameKana, v.activityFields, v.consentAt])).toEqual([["draft", "アンナカコドモショクドウ", "[1,13]", null]]);
    expect(group.members.map((m) => [m.userId, m.role])).toEqual([[user.id, "representative"]]);
    expect(group.registrations).toEqual([]);
    const page = await get(visitor, `/my/groups/${id}?notice=created`);
    expect(page.status).toBe(200);
    expect(mainOf(page.text)).toContain("下書き（未申請）");
    const list = await get(visitor, "/my/groups");
    expect(mainOf(list.text)).toContain("安中こども食堂");
  });

  it("submits: the version under review, a pending registration for this fiscal year, editing locked", async () => {
    const { visitor } = await resident();
    const id = await createGroup(visitor, "submit");
    const { client } = getCtx();
    const version = await client.groupVersion.findFirstOrThrow({ where: { groupId: id } });
    expect(version.status).toBe("submitted");
    expect(version.submittedAt?.toISOString()).toBe(CLOCK);
    expect(version.consentAt?.toISOString()).toBe(CLOCK);
    const registrations = await client.groupRegistration.findMany({ where: { groupId: id } });
    expect(registrations.map((r) => [r.fiscalYear, r.kind, r.status, r.submittedAt.toISOString(), r.validUntil.toISOString()])).toEqual([
      [2026, "initial", "pending", CLOCK, FY2026_END.toISOString()],
    ]);
    const page = mainOf((await get(visitor, `/my/groups/${id}`)).text);
    expect(page).toContain("審査中");
    expect(page).toContain("令和8年度");
    expect(page).toContain("2027年3月31日まで");
    const edit = await get(visitor, `/my/groups/${id}/edit`);
    expect(mainOf(edit.text)).toContain("審査中のため、いまは編集できません");
    const refused = await post(visitor, `/my/groups/${id}/edit`, [...profile(), ["intent", "draft"]]);
    expect(refused.status).toBe(409);
  });

  it("asks for consent before submitting, keeps what was typed, and saves the draft without it", async () => {
    const { visitor } = await resident();
    const res = await post(visitor, "/groups/new", [...profile({ name: "同意なしの会" }), ["intent", "submit"]]);
    expect(res.status).toBe(400);
    expect(fieldError(res.text, "consent")).toBe("個人情報の利用目的への同意が必要です");
    expect(res.text).toContain('value="同意なしの会"');
    // The purpose of the personal data is on the form itself.
    expect(res.text).toContain("個人情報の利用目的");
    expect(res.text).toContain("代表者名は「代表者名を公開する」を選んだ場合だけ公開します");
  });

  it("saves a draft with only the group name; submitting it asks for every missing required field and submits nothing", async () => {
    const { visitor } = await resident();
    const { client } = getCtx();
    const saved = await post(visitor, "/groups/new", [["name", "名前だけの会"], ["intent", "draft"]]);
    expect(saved.status, mainOf(saved.text).slice(0, 500)).toBe(302);
    const id = Number(/^\/my\/groups\/(\d+)\?notice=created$/.exec(saved.location ?? "")?.[1]);
    const version = await client.groupVersion.findFirstOrThrow({ where: { groupId: id } });
    expect(version).toMatchObject({ status: "draft", name: "名前だけの会", nameKana: "", kind: "", mainDistrictId: null, memberCount: 0, foundedOn: "", activityFields: "[]" });
    expect(mainOf((await get(visitor, "/my/groups")).text)).toContain("名前だけの会");
    const view = mainOf((await get(visitor, `/my/groups/${id}`)).text);
    expect(view).toContain("下書き（未申請）");
    // The unanswered count is not given on the profile, never "0人".
    expect(view).toMatch(/<dt>会員数<\/dt><dd>（未入力）<\/dd>/);
    expect(view).not.toContain("0人");

    // The draft comes back as saved: the unanswered count is empty, not 0.
    const edit = await get(visitor, `/my/groups/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.text).toMatch(/<input[^>]*name="memberCount"[^>]*value=""/);
    expect(edit.text).toContain('value="名前だけの会"');

    // Saved again as it came back (the count still empty), it stays unanswered.
    const again = await post(visitor, `/my/groups/${id}/edit`, [["name", "名前だけの会"], ["memberCount", ""], ["purpose", "二度目の保存"], ["intent", "draft"]]);
    expect(again.status, mainOf(again.text).slice(0, 500)).toBe(302);
    const resaved = await client.groupVersion.findFirstOrThrow({ where: { groupId: id, status: "draft" } });
    expect(resaved).toMatchObject({ purpose: "二度目の保存", memberCount: 0 });
    expect((await get(visitor, `/my/groups/${id}/edit`)).text).toMatch(/<input[^>]*name="memberCount"[^>]*value=""/);
    const viewAgain = mainOf((await get(visitor, `/my/groups/${id}`)).text);
    expect(viewAgain).toMatch(/<dt>会員数<\/dt><dd>（未入力）<\/dd>/);
    expect(viewAgain).not.toContain("0人");

    const submitted = await post(visitor, `/my/groups/${id}/edit`, [["name", "名前だけの会"], ["consent", "on"], ["intent", "submit"]]);
    expect(submitted.status).toBe(400);
    for (const [field, message] of [
      ["nameKana", "入力してください"],
      ["kind", "選択肢から選んでください"],
      ["representativeName", "入力してください"],
      ["mainDistrictId", "行政区を選んでください"],
      ["activityFields", "活動分野を1つ以上選んでください"],
      ["purpose", "入力してください"],
      ["activities", "入力してください"],
      ["foundedOn", "入力してください"],
      ["memberCount", "数字で入力してください"],
    ]) {
      expect(fieldError(submitted.text, field), field).toBe(message);
    }
    expect(submitted.text).toContain('value="名前だけの会"');
    // Without JavaScript the summary's heading takes focus; the contents say which parts need a look.
    expect(mainOf(submitted.text)).toMatch(/<div class="error-summary"[^>]*><h2 tabindex="-1" autofocus="">/);
    expect(mainOf(submitted.text)).toMatch(/<a href="#section-area">活動する地域<\/a><span class="form-toc__errors">要確認 1件<\/span>/);
    expect(mainOf(submitted.text)).toMatch(/<a href="#section-contact">公開する連絡先<\/a><\/li>/);
    // Districts by area, closed (none chosen) except the first when the list is in error; NPO-only fields marked.
    expect(mainOf(edit.text)).not.toContain("autofocus");
    expect(mainOf(edit.text).match(/<details class="choice-details">/g)).toHaveLength(2);
    expect(mainOf(edit.text)).toContain('<div class="npo-only">');
    expect(await client.groupVersion.findMany({ where: { groupId: id }, select: { status: true, submittedAt: true } })).toEqual([{ status: "draft", submittedAt: null }]);
    expect(await client.groupRegistration.count({ where: { groupId: id } })).toBe(0);

    // An area holding a chosen district is open, with its count.
    const chosen = await post(visitor, "/groups/new", [["name", "原市の会"], ["districtIds", String(districtIds[2])], ["intent", "draft"]]);
    const chosenId = Number(/^\/my\/groups\/(\d+)/.exec(chosen.location ?? "")?.[1]);
    const areas = mainOf((await get(visitor, `/my/groups/${chosenId}/edit`)).text);
    expect(areas).toMatch(/<details class="choice-details"><summary id="districtIds-area-0">安中地区<span class="choice-details__count">0件選択<\/span>/);
    expect(areas).toMatch(/<details class="choice-details" open=""><summary id="districtIds-area-1">原市地区<span class="choice-details__count">1件選択<\/span>/);

    // A nameless draft is refused at the name; a draft's answers still meet their limits.
    const nameless = await post(visitor, "/groups/new", [["purpose", "名前を忘れた"], ["intent", "draft"]]);
    expect(nameless.status).toBe(400);
    expect(fieldError(nameless.text, "name")).toBe("入力してください");
    expect(nameless.text).toContain("名前を忘れた");
    for (const [fields, field, message] of [
      [[["memberCount", "3"]], "memberCount", "会員数は5人以上99999人以下で入力してください"],
      [[["sns", "data:text/html,<script>alert(1)</script>"]], "sns", "http:// 又は https:// で始まるアドレスを入力してください"],
      [[["activities", "x".repeat(4001)]], "activities", "4000文字以内で入力してください"],
      [[["foundedOn", "2099-01-01"]], "foundedOn", "今日より後の日付は入力できません"],
    ] as [[string, string][], string, string][]) {
      const res = await post(visitor, "/groups/new", [["name", "下書きの会"], ...fields, ["intent", "draft"]]);
      expect(res.status, field).toBe(400);
      expect(fieldError(res.text, field), field).toBe(message);
    }
  });

  it("shows a draft only to its members: 404 for another resident on every page, the login page for visitors", async () => {
    const { visitor } = await resident();
    const id = await createGroup(visitor, "draft", { name: "非公開の下書き" });
    const { visitor: other } = await resident();
    for (const path of [`/my/groups/${id}`, `/my/groups/${id}/edit`, `/my/groups/${id}/members`, `/my/groups/${id}/withdraw`]) {
      const res = await get(other, path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain("非公開の下書き");
    }
    for (const path of [`/my/groups/${id}`, `/my/groups/${id}/edit`, `/my/groups/${id}/withdraw`]) {
      expect((await post(other, path, [...profile(), ["intent", "draft"], ["confirm", "on"]])).status, path).toBe(404);
    }
    expect((await get(other, "/my/groups/999999")).status).toBe(404);
    expect((await get(other, "/my/groups/abc")).status).toBe(404);
    const anonymous = await request(server, `/my/groups/${id}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toMatch(/^\/login\?redirectTo=/);
    expect((await getCtx().client.groupVersion.findFirstOrThrow({ where: { groupId: id } })).name).toBe("非公開の下書き");
  });

  it("needs a confirmed address to register a group", async () => {
    const { visitor } = await resident({ verified: false });
    const res = await get(visitor, "/groups/new");
    expect(res.status).toBe(302);
    expect(res.location).toBe("/account?verify=required");
  });

  it("lets an editor save drafts but not submit, manage members or withdraw (403)", async () => {
    const { visitor: rep } = await resident();
    const id = await createGroup(rep, "draft");
    const { user: editorUser, visitor: editor } = await resident();
    await getCtx().client.groupMembership.create({ data: { groupId: id, userId: editorUser.id, role: "editor" } });

    expect((await get(editor, `/my/groups/${id}`)).status).toBe(200);
    const form = await get(editor, `/my/groups/${id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).not.toContain('value="submit"');
    const saved = await post(editor, `/my/groups/${id}/edit`, [...profile({ name: "編集者が直した名前" }), ["intent", "draft"]]);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/my/groups/${id}?notice=draftSaved`);
    const submitted = await post(editor, `/my/groups/${id}/edit`, [...profile(), ["consent", "on"], ["intent", "submit"]]);
    expect(submitted.status).toBe(409);
    expect(mainOf(submitted.text)).toContain("この操作は団体の代表者だけができます");

    expect((await get(editor, `/my/groups/${id}/members`)).status).toBe(403);
    expect((await post(editor, `/my/groups/${id}/members`, { intent: "invite", email: "x@example.jp", role: "editor" })).status).toBe(403);
    expect((await post(editor, `/my/groups/${id}/members`, { intent: "role", userId: editorUser.id, role: "representative" })).status).toBe(403);
    expect((await get(editor, `/my/groups/${id}/withdraw`)).status).toBe(403);
    expect((await post(editor, `/my/groups/${id}/withdraw`, { confirm: "on" })).status).toBe(403);

    const { client } = getCtx();
    expect((await client.group.findUniqueOrThrow({ where: { id } })).state).toBe("draft");
    expect((await client.groupMembership.findUniqueOrThrow({ where: { groupId_userId: { groupId: id, userId: editorUser.id } } })).role).toBe("editor");
    expect((await client.groupVersion.findFirstOrThrow({ where: { groupId: id } })).name).toBe("編集者が直した名前");
  });

  it("keeps at least one representative: the last one cannot leave, be demoted or removed; with two, one may leave", async () => {
    const { user, visitor } = await resident();
    const id = await createGroup(visitor, "draft");
    const leave = await post(visitor, `/my/groups/${id}`, {});
    expect(leave.status).toBe(409);
    expect(mainOf(leave.text)).toContain("団体には代表者が少なくとも1人必要です");
    const demote = await post(visitor, `/my/groups/${id}/members`, { intent: "role", userId: user.id, role: "editor" });
    expect(demote.status).toBe(409);
    expect(mainOf(demote.text)).toContain("団体には代表者が少なくとも1人必要です");
    const { client } = getCtx();
    expect((await client.groupMembership.findUniqueOrThrow({ where: { groupId_userId: { groupId: id, userId: user.id } } })).role).toBe("representative");

    const { user: second, visitor: secondVisitor } = await resident();
    await client.groupMembership.create({ data: { groupId: id, userId: second.id, role: "representative" } });
    const left = await post(secondVisitor, `/my/groups/${id}`, {});
    expect(left.status).toBe(302);
    expect(left.location).toBe("/my/groups?notice=left");
    expect(await client.groupMembership.count({ where: { groupId: id } })).toBe(1);
    expect((await get(secondVisitor, `/my/groups/${id}`)).status).toBe(404);
  });

  it("refuses to delete the account of the last representative until the group is handed over or withdrawn", async () => {
    const { user, visitor } = await resident();
    const id = await createGroup(visitor, "submit");
    const refused = await post(visitor, "/account", { intent: "delete", deletePassword: PASSWORD });
    expect(refused.status).toBe(409);
    expect(mainOf(refused.text)).toContain("あなたは、登録を終了していない団体のただ1人の代表者です");
    const { client } = getCtx();
    expect(await client.user.count({ where: { id: user.id } })).toBe(1);

    const withdrawn = await post(visitor, `/my/groups/${id}/withdraw`, { reason: "活動を終えました", confirm: "on" });
    expect(withdrawn.status).toBe(302);
    const deleted = await post(visitor, "/account", { intent: "delete", deletePassword: PASSWORD });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/account/deleted");
    expect(await client.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("invites by email: a hashed 7-day token, the invited address only, used once", async () => {
    const { visitor: rep } = await resident();
    const id = await createGroup(rep, "draft", { name: "招待テストの会" });
    const { user: invitee, visitor: inviteeVisitor, email } = await resident();
    const { visitor: stranger } = await resident();
    const { client } = getCtx();

    const invalid = await post(rep, `/my/groups/${id}/members`, { intent: "invite", email: "not-an-address", role: "editor" });
    expect(invalid.status).toBe(400);
    const sent = await post(rep, `/my/groups/${id}/members`, { intent: "invite", email: `  ${email.toUpperCase()} `, role: "editor" });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/my/groups/${id}/members?notice=invited`);

    const mail = await lastMailTo(client, email);
    expect(mail.subject).toContain("招待テストの会");
    expect(mail.text).toContain("編集者");
    expect(mail.text).toContain("Editor");
    const token = /\/invitations\/([a-z0-9]+)/.exec(mail.text)![1];
    const stored = await client.groupInvitation.findFirstOrThrow({ where: { groupId: id } });
    expect(stored.email).toBe(email);
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - AT.getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(mainOf((await get(rep, `/my/groups/${id}/members`)).text)).toContain(email);

    const anonymous = await request(server, `/invitations/${token}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.text).toContain(`/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`);
    expect((await get(stranger, `/invitations/${token}`)).text).toContain("この招待は別のメールアドレスに送られたものです");
    expect((await post(stranger, `/invitations/${token}`, {})).status).toBe(403);
    expect(await client.groupMembership.count({ where: { groupId: id } })).toBe(1);

    const accepted = await post(inviteeVisitor, `/invitations/${token}`, {});
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/my/groups/${id}?notice=joined`);
    expect((await client.groupMembership.findUniqueOrThrow({ where: { groupId_userId: { groupId: id, userId: invitee.id } } })).role).toBe("editor");
    expect((await post(inviteeVisitor, `/invitations/${token}`, {})).status).toBe(410);
    expect((await request(server, "/invitations/unknowntoken")).status).toBe(404);

    const again = await post(rep, `/my/groups/${id}/members`, { intent: "invite", email, role: "representative" });
    expect(again.status).toBe(409);
    expect(fieldError(again.text, "email")).toBe("このメールアドレスの方は、すでにこの団体のメンバーです");
  });

  it("lapses an invitation after 7 days", async () => {
    const { visitor: rep } = await resident();
    const id = await createGroup(rep, "draft");
    const { visitor, email } = await resident();
    expect((await post(rep, `/my/groups/${id}/members`, { intent: "invite", email, role: "representative" })).status).toBe(302);
    const { client } = getCtx();
    const mail = await lastMailTo(client, email);
    const token = /\/invitations\/([a-z0-9]+)/.exec(mail.text)![1];
    await client.groupInvitation.updateMany({ where: { groupId: id }, data: { expiresAt: new Date(AT.getTime() - 1) } });
    expect((await get(visitor, `/invitations/${token}`)).status).toBe(410);
    expect((await post(visitor, `/invitations/${token}`, {})).status).toBe(410);
  });

  it("answers a request for changes: the staff message on the status page, then edit and resubmit", async () => {
    const { visitor } = await resident();
    const id = await createGroup(visitor, "submit");
    const { client } = getCtx();
    const version = await client.groupVersion.findFirstOrThrow({ where: { groupId: id } });
    await client.groupVersion.update({ where: { id: version.id }, data: { status: "changes_requested" } });
    await client.groupMessage.create({
      data: { id: crypto.randomUUID(), groupId: id, versionId: version.id, kind: "changes_requested", body: "活動内容を<b>具体的に</b>書いてください", createdAt: AT },
    });
    const page = mainOf((await get(visitor, `/my/groups/${id}`)).text);
    expect(page).toContain("修正の依頼あり");
    expect(page).toContain("活動内容を&lt;b&gt;具体的に&lt;/b&gt;書いてください");

    const draft = await post(visitor, `/my/groups/${id}/edit`, [...profile({ activities: "毎週土曜日の昼食" }), ["intent", "draft"]]);
    expect(draft.status).toBe(302);
    expect((await client.groupVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("draft");
    const again = await post(visitor, `/my/groups/${id}/edit`, [...profile({ activities: "毎週土曜日の昼食と学習支援" }), ["consent", "on"], ["intent", "submit"]]);
    expect(again.status).toBe(302);
    expect(again.location).toBe(`/my/groups/${id}?notice=submitted`);
    const versions = await client.groupVersion.findMany({ where: { groupId: id } });
    expect(versions.map((v) => [v.id, v.status, v.activities])).toEqual([[version.id, "submitted", "毎週土曜日の昼食と学習支援"]]);
    expect(await client.groupRegistration.count({ where: { groupId: id, status: "pending" } })).toBe(1);
  });

  it("edits after approval in one working version; the published one stays until staff approve", async () => {
    const { visitor } = await resident();
    const id = await createGroup(visitor, "submit", { name: "承認済みの会" });
    await approve(id);
    const { client } = getCtx();
    const published = (await client.group.findUniqueOrThrow({ where: { id } })).publishedVersionId!;
    expect(mainOf((await get(visitor, `/my/groups/${id}`)).text)).toContain("登録済み");

    const edit = await get(visitor, `/my/groups/${id}/edit`);
    expect(edit.text).toContain('value="承認済みの会"');
    for (const name of ["変更後の会", "変更後の会・改"]) {
      expect((await post(visitor, `/my/groups/${id}/edit`, [...profile({ name }), ["intent", "draft"]])).status).toBe(302);
    }
    let versions = await client.groupVersion.findMany({ where: { groupId: id }, orderBy: { id: "asc" } });
    expect(versions.map((v) => [v.status, v.name])).toEqual([
      ["approved", "承認済みの会"],
      ["draft", "変更後の会・改"],
    ]);
    expect((await client.group.findUniqueOrThrow({ where: { id } })).publishedVersionId).toBe(published);
    expect(mainOf((await get(visitor, `/my/groups/${id}`)).text)).toContain("変更の下書きがあります");

    expect((await post(visitor, `/my/groups/${id}/edit`, [...profile({ name: "変更後の会・改" }), ["consent", "on"], ["intent", "submit"]])).status).toBe(302);
    versions = await client.groupVersion.findMany({ where: { groupId: id }, orderBy: { id: "asc" } });
    expect(versions.map((v) => v.status)).toEqual(["approved", "submitted"]);
    // A change asks for no new registration.
    expect(await client.groupRegistration.count({ where: { groupId: id } })).toBe(1);
    const group = await client.group.findUniqueOrThrow({ where: { id } });
    expect([group.publishedVersionId, group.name]).toEqual([published, "承認済みの会"]);
    expect(mainOf((await get(visitor, `/my/groups/${id}`)).text)).toContain("変更を審査中です");
  });

  it("withdraws: the registration ends now, pending work is withdrawn, the representatives are mailed", async () => {
    const { visitor, email } = await resident();
    const id = await createGroup(visitor, "submit", { name: "取下げの会" });
    await approve(id);
    expect((await post(visitor, `/my/groups/${id}/edit`, [...profile(), ["consent", "on"], ["intent", "submit"]])).status).toBe(302);
    const { client } = getCtx();

    const unconfirmed = await post(visitor, `/my/groups/${id}/withdraw`, { reason: "" });
    expect(unconfirmed.status).toBe(400);
    expect(fieldError(unconfirmed.text, "confirm")).toBe("取り下げることを確認するチェックを入れてください");

    const done = await post(visitor, `/my/groups/${id}/withdraw`, { reason: "解散しました", confirm: "on" });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/my/groups/${id}?notice=withdrawn`);
    const group = await client.group.findUniqueOrThrow({ where: { id }, include: { registrations: true, versions: { orderBy: { id: "asc" } } } });
    expect(group.state).toBe("withdrawn");
    expect(group.registrations.map((r) => [r.status, r.endedAt?.toISOString(), r.endReason])).toEqual([["approved", CLOCK, "withdrawn"]]);
    expect(group.versions.map((v) => v.status)).toEqual(["approved", "withdrawn"]);
    const audit = await client.auditEntry.findFirstOrThrow({ where: { action: "group.withdrawn", targetId: String(id) } });
    expect(audit.reason).toBe("解散しました");
    const mail = await client.outboxMail.findFirstOrThrow({ where: { to: email, subject: { contains: "取り下げ" } } });
    expect(mail.text).toContain("取下げの会");
    expect(mainOf((await get(visitor, `/my/groups/${id}`)).text)).toContain("取り下げ済み");
    expect((await post(visitor, `/my/groups/${id}/edit`, [...profile(), ["intent", "draft"]])).status).toBe(409);
    expect((await post(visitor, `/my/groups/${id}/withdraw`, { confirm: "on" })).status).toBe(409);
  });

  it("takes a logo only when its bytes are PNG or JPEG, up to 1 MB, and serves it to those who may see it", async () => {
    const { visitor } = await resident();
    const fields: [string, string][] = [...profile({ name: "ロゴの会" }), ["intent", "draft"]];
    const script = new TextEncoder().encode("<script>alert(1)</script>");
    const fake = await postMultipart(visitor, "/groups/new", fields, { name: "logo.png", type: "image/png", bytes: script });
    expect(fake.status).toBe(400);
    expect(fieldError(fake.text, "logo")).toBe("PNG又はJPEG形式の画像を選んでください");
    expect(fake.text).toContain('value="ロゴの会"');
    const svg = await postMultipart(visitor, "/groups/new", fields, { name: "logo.svg", type: "image/svg+xml", bytes: new TextEncoder().encode("<svg onload=alert(1)>") });
    expect(fieldError(svg.text, "logo")).toBe("PNG又はJPEG形式の画像を選んでください");
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG);
    const oversize = await postMultipart(visitor, "/groups/new", fields, { name: "big.png", type: "image/png", bytes: big });
    expect(oversize.status).toBe(400);
    expect(fieldError(oversize.text, "logo")).toBe("画像は1MB以下にしてください");
    const { client } = getCtx();
    expect(await client.groupVersion.count({ where: { name: "ロゴの会" } })).toBe(0);

    const ok = await postMultipart(visitor, "/groups/new", fields, { name: "x.gif", type: "image/gif", bytes: PNG });
    expect(ok.status).toBe(302);
    const version = await client.groupVersion.findFirstOrThrow({ where: { name: "ロゴの会" } });
    expect(version.logoFile).toMatch(/^[0-9a-f]{32}\.png$/);
    // Read raw (an image holds NUL bytes, which the Visitor refuses in pages).
    const image = await request(server, `/uploads/${version.logoFile}`, { headers: { Cookie: `portal_session=${visitor.cookie}` } });
    expect(image.status).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.headers["content-disposition"]).toBe(`inline; filename="${version.logoFile}"; filename*=UTF-8''${version.logoFile}`);
    // Kept as re-encoded: the same one white pixel, not necessarily the same bytes.
    const served = await sharp(image.raw).raw().toBuffer({ resolveWithObject: true });
    expect([served.info.format, served.info.width, served.info.height]).toEqual(["raw", 1, 1]);
    expect((await sharp(image.raw).metadata()).format).toBe("png");
    // A draft's logo is private; unknown and malformed names are 404.
    expect((await request(server, `/uploads/${version.logoFile}`)).status).toBe(404);
    const { visitor: other } = await resident();
    expect((await other.get(`/uploads/${version.logoFile}`)).status).toBe(404);
    expect((await visitor.get("/uploads/..%2F..%2Fpackage.json")).status).toBe(404);
    expect((await visitor.get(`/uploads/${"0".repeat(32)}.png`)).status).toBe(404);
    // Published by a listed group: public.
    await approve(version.groupId);
    expect((await request(server, `/uploads/${version.logoFile}`)).status).toBe(200);
  });

  it("refuses a picture with a web page after it, and keeps a phone photo upright without its EXIF and GPS", async () => {
    const { visitor } = await resident();
    const { client } = getCtx();
    const fields: [string, string][] = [...profile({ name: "写真の会" }), ["intent", "draft"]];
    const page = new TextEncoder().encode("<html><body><script>alert(document.cookie)</script></body></html>");
    for (const bytes of [new Uint8Array([...PNG, ...page]), new Uint8Array([...PNG.subarray(0, 8), ...page])]) {
      const polyglot = await postMultipart(visitor, "/groups/new", fields, { name: "logo.png", type: "image/png", bytes });
      expect(polyglot.status).toBe(400);
      expect(fieldError(polyglot.text, "logo")).toBe("PNG又はJPEG形式の画像を選んでください");
    }
    expect(await client.groupVersion.count({ where: { name: "写真の会" } })).toBe(0);

    const photo = new Uint8Array(
      await sharp({ create: { width: 4, height: 2, channels: 3, background: "#36a" } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExifMerge({ IFD0: { Make: "annaka-phone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 19/1 3/1", GPSLongitudeRef: "E", GPSLongitude: "138/1 53/1 7/1" } })
        .toBuffer(),
    );
    expect((await sharp(photo).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS block's tag
    const ok = await postMultipart(visitor, "/groups/new", fields, { name: "photo.jpg", type: "image/jpeg", bytes: photo });
    expect(ok.status).toBe(302);
    const version = await client.groupVersion.findFirstOrThrow({ where: { name: "写真の会" } });
    expect(version.logoFile).toMatch(/^[0-9a-f]{32}\.jpg$/);
    const stored = await request(server, `/uploads/${version.logoFile}`, { headers: { Cookie: `portal_session=${visitor.cookie}` } });
    expect(stored.status).toBe(200);
    const kept = await sharp(stored.raw).metadata();
    expect({ width: kept.width, height: kept.height, orientation: kept.orientation, exif: kept.exif, xmp: kept.xmp }).toEqual({
      width: 2,
      height: 4,
      orientation: undefined,
      exif: undefined,
      xmp: undefined,
    });
    expect(stored.raw.includes("annaka-phone")).toBe(false);
  });

  it("refuses a district that does not exist at its field (400) and stores nothing", async () => {
    const { visitor } = await resident();
    const { client } = getCtx();
    for (const intent of ["draft", "submit"]) {
      const fields: [string, string][] = [
        ...profile({ name: "架空地区の会", mainDistrictId: "99999", districtIds: ["88888"] }),
        ["intent", intent],
        ["consent", "on"],
      ];
      const res = await post(visitor, "/groups/new", fields);
      expect(res.status).toBe(400);
      expect(fieldError(res.text, "mainDistrictId")).toBe("選ばれた行政区が見つかりません。一覧から選び直してください");
      expect(fieldError(res.text, "districtIds")).toBe("選ばれた行政区が見つかりません。一覧から選び直してください");
      expect(res.text).toContain('value="架空地区の会"');
    }
    // One real district beside an unknown one: only the list is refused.
    const mixed = await post(visitor, "/groups/new", [...profile({ name: "架空地区の会", districtIds: [String(districtIds[0]), "88888"] }), ["intent", "draft"]]);
    expect(mixed.status).toBe(400);
    expect(fieldError(mixed.text, "mainDistrictId")).toBeNull();
    expect(fieldError(mixed.text, "districtIds")).toBe("選ばれた行政区が見つかりません。一覧から選び直してください");
    expect(await client.groupVersion.count({ where: { name: "架空地区の会" } })).toBe(0);
  });

  it("refuses hostile input at the field with 400, never 500, and shows it as text", async () => {
    const { visitor } = await resident();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ nameKana: "安中こども" }, "nameKana", "ひらがな又はカタカナで入力してください"],
      [{ memberCount: "0" }, "memberCount", "会員数は5人以上99999人以下で入力してください"],
      [{ memberCount: "100000" }, "memberCount", "会員数は5人以上99999人以下で入力してください"],
      [{ website: "javascript:alert(1)" }, "website", "http:// 又は https:// で始まるアドレスを入力してください"],
      [{ kind: "npo", corporateNumber: "1234567890123" }, "corporateNumber", "法人番号が正しくありません（13桁の数字、先頭はチェックデジット）"],
      [{ purpose: "a".repeat(1024 * 1024) }, "purpose", "2000文字以内で入力してください"],
      [{ purpose: "あ".repeat(350_000) }, "purpose", "2000文字以内で入力してください"],
      [{ kind: "<script>" }, "kind", "選択肢から選んでください"],
      [{ mainDistrictId: "' OR 1=1 --" }, "mainDistrictId", "行政区を選んでください"],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await postMultipart(visitor, "/groups/new", [...profile(overrides), ["intent", "draft"]]);
      expect(res.status, field).toBe(400);
      expect(fieldError(res.text, field), field).toBe(message);
      // The form comes back with what was typed (long texts cut, never echoed in full).
      expect(res.text.length).toBeLessThan(200_000);
    }
    const huge = "x".repeat(4 * 1024 * 1024);
    const tooLarge = await postMultipart(visitor, "/groups/new", [...profile({ activities: huge }), ["intent", "draft"]]);
    expect(tooLarge.status).toBe(413);
    expect(mainOf(tooLarge.text)).toContain("送信された内容が大きすぎます");

    const script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    const id = await createGroup(visitor, "draft", { name: `${script}会`, purpose: script, activities: "=cmd|' /C calc'!A0", meetingPlace: "@SUM(1+1)" });
    const page = (await get(visitor, `/my/groups/${id}`)).text;
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect(mainOf(page)).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    expect(mainOf(page)).toContain("=cmd|&#x27; /C calc&#x27;!A0");
    expect(mainOf(page)).toContain("@SUM(1+1)");
  });

  it("limits new groups per person and day", async () => {
    const { visitor } = await resident();
    for (let i = 0; i < 10; i++) await createGroup(visitor, "draft", { name: `上限テスト${i}` });
    const refused = await post(visitor, "/groups/new", [...profile({ name: "十一番目" }), ["intent", "draft"]]);
    expect(refused.status).toBe(429);
    expect(mainOf(refused.text)).toContain("1日に登録できる団体の数を超えました");
    expect(refused.text).toContain('value="十一番目"');
  });
});
