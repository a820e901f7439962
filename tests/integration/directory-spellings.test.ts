/**
 * The directory finds a word in any of its spellings (app/groups/synonyms.ts) and in the
 * furigana of names: a search in hiragana finds as many groups as one in kanji, on SQLite and
 * PostgreSQL. Model functions only (no server).
 */
import { beforeAll, expect, it } from "vitest";
import { searchDirectory } from "../../app/groups/directory.server.ts";
import { parseDirectoryQuery } from "../../app/groups/search.ts";
import { seedGroup } from "./helpers/directory-groups.ts";
import { describeBothDatabases } from "./helpers/test-db.ts";

const AT = new Date("2026-11-24T03:00:00.000Z");
const FY = 2026;

describeBothDatabases("directory search by spellings and furigana", (getCtx) => {
  beforeAll(async () => {
    const { client } = getCtx();
    await client.district.create({ data: { code: "001", name: "安中一区", nameKana: "アンナカイック" } });
    const mainDistrictId = (await client.district.findFirstOrThrow()).id;
    const groups = [
      { name: "安中子ども食堂", nameKana: "アンナカコドモショクドウ", purpose: "子どもたちに温かい食事を届けます。" },
      { name: "原市子供会", nameKana: "ハライチコドモカイ", purpose: "地区の子供会の行事を開きます。" },
      { name: "こどもの森あそび隊", nameKana: "コドモノモリアソビタイ", purpose: "森で遊ぶ日をつくります。" },
      // The word only in the furigana of the name.
      { name: "キッズ劇場 虹", nameKana: "コドモゲキジョウニジ", purpose: "演劇を見る機会をつくります。" },
      { name: "地域福祉の会", nameKana: "チイキフクシノカイ", purpose: "地域福祉を進めます。" },
      { name: "ふれあいサロン", nameKana: "フレアイサロン", purpose: "だれもが集える、ふくしの居場所です。" },
      { name: "障害者スポーツの会", nameKana: "ショウガイシャスポーツノカイ", purpose: "障がいのある人と一緒に運動します。" },
      { name: "まちの清掃隊", nameKana: "マチノセイソウタイ", purpose: "街づくりのため道路を清掃します。" },
      { name: "写真クラブ", nameKana: "シャシンクラブ", purpose: "季節の風景を撮影します。" },
    ];
    for (const g of groups) await seedGroup(client, { ...g, mainDistrictId }, { fiscalYear: FY });
  });

  const search = (q: string) => searchDirectory(parseDirectoryQuery(new URLSearchParams({ q })), { at: AT, client: getCtx().client });
  const names = async (q: string) => (await search(q)).groups.map((g) => g.name.map((p) => p.text).join("")).sort();

  it("finds as many groups with こども as with 子ども or 子供, the name's furigana included", async () => {
    const all = ["こどもの森あそび隊", "キッズ劇場 虹", "原市子供会", "安中子ども食堂"].sort();
    for (const q of ["こども", "子ども", "子供", "コドモ", "ｺﾄﾞﾓ"]) {
      expect(await names(q), q).toEqual(all);
      expect((await search(q)).total, q).toBe(4);
    }
  });

  it("finds 福祉 and ふくし alike, and 障がい in each of its spellings", async () => {
    expect(await names("ふくし")).toEqual(["ふれあいサロン", "地域福祉の会"]);
    expect(await names("福祉")).toEqual(await names("ふくし"));
    for (const q of ["しょうがい", "障害", "障がい"]) expect(await names(q), q).toEqual(["障害者スポーツの会"]);
    expect(await names("町づくり")).toEqual(["まちの清掃隊"]);
  });

  it("marks the spelling the text uses, and still needs every word", async () => {
    const [group] = (await search("こども 食堂")).groups;
    expect(group.name.filter((p) => p.mark).map((p) => p.text)).toEqual(["子ども食堂"]);
    expect((await search("こども 食堂")).total).toBe(1);
    expect((await search("こども 写真")).total).toBe(0);
  });
});
