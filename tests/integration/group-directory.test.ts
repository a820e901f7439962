/**
 * The public side of the group registry on SQLite and PostgreSQL: the directory search
 * (model functions, with the instant given) and, through a real server process with a fixed
 * TEST_CLOCK, the pages and the open data as a visitor gets them.
 * Build first: `npx remix vite:build`.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  getPublicProfile,
  openDataCsv,
  openDataGroups,
  OPEN_DATA_COLUMNS,
  searchDirectory,
} from "../../app/groups/directory.server.ts";
import { withCheckDigit } from "../../app/platform/forms/rules.ts";
import { parseDirectoryQuery } from "../../app/groups/search.ts";
import { parseCsv } from "../../app/platform/csv.ts";
import type { Db } from "../../app/platform/db.server.ts";
import { tokyoInstant } from "../../app/platform/dates.ts";
import { searchGrams } from "../../app/platform/search.ts";
import { seedGroup, seedPendingChange } from "./helpers/directory-groups.ts";
import { request, startServer, type ServerProcess } from "./helpers/server-process.ts";
import { describeBothDatabases, ROOT } from "./helpers/test-db.ts";

// FY2026 (令和8年度); the server runs at the same instant.
const CLOCK = "2026-11-24T03:00:00.000Z";
const AT = new Date(CLOCK);
const FY = 2026;

function query(search: string) {
  return parseDirectoryQuery(new URLSearchParams(search));
}

type Seeded = Record<string, number> & { districts: Record<string, number> };

async function seed(client: Db): Promise<Seeded> {
  await client.district.createMany({
    data: [
      { code: "001", name: "安中一区", nameKana: "アンナカイック" },
      { code: "002", name: "安中二区", nameKana: "アンナカニク" },
      { code: "045", name: "東上秋間二区", nameKana: "ヒガシカミアキマニク" },
    ],
  });
  const d = Object.fromEntries((await client.district.findMany()).map((x) => [x.code, x.id]));
  const ids: Record<string, number> = {};
  ids.rights = await seedGroup(
    client,
    {
      name: "碓氷人権を考える会",
      nameKana: "ウスイジンケンヲカンガエルカイ",
      activityFields: [10, 2],
      mainDistrictId: d["001"],
      districtIds: [d["001"], d["002"]],
      purpose: "地域で人権について学び、誰もが暮らしやすいまちをつくることを目的とします。",
      activities: "年に四回、人権講座を開いています。",
      welcomesVolunteers: true,
      representativeName: "秘密 花子",
      representativePublic: false,
      phone: "027-382-0001",
    },
    { fiscalYear: FY },
  );
  ids.kids = await seedGroup(
    client,
    {
      name: "あおば子育てネット",
      nameKana: "アオバコソダテネット",
      activityFields: [13],
      mainDistrictId: d["002"],
      districtIds: [d["045"]],
      purpose: "子育て中の家族が気軽に集まれる場をつくります。",
      activities: "毎週水曜日に子育てサロンを開いています。ＮＰＯと協力しています。",
      welcomesVolunteers: true,
      representativeName: "公開 一郎",
      representativePublic: true,
      website: "https://kosodate.example.jp/",
      sns: "https://sns.example.jp/aoba",
      email: "aoba@example.jp",
    },
    { fiscalYear: FY },
  );
  ids.kidsQuiet = await seedGroup(
    client,
    {
      name: "さくら子育て応援団",
      nameKana: "サクラコソダテオウエンダン",
      activityFields: [13],
      mainDistrictId: d["045"],
      purpose: "子育てを応援します。",
      welcomesVolunteers: false,
    },
    { fiscalYear: FY },
  );
  ids.formula = await seedGroup(
    client,
    {
      name: "カワセミ自然の会",
      nameKana: "カワセミシゼンノカイ",
      kind: "npo",
      corporateNumber: withCheckDigit("700001234567"),
      mainOfficeInCity: true,
      activityFields: [7],
      purpose: "=SUM(1)",
      activities: "@cmd",
      meetingPlace: "+1 会議室",
      phone: "027-382-1111",
      website: "https://kawasemi.example.jp/?a=1&b=2",
    },
    { fiscalYear: FY },
  );
  ids.hostile = await seedGroup(
    client,
    { name: "<script>alert(1)</script>", nameKana: "タンポポ", purpose: "<img src=x onerror=alert(2)>の会" },
    { fiscalYear: FY },
  );
  ids.lapsed = await seedGroup(
    client,
    { name: "解散した人権の会", nameKana: "カイサンシタジンケンノカイ", purpose: "人権の会でした。" },
    { fiscalYear: FY - 1 },
  );
  ids.draft = await seedGroup(client, { name: "下書き人権の会", nameKana: "シタガキジンケンノカイ", purpose: "人権" }, { fiscalYear: null, state: "draft" });
  ids.neverRegistered = await seedGroup(client, { name: "登録なし人権の会", nameKana: "トウロクナシ", purpose: "人権" }, { fiscalYear: null });
  // A change waiting for review: its wording must not be public.
  await seedPendingChange(client, ids.kidsQuiet, { name: "未承認の新しい名前", nameKana: "ミショウニン", purpose: "未承認の人権" });
  for (let i = 1; i <= 23; i++) {
    await seedGroup(
      client,
      { name: `ページ送り団体${String(i).padStart(2, "0")}`, nameKana: `ペエジオクリ${"ア".repeat(i)}`, purpose: "頁送りの確認用です。" },
      { fiscalYear: FY },
    );
  }
  return { ...ids, districts: d } as Seeded;
}

describeBothDatabases("group directory", (getCtx) => {
  let ids: Seeded;
  let server: ServerProcess;
  /** The same build rendering every part of a page in place (TEST_NO_KEPT_HTML): the reference for kept HTML. */
  let inPlace: ServerProcess;

  beforeAll(async () => {
    const { client, url } = getCtx();
    ids = await seed(client);
    [server, inPlace] = await Promise.all([
      startServer({ databaseUrl: url, env: { TEST_CLOCK: CLOCK, LOG_LEVEL: "warn" } }),
      startServer({ databaseUrl: url, env: { TEST_CLOCK: CLOCK, LOG_LEVEL: "warn", TEST_NO_KEPT_HTML: "1" } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), inPlace?.stop()]);
  });

  const search = (q: string, at = AT) => searchDirectory(query(q), { at, client: getCtx().client });
  const names = (page: Awaited<ReturnType<typeof search>>) => page.groups.map((g) => g.name.map((p) => p.text).join(""));

  it("finds groups by two-character words, in any width and kana", async () => {
    expect(names(await search("q=人権"))).toEqual(["碓氷人権を考える会"]);
    expect(names(await search("q=子育"))).toEqual(["あおば子育てネット", "さくら子育て応援団"]);
    // The furigana is searchable in hiragana, katakana and half-width katakana.
    for (const q of ["こそだて", "コソダテ", "ｺｿﾀﾞﾃ"]) {
      expect(names(await search(`q=${encodeURIComponent(q)}`)), q).toEqual(["あおば子育てネット", "さくら子育て応援団"]);
    }
    // Full-width Latin in the text, half-width lower case in the query.
    expect(names(await search("q=npo"))).toEqual(["あおば子育てネット"]);
    // One character works too.
    expect(names(await search("q=" + encodeURIComponent("碓")))).toEqual(["碓氷人権を考える会"]);
  });

  it("needs every word (AND) and treats LIKE wildcards as text", async () => {
    expect(names(await search("q=" + encodeURIComponent("子育て　サロン")))).toEqual(["あおば子育てネット"]);
    expect(names(await search("q=" + encodeURIComponent("子育て 人権")))).toEqual([]);
    expect((await search("q=%25")).total).toBe(0);
    expect((await search("q=_")).total).toBe(0);
  });

  it("shows the match in context, marked", async () => {
    const [rights] = (await search("q=人権")).groups;
    expect(rights.excerpt.matched).toBe(true);
    expect(rights.excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["人権"]);
    expect(rights.name.filter((p) => p.mark).map((p) => p.text)).toEqual(["人権"]);
    // A match found only in the activities shows the activities.
    const [salon] = (await search("q=" + encodeURIComponent("サロン"))).groups;
    expect(salon.excerpt.parts.map((p) => p.text).join("")).toContain("子育てサロン");
  });

  it("filters by field, district (main or worked in) and volunteers", async () => {
    expect(names(await search("field=13"))).toEqual(["あおば子育てネット", "さくら子育て応援団"]);
    expect(names(await search("field=13&volunteers=1"))).toEqual(["あおば子育てネット"]);
    // 045: the main district of one group, a district worked in by another.
    expect(names(await search(`district=${ids.districts["045"]}`))).toEqual(["あおば子育てネット", "さくら子育て応援団"]);
    expect(names(await search(`q=${encodeURIComponent("子育")}&field=13&district=${ids.districts["045"]}&volunteers=1`))).toEqual([
      "あおば子育てネット",
    ]);
    expect(names(await search(`district=${ids.districts["002"]}&field=10`))).toEqual(["碓氷人権を考える会"]);
    // 001: the main district of every group made with the default profile; pages of it.
    expect((await search(`district=${ids.districts["001"]}`)).total).toBe(26);
    const second = await search(`district=${ids.districts["001"]}&page=2`);
    expect([second.total, second.from, second.to]).toEqual([26, 21, 26]);
    expect(second.groups.every((g) => g.mainDistrict === "安中一区")).toBe(true);
  });

  it("sorts by kana by default and newest first", async () => {
    const kana = await search("q=" + encodeURIComponent("会"));
    expect(names(kana)).toEqual(["碓氷人権を考える会", "カワセミ自然の会", "<script>alert(1)</script>"]);
    const all = await search("");
    const kanas = all.groups.map((g) => g.nameKana);
    expect(kanas[0]).toBe("アオバコソダテネット");
    expect([...kanas].sort()).toEqual(kanas);
    const newest = await search("sort=new");
    expect(newest.groups[0].name.map((p) => p.text).join("")).toBe("ページ送り団体23");
    // The order by the name as written is gone (it sounded like 50音順): an old link gets the kana order.
    expect(names(await search("sort=name&q=" + encodeURIComponent("会")))).toEqual(names(kana));
  });

  it("pages by 20 and clamps a page past the end", async () => {
    const first = await search("q=" + encodeURIComponent("ページ送り"));
    expect(first.total).toBe(23);
    expect(first.pageCount).toBe(2);
    expect(first.groups).toHaveLength(20);
    expect([first.from, first.to]).toEqual([1, 20]);
    const second = await search("page=2&q=" + encodeURIComponent("ページ送り"));
    expect(second.groups).toHaveLength(3);
    expect([second.from, second.to]).toEqual([21, 23]);
    expect(second.groups.map((g) => g.id)).not.toContain(first.groups[0].id);
    const past = await search("page=99&q=" + encodeURIComponent("ページ送り"));
    expect(past.page).toBe(2);
  });

  it("never lists a draft, a group without a registration, a lapsed group or a pending change", async () => {
    const everything = await search("q=人権");
    expect(everything.groups.map((g) => g.id)).toEqual([ids.rights]);
    expect((await search("q=" + encodeURIComponent("未承認"))).total).toBe(0);
    expect(names(await search("q=" + encodeURIComponent("応援団")))).toEqual(["さくら子育て応援団"]);
    const all = await openDataGroups({ at: AT, client: getCtx().client });
    const listed = all.map((r) => r.no);
    for (const hidden of [ids.lapsed, ids.draft, ids.neverRegistered]) expect(listed).not.toContain(hidden);
    expect(listed).toContain(ids.kidsQuiet);
    expect(all.find((r) => r.no === ids.kidsQuiet)?.name).toBe("さくら子育て応援団");
  });

  it("drops an unrenewed group at midnight on March 31 (Tokyo)", async () => {
    const client = getCtx().client;
    const before = tokyoInstant("2027-03-31", "23:59:59");
    const after = tokyoInstant("2027-04-01", "00:00:00");
    expect((await search("q=" + encodeURIComponent("子育"), before)).total).toBe(2);
    expect((await search("q=" + encodeURIComponent("子育"), after)).total).toBe(0);
    expect((await getPublicProfile(ids.kids, { at: before, client })).status).toBe("listed");
    expect((await getPublicProfile(ids.kids, { at: after, client })).status).toBe("ended");
    expect((await openDataGroups({ at: after, client })).length).toBe(0);
  });

  it("answers 410 with nothing of the group for an ended registration, 404 for unknown or never approved", async () => {
    const ended = await request(server, `/groups/${ids.lapsed}`);
    expect(ended.status).toBe(410);
    // Browsers keep a 410 without caching headers for ever.
    expect(ended.headers["cache-control"]).toBe("no-cache");
    expect(ended.text).not.toContain("解散した人権の会");
    expect(ended.text).not.toContain("人権の会でした");
    expect(ended.text).toContain("この団体の登録は終了しました");
    for (const path of [`/groups/${ids.draft}`, `/groups/${ids.neverRegistered}`, "/groups/999999", "/groups/abc", "/groups/1e3"]) {
      expect((await request(server, path)).status, path).toBe(404);
    }
    const draft = await request(server, `/groups/${ids.draft}`);
    expect(draft.text).not.toContain("下書き人権の会");
  });

  it("renders the public profile from the published version only", async () => {
    const kids = await request(server, `/groups/${ids.kids}`);
    expect(kids.status).toBe(200);
    expect(kids.text).toContain("あおば子育てネット");
    expect(kids.text).toContain("公開 一郎");
    expect(kids.text).toContain('href="https://kosodate.example.jp/" rel="noopener noreferrer"');
    expect(kids.text).toContain('href="mailto:aoba@example.jp"');
    const quiet = await request(server, `/groups/${ids.kidsQuiet}`);
    expect(quiet.text).toContain("さくら子育て応援団");
    expect(quiet.text).not.toContain("未承認");
    const rights = await request(server, `/groups/${ids.rights}`);
    expect(rights.text).toContain('href="tel:0273820001"');
    expect(rights.text).not.toContain("秘密 花子");
  });

  it("shows hostile text as text", async () => {
    const page = await request(server, `/groups/${ids.hostile}`);
    expect(page.text).not.toContain("<script>alert(1)</script>");
    expect(page.text).not.toContain("<img src=x");
    expect(page.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const list = await request(server, "/groups?q=" + encodeURIComponent("<script>"));
    expect(list.status).toBe(200);
    expect(list.text).not.toContain("<script>alert(1)</script>");
    expect(list.text).toContain("<mark>&lt;script&gt;</mark>");
  });

  it("serves the directory page without JavaScript: status, marks, pagination", async () => {
    const page = await request(server, "/groups?q=" + encodeURIComponent("ページ送り"));
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/role="status"[^>]*>23団体が見つかりました。1〜20団体目を表示しています。/);
    expect(page.text).toContain('<mark>ページ送り</mark>');
    expect(page.text).toMatch(/aria-current="page"[^>]*>1</);
    expect(page.text).toContain('href="/groups?q=%E3%83%9A%E3%83%BC%E3%82%B8%E9%80%81%E3%82%8A&amp;page=2"');
    expect(page.text).toContain('href="/groups/new"');
    const two = await request(server, "/groups?page=2&q=" + encodeURIComponent("ページ送り"));
    expect(two.text).toMatch(/aria-current="page"[^>]*>2</);
    const english = await request(server, "/groups?q=" + encodeURIComponent("人権"), { headers: { Cookie: "lang=en" } });
    expect(english.text).toContain("Groups found: 1. Showing 1 to 1.");
    const lapsedSearch = await request(server, "/groups?q=" + encodeURIComponent("解散"));
    expect(lapsedSearch.text).toContain("条件に合う団体は見つかりませんでした。");
  });

  it("sends the HTML of kept parts byte for byte as rendered in place: every visitor, language, search and change (decision 0032)", async () => {
    const client = getCtx().client;
    const userId = randomUUID();
    await client.user.create({
      data: { id: userId, email: "kept-html@example.jp", displayName: "安中 保持", passwordHash: "x", role: "resident", emailVerifiedAt: AT, passwordChangedAt: AT, createdAt: AT },
    });
    const secret = randomUUID();
    const sessionId = randomUUID();
    await client.session.create({
      data: { id: sessionId, secretHash: encodeHexLowerCase(sha256(new TextEncoder().encode(secret))), userId, createdAt: AT, lastUsedAt: AT, twoFactorVerified: false, device: "test" },
    });
    const session = `portal_session=${sessionId}.${secret}`;
    const visitors: Record<string, Record<string, string>> = {
      anonymous: {},
      english: { Cookie: "lang=en" },
      user: { Cookie: session },
      userInEnglish: { Cookie: `${session}; lang=en` },
    };
    const e = encodeURIComponent;
    const paths = [
      "/groups",
      `/groups?q=${e("人権")}`,
      `/groups?q=${e(" 人権　")}`,
      // The same one group found: the same results, another search in the form.
      `/groups?q=${e("人権 会")}`,
      `/groups?q=${e("人権　　会")}`,
      `/groups?q=${e("人権")}&sort=new`,
      `/groups?q=${e("人権")}&volunteers=1`,
      `/groups?q=${e("ページ送り")}`,
      `/groups?page=2&q=${e("ページ送り")}`,
      `/groups?page=2&q=${e("ﾍﾟｰｼﾞ送り")}`, // the same words: another text in the form and the page links
      `/groups?page=99&q=${e("ページ送り")}`,
      `/groups?q=${e("子育")}&field=13&district=${ids.districts["045"]}&volunteers=1`,
      `/groups?sort=new&district=${ids.districts["001"]}`,
      `/groups?q=${e("<script>")}`,
      `/groups?q=${e("解散")}`,
      "/groups/",
      "/Groups",
      "/consultations", // another page without scripts: the main menu's current item is another
    ];
    const compare = async () => {
      const pages: Record<string, string> = {};
      // Each page is asked twice of the server that keeps (made, then kept), in turn with every other visitor.
      for (const round of [1, 2]) {
        for (const p of paths) {
          for (const [who, headers] of Object.entries(visitors)) {
            const [kept, reference] = await Promise.all([request(server, p, { headers }), request(inPlace, p, { headers })]);
            expect(kept.status, `${p} ${who}`).toBe(reference.status);
            expect(kept.text, `${p} for ${who}, round ${round}`).toBe(reference.text);
            pages[`${p} ${who}`] = kept.text;
          }
        }
      }
      return pages;
    };

    const before = await compare();
    const rights = `/groups?q=${e("人権")}`;
    expect(before[`${rights} anonymous`]).toContain("検索する");
    expect(before[`${rights} english`]).toContain(">Search</button>");
    expect(before[`${rights} english`]).not.toContain("検索する");
    // The signed-in user's menu is the page's own, around the kept parts.
    expect(before[`${rights} user`]).toContain("安中 保持");
    expect(before[`${rights} user`]).toContain('href="/my/groups"');
    expect(before[`${rights} anonymous`]).not.toContain("安中 保持");
    expect(before[`${rights} anonymous`]).toContain('href="/login"');

    // A new group and a renamed district move the change counter: the kept parts follow.
    const added = await seedGroup(
      client,
      { name: "ページ送り団体24", nameKana: "ペエジオクリン", purpose: "頁送りの確認用です。", mainDistrictId: ids.districts["045"] },
      { fiscalYear: FY },
    );
    await client.district.update({ where: { id: ids.districts["045"] }, data: { name: "東上秋間二区（改称）" } });
    try {
      const after = await compare();
      expect(after[`/groups?page=2&q=${e("ページ送り")} anonymous`]).toContain("ページ送り</mark>団体24");
      expect(after["/groups anonymous"]).toContain(`<option value="${ids.districts["045"]}">東上秋間二区（改称）</option>`);
      expect(after["/groups user"]).not.toContain(">東上秋間二区</option>");
    } finally {
      await client.group.delete({ where: { id: added } });
      await client.district.update({ where: { id: ids.districts["045"] }, data: { name: "東上秋間二区" } });
      await client.session.delete({ where: { id: sessionId } });
      await client.user.delete({ where: { id: userId } });
    }
    const back = await request(server, "/groups");
    expect(back.text).toContain(`<option value="${ids.districts["045"]}">東上秋間二区</option>`);
  });

  it("sends the directory as HTML only, other pages with the app's scripts, each as one body with its length", async () => {
    const directory = await request(server, "/groups?q=" + encodeURIComponent("人権"));
    expect(directory.status).toBe(200);
    // handle = { hydrate: false }: neither the scripts nor the loader data (names, excerpts) go out as script.
    expect(directory.text).not.toMatch(/<script/i);
    expect(directory.text).not.toContain("__remixContext");
    expect(directory.text).toContain('<form method="get" action="/groups" role="search"');
    const profile = await request(server, `/groups/${ids.rights}`);
    expect(profile.text).toContain("__remixContext");
    expect(profile.text).toMatch(/<script[^>]+type="module"/);
    for (const res of [directory, profile]) {
      // Rendered whole, then sent with its length (entry.server.tsx), not streamed in chunks.
      expect(res.headers["transfer-encoding"]).toBeUndefined();
      expect(Number(res.headers["content-length"])).toBe(res.raw.length);
      expect(res.raw.includes(0)).toBe(false);
    }
  });

  it("publishes groups.csv: BOM, CRLF, Japanese header, city code first, formulas escaped", async () => {
    const res = await request(server, "/opendata/groups.csv");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="groups-20261124\.csv"$/);
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expect([...res.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text.split("\r\n").length).toBeGreaterThan(2);
    expect(res.text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const records = parseCsv(res.text);
    expect(records[0]).toEqual(OPEN_DATA_COLUMNS.map(([, title]) => title));
    expect(records[0][0]).toBe("市区町村コード");
    const rows = records.slice(1);
    expect(rows.length).toBe(4 + 1 + 23);
    for (const row of rows) expect(row[0]).toBe("102113");
    const col = (title: string) => records[0].indexOf(title);
    const formula = rows.find((r) => r[col("NO")] === String(ids.formula))!;
    expect(formula[col("目的")]).toBe("'=SUM(1)");
    expect(formula[col("活動内容")]).toBe("'@cmd");
    expect(formula[col("活動場所")]).toBe("'+1 会議室");
    expect(formula[col("電話番号")]).toBe("027-382-1111");
    expect(formula[col("URL")]).toBe("https://kawasemi.example.jp/?a=1&b=2");
    expect(formula[col("団体種別")]).toBe("NPO法人");
    expect(formula[col("法人番号")]).toBe(withCheckDigit("700001234567"));
    expect(formula[col("主たる事務所市内")]).toBe("1");
    const rights = rows.find((r) => r[col("NO")] === String(ids.rights))!;
    expect(rights[col("代表者名")]).toBe("");
    expect(rights[col("主な活動地区コード")]).toBe("001");
    expect(rights[col("活動地区コード")]).toBe("001;002");
    expect(rights[col("活動分野")]).toBe("2;10");
    expect(rights[col("設立年月日")]).toBe("2015-04-01");
    expect(rights[col("登録年度")]).toBe("2026");
    expect(rights[col("登録有効期限")]).toBe("2027-03-31");
    expect(rights[col("ボランティア募集")]).toBe("1");
    const kids = rows.find((r) => r[col("NO")] === String(ids.kids))!;
    expect(kids[col("代表者名")]).toBe("公開 一郎");
    expect(res.text).not.toContain("秘密 花子");
    for (const hidden of [ids.lapsed, ids.draft, ids.neverRegistered]) {
      expect(rows.map((r) => r[col("NO")])).not.toContain(String(hidden));
    }
    expect(res.text).not.toContain("未承認");
  });

  it("publishes groups.json with the same fields under English keys", async () => {
    const [csvRes, jsonRes] = await Promise.all([request(server, "/opendata/groups.csv"), request(server, "/opendata/groups.json")]);
    expect(jsonRes.status).toBe(200);
    expect(jsonRes.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(jsonRes.headers["cache-control"]).toBe("public, max-age=300");
    const body = JSON.parse(jsonRes.text) as { cityCode: string; count: number; groups: Record<string, unknown>[] };
    expect(body.cityCode).toBe("102113");
    expect(body.count).toBe(body.groups.length);
    expect(jsonRes.text).not.toContain("秘密 花子");
    const records = parseCsv(csvRes.text);
    expect(body.groups.length).toBe(records.length - 1);
    for (const group of body.groups) {
      expect(Object.keys(group)).toEqual(OPEN_DATA_COLUMNS.map(([key]) => key));
    }
    // Cell by cell, the JSON value written the CSV way is the CSV cell (before formula escaping).
    const kinds: Record<string, string> = { npo: "NPO法人", volunteer: "ボランティア団体・任意団体", other: "その他" };
    records.slice(1).forEach((row, i) => {
      const group = body.groups[i];
      OPEN_DATA_COLUMNS.forEach(([key], c) => {
        const value = group[key];
        const asCell =
          key === "kind" ? kinds[value as string] : typeof value === "boolean" ? (value ? "1" : "0") : Array.isArray(value) ? value.join(";") : String(value);
        expect(row[c].replace(/^'(?=[=+\-@\t\r])/, ""), `${key} of ${String(group.no)}`).toBe(asCell);
      });
    });
    const formula = body.groups.find((g) => g.no === ids.formula)!;
    expect(formula.purpose).toBe("=SUM(1)");
    expect(formula.activityFields).toEqual([7]);
    expect(formula.mainOfficeInCity).toBe(true);
  });

  it("finds long words, words outside the BMP and words in a district through the search index", async () => {
    const client = getCtx().client;
    const id = await seedGroup(
      client,
      { name: "𠮷野家ｶﾞｯｺｳ友の会", nameKana: "ヨシノヤガッコウトモノカイ", purpose: "𠮷の字を使う会です。", mainDistrictId: ids.districts["045"] },
      { fiscalYear: FY },
    );
    try {
      for (const q of ["𠮷野", "𠮷", "がっこう友", "ガッコウ友の会"]) {
        expect((await search(`q=${encodeURIComponent(q)}`)).groups.map((g) => g.id), q).toEqual([id]);
      }
      // Every piece is there but not in this order: no match.
      expect((await search(`q=${encodeURIComponent("友の会ガッコウ")}`)).total).toBe(0);
      expect((await search(`district=${ids.districts["045"]}&q=${encodeURIComponent("𠮷野家")}`)).groups.map((g) => g.id)).toEqual([id]);
      expect((await search(`district=${ids.districts["001"]}&q=${encodeURIComponent("𠮷野家")}`)).total).toBe(0);
    } finally {
      await client.group.delete({ where: { id } });
    }
  });

  it("the migration's backfill makes the same search pieces as publishVersion", async () => {
    const { client, provider } = getCtx();
    const id = await seedGroup(
      client,
      { name: "𠮷野 ｶﾞｯｺｳ　ＮＰＯ %_\\の会", nameKana: "ヨシノ", purpose: "ａ b  c" },
      { fiscalYear: FY },
    );
    try {
      const rows = async () =>
        (await client.groupSearchGram.findMany({ select: { gram: true, groupId: true } })).map((r) => `${r.groupId} ${r.gram}`).sort();
      const written = await rows();
      const groups = await client.group.findMany({ select: { id: true, searchText: true } });
      expect(written).toEqual(groups.flatMap((g) => searchGrams(g.searchText).map((gram) => `${g.id} ${gram}`)).sort());
      expect(written.length).toBeGreaterThan(100);
      // The last statement of the migration, run again on an emptied table.
      const dir = provider === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations";
      const migration = fs.readFileSync(path.join(ROOT, dir, "20261124000000_directory_search/migration.sql"), "utf8");
      const backfill = migration.slice(migration.indexOf("-- Backfill"));
      await client.groupSearchGram.deleteMany({});
      await client.$executeRawUnsafe(backfill);
      expect(await rows()).toEqual(written);
    } finally {
      await client.group.delete({ where: { id } });
    }
  });

  it("keeps the private representative name out of everything public", async () => {
    const client = getCtx().client;
    const lookup = await getPublicProfile(ids.rights, { at: AT, client });
    expect(lookup.status === "listed" && lookup.profile.representativeName).toBe(null);
    const csv = openDataCsv(await openDataGroups({ at: AT, client }));
    expect(csv).not.toContain("秘密 花子");
    const pages = await Promise.all([`/groups/${ids.rights}`, "/groups?q=" + encodeURIComponent("秘密"), "/groups"].map((p) => request(server, p)));
    for (const page of pages) expect(page.text).not.toContain("秘密 花子");
    expect((await search("q=" + encodeURIComponent("秘密"))).total).toBe(0);
  });
});
