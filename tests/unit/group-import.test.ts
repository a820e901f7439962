import { describe, expect, it } from "vitest";
import { groupProfileSchema } from "../../app/groups/forms.ts";
import { catalogueErrorMap } from "../../app/platform/forms/validation.ts";
import { groupImportMessages } from "../../app/groups/messages/groupImport.ts";
import { translateMessage, translator } from "../../app/i18n/index.ts";
import {
  districtCodeKey,
  GROUP_IMPORT_COLUMNS,
  GROUP_IMPORT_HEADERS,
  mapImportRow,
  normalizeCount,
  normalizeDate,
  parseActivityField,
  parseActivityFields,
  parseKind,
  parseYesNo,
  splitList,
  validateImportRow,
} from "../../app/groups/import-rows.ts";
import { identityKeyOf, isFurigana, normalizeFurigana } from "../../app/groups/rules.ts";
import { isCorporateNumber, withCheckDigit } from "../../app/platform/forms/rules.ts";
import { parseCsvRows } from "../../app/platform/csv.ts";
import { decodeImportBytes, readHeader } from "../../app/platform/import/table.ts";
import { districts } from "../../prisma/data/annaka.ts";
import { demoGroups } from "../../prisma/data/groups.ts";

const ja = translator("ja", groupImportMessages);
const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** District ids as the import looks them up: 001 → 1 … (codeKey drops leading zeros). */
const districtIds = new Map(districts.map((d, i) => [districtCodeKey(d.code), i + 1]));

function row(values: Partial<Record<string, string>>) {
  const full: Record<string, string> = {
    団体名: "安中子ども会",
    団体名_カナ: "あんなかこどもかい",
    団体種別: "ボランティア団体・任意団体",
    法人番号: "",
    主たる事務所市内: "",
    ボランティアセンター登録: "はい",
    代表者名: "安中 太郎",
    電話番号: "027-300-1234",
    メールアドレス: "kodomo@example.jp",
    URL: "https://kodomo.example.jp/",
    SNS: "",
    主な活動地区コード: "001",
    活動地区コード: "001;002",
    活動分野: "13;2",
    目的: "子どもの健全育成",
    活動内容: "遊びの会",
    設立年月日: "2010/4/1",
    会員数: "12",
    会員募集: "○",
    ボランティア募集: "",
    活動場所: "安中公民館",
    ...values,
  };
  return (header: string) => full[header] ?? "";
}

function validate(values: Partial<Record<string, string>>) {
  const mapped = mapImportRow(row(values), districtIds);
  const checked = validateImportRow(row(values), districtIds, groupProfileSchema("2026-06-01"));
  const messages = checked.reasons.map((r) => `${r.column}: ${translateMessage(ja, r.message)}`);
  return { mapped, data: checked.data, messages };
}

describe("encoding detection", () => {
  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const result = decodeImportBytes(bytes(0xef, 0xbb, 0xbf, ...utf8("団体名,会員数\r\n安中,5\r\n")));
    expect(result).toEqual({ text: "団体名,会員数\r\n安中,5\r\n", encoding: "utf-8" });
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeImportBytes(utf8("団体名\n碓氷峠\n"))).toEqual({ text: "団体名\n碓氷峠\n", encoding: "utf-8" });
  });

  it("reads Shift_JIS as Excel writes it (安中 = 88 C0 92 86, カ = 83 4A)", () => {
    const result = decodeImportBytes(bytes(0x88, 0xc0, 0x92, 0x86, 0x2c, 0x83, 0x4a, 0x0d, 0x0a));
    expect(result).toEqual({ text: "安中,カ\r\n", encoding: "shift_jis" });
  });

  it("reads Excel's CP932 extensions (① = 87 40) and half-width katakana (ｱ = B1)", () => {
    expect(decodeImportBytes(bytes(0x87, 0x40, 0xb1))).toEqual({ text: "①ｱ", encoding: "shift_jis" });
  });

  it("treats plain ASCII as UTF-8", () => {
    expect(decodeImportBytes(utf8("a,b\r\n1,2"))?.encoding).toBe("utf-8");
  });

  it("refuses bytes that are neither UTF-8 nor Shift_JIS", () => {
    expect(decodeImportBytes(bytes(0x41, 0xff, 0xfe, 0x42))).toBeNull();
  });
});

describe("parseCsvRows", () => {
  it("numbers records as spreadsheet rows, quoted line breaks included", () => {
    const rows = parseCsvRows('h1,h2\r\n"a\r\nb",c\r\nd,e\r\n');
    expect(rows.map((r) => [r.record, r.cells])).toEqual([
      [1, ["h1", "h2"]],
      [2, ["a\r\nb", "c"]],
      [3, ["d", "e"]],
    ]);
  });

  it("reports a quote that never closes and reads on from the next line", () => {
    const rows = parseCsvRows('h1,h2\r\n"broken,x\r\nd,e\r\nf,g\r\n');
    expect(rows.map((r) => [r.record, r.error ?? null, r.cells])).toEqual([
      [1, null, ["h1", "h2"]],
      [2, "unterminated-quote", []],
      [3, null, ["d", "e"]],
      [4, null, ["f", "g"]],
    ]);
  });

  it("reports text after a closing quote without losing the next record", () => {
    const rows = parseCsvRows('h\r\n"a"b,c\r\n"ok"\r\n"x\r\n"y"z\r\nlast\r\n');
    expect(rows.map((r) => [r.record, r.error ?? null, r.cells])).toEqual([
      [1, null, ["h"]],
      [2, "text-after-quote", []],
      [3, null, ["ok"]],
      [4, "unterminated-quote", []],
      [5, "text-after-quote", []],
      [6, null, ["last"]],
    ]);
  });

  it("reads what parseCsv reads for well-formed text", () => {
    expect(parseCsvRows('\uFEFFa,"b,""c"""\n,\n').map((r) => r.cells)).toEqual([
      ["a", 'b,"c"'],
      ["", ""],
    ]);
  });
});

describe("header row", () => {
  it("finds every column of the sample order", () => {
    const header = readHeader([...GROUP_IMPORT_HEADERS], GROUP_IMPORT_COLUMNS);
    expect(header.missingRequired).toEqual([]);
    expect(header.missingOptional).toEqual([]);
    expect(header.unknown).toEqual([]);
    expect(header.index.get("活動場所")).toBe(GROUP_IMPORT_HEADERS.length - 1);
  });

  it("accepts full-width letters and stray spaces, reports missing and unknown columns", () => {
    const header = readHeader(["団体名 ", "団体名_カナ", "団体種別", "代表者名", "主な活動地区コード", "活動分野", "目的", "活動内容", "設立年月日", "ＵＲＬ", "備考"], GROUP_IMPORT_COLUMNS);
    expect(header.index.get("団体名")).toBe(0);
    expect(header.index.get("URL")).toBe(9);
    expect(header.missingRequired).toEqual(["会員数"]);
    expect(header.missingOptional).toContain("SNS");
    expect(header.unknown).toEqual(["備考"]);
  });
});

describe("cell values", () => {
  it("reads yes and no as the city's spreadsheets write them", () => {
    for (const yes of ["はい", "1", "１", "○", "〇", "◯", "yes", "TRUE", "有"]) expect(parseYesNo(yes), yes).toBe(true);
    for (const no of ["いいえ", "0", "", "  ", "no", "false", "無", "×", "-"]) expect(parseYesNo(no), no).toBe(false);
    expect(parseYesNo("たぶん")).toBeNull();
  });

  it("reads the kind by its label or its code", () => {
    expect(parseKind("NPO法人")).toBe("npo");
    expect(parseKind("ＮＰＯ法人")).toBe("npo");
    expect(parseKind("npo")).toBe("npo");
    expect(parseKind("特定非営利活動法人")).toBe("npo");
    expect(parseKind("ボランティア団体・任意団体")).toBe("volunteer");
    expect(parseKind("ボランティア団体･任意団体")).toBe("volunteer");
    expect(parseKind("Volunteer")).toBe("volunteer");
    expect(parseKind("その他")).toBe("other");
    expect(parseKind("other")).toBe("other");
    expect(parseKind("株式会社")).toBeNull();
  });

  it("reads activity fields by number or name", () => {
    expect(parseActivityField("13")).toBe(13);
    expect(parseActivityField("１３")).toBe(13);
    expect(parseActivityField("子どもの健全育成")).toBe(13);
    expect(parseActivityField("保健、医療又は福祉の増進")).toBe(1);
    expect(parseActivityField("保健,医療又は福祉の増進")).toBe(1);
    expect(parseActivityField("Environmental conservation")).toBe(parseActivityField("環境の保全"));
    expect(parseActivityField("21")).toBeNull();
    expect(parseActivityField("0")).toBeNull();
    expect(parseActivityField("カラオケ")).toBeNull();
  });

  it("reads a list of fields whose names hold 、", () => {
    expect(parseActivityFields("保健、医療又は福祉の増進;13")).toEqual({ fields: [1, 13], unknown: [] });
    expect(parseActivityFields("13、2, 7")).toEqual({ fields: [13, 2, 7], unknown: [] });
    expect(parseActivityFields("学術、文化、芸術又はスポーツの振興；環境の保全")).toEqual({ fields: [6, 7], unknown: [] });
    expect(parseActivityFields("13、カラオケ;99")).toEqual({ fields: [], unknown: ["13、カラオケ", "99"] });
  });

  it("splits lists on ; and the separators people type", () => {
    expect(splitList("001;002；003、004 ; ")).toEqual(["001", "002", "003", "004"]);
    expect(splitList("")).toEqual([]);
  });

  it("reads dates as YYYY-MM-DD or YYYY/MM/DD, with or without zeros", () => {
    expect(normalizeDate("2015-04-01")).toBe("2015-04-01");
    expect(normalizeDate("2015/04/01")).toBe("2015-04-01");
    expect(normalizeDate("2015/4/1")).toBe("2015-04-01");
    expect(normalizeDate("２０１５／４／１")).toBe("2015-04-01");
    expect(normalizeDate(" 2015/4/1 ")).toBe("2015-04-01");
    expect(normalizeDate("2015/2/30")).toBe("2015/2/30");
    expect(normalizeDate("平成27年4月1日")).toBe("平成27年4月1日");
  });

  it("reads member counts with separators and units", () => {
    expect(normalizeCount("1,200")).toBe("1200");
    expect(normalizeCount("２５人")).toBe("25");
    expect(normalizeCount("30 名")).toBe("30");
  });

  it("reads district codes whose zeros Excel dropped", () => {
    expect(districtCodeKey("001")).toBe(districtCodeKey("1"));
    expect(districtCodeKey("０４５")).toBe("45");
  });
});

describe("mapImportRow", () => {
  it("maps a row to the form's input, with the representative not public", () => {
    const { mapped, data, messages } = validate({});
    expect(messages).toEqual([]);
    expect(mapped.input.representativePublic).toBe("");
    expect(data).toMatchObject({
      name: "安中子ども会",
      nameKana: "アンナカコドモカイ",
      kind: "volunteer",
      corporateNumber: "",
      volunteerCenter: true,
      mainOfficeInCity: false,
      representativeName: "安中 太郎",
      representativePublic: false,
      mainDistrictId: 1,
      districtIds: [1, 2],
      activityFields: [2, 13],
      foundedOn: "2010-04-01",
      memberCount: 12,
      welcomesMembers: true,
      welcomesVolunteers: false,
    });
  });

  it("maps an NPO法人 with a valid 法人番号 and its main office in the city", () => {
    const number = withCheckDigit("070005001234");
    const { data, messages } = validate({ 団体種別: "npo", 法人番号: number, 主たる事務所市内: "1" });
    expect(messages).toEqual([]);
    expect(data).toMatchObject({ kind: "npo", corporateNumber: number, mainOfficeInCity: true });
  });

  it("refuses a 法人番号 with a wrong check digit, and one Excel turned into 1.07E+12", () => {
    const number = withCheckDigit("070005001234");
    const wrong = `${(Number(number[0]) % 9) + 1}${number.slice(1)}`;
    expect(validate({ 団体種別: "NPO法人", 法人番号: wrong }).messages).toEqual([`法人番号: ${ja("groups.errors.corporateNumber")}`]);
    const exp = validate({ 団体種別: "NPO法人", 法人番号: "1.07E+12" }).messages;
    expect(exp).toHaveLength(1);
    expect(exp[0]).toContain("指数表記");
  });

  it("refuses furigana with kanji, as the form does", () => {
    expect(validate({ 団体名_カナ: "安中コドモカイ" }).messages).toEqual([`団体名_カナ: ${ja("groups.errors.furigana")}`]);
  });

  it("says which values it cannot read, once per column", () => {
    const { messages } = validate({
      団体種別: "株式会社",
      会員募集: "たぶん",
      主な活動地区コード: "999",
      活動地区コード: "001;888",
      活動分野: "13;カラオケ",
    });
    expect(messages).toEqual([
      "団体種別: NPO法人、ボランティア団体・任意団体、その他のどれかを入力してください（「株式会社」）",
      "主な活動地区コード: 行政区コード 999 は登録されていません",
      "活動地区コード: 行政区コード 888 は登録されていません",
      "活動分野: 活動分野 カラオケ は分かりません（1〜20の番号か、NPO法 別表の分野名で入力してください）",
      "会員募集: はい・いいえ（1・0、○・空欄）のどれかで入力してください（「たぶん」）",
    ]);
  });

  it("names the column of each of the schema's findings", () => {
    expect(validate({ 団体名: "", 目的: "", 会員数: "十", 設立年月日: "2030-01-01", 主な活動地区コード: "" }).messages).toEqual([
      `団体名: ${ja("errors.required")}`,
      `主な活動地区コード: ${ja("groups.errors.district")}`,
      `目的: ${ja("errors.required")}`,
      `設立年月日: ${ja("groups.errors.futureDate")}`,
      `会員数: ${ja("errors.number")}`,
    ]);
  });

  it("keeps text that looks like a formula or markup as text", () => {
    const { data } = validate({ 目的: "=HYPERLINK(\"http://x\")", 活動内容: "<script>alert(1)</script>", 活動場所: "@公民館", 団体名: "+安中の会", 代表者名: "-山田" });
    expect(data).toMatchObject({
      representativeName: "-山田",
      purpose: '=HYPERLINK("http://x")',
      activities: "<script>alert(1)</script>",
      meetingPlace: "@公民館",
      name: "+安中の会",
    });
  });

  it("reads back a cell our own CSV export escaped against formulas", () => {
    const { data } = validate({ 目的: "'=1+1" });
    expect(data?.purpose).toBe("=1+1");
  });

  it("refuses a javascript: URL and a member count under five", () => {
    const { messages } = validate({ URL: "javascript:alert(1)", 会員数: "3" });
    expect(messages).toEqual([`URL: ${ja("groups.errors.url")}`, `会員数: ${ja("groups.errors.members", { min: 5, max: 99999 })}`]);
  });
});

describe("demo groups (prisma/data/groups.ts)", () => {
  const codes = new Set(districts.map((d) => d.code));

  it("has about a hundred groups across kinds and states", () => {
    expect(demoGroups.length).toBeGreaterThanOrEqual(95);
    expect(demoGroups.length).toBeLessThanOrEqual(110);
    const count = (f: (g: (typeof demoGroups)[number]) => boolean) => demoGroups.filter(f).length;
    expect(count((g) => g.kind === "npo")).toBeGreaterThanOrEqual(13);
    expect(count((g) => g.kind === "other")).toBeGreaterThanOrEqual(5);
    expect(count((g) => g.kind === "volunteer")).toBeGreaterThan(count((g) => g.kind !== "volunteer"));
    expect(count((g) => g.state === "lapsed")).toBe(8);
    expect(count((g) => g.state === "pending")).toBe(6);
    expect(count((g) => Boolean(g.change))).toBe(4);
    expect(count((g) => Boolean(g.renewal))).toBe(2);
    expect(count((g) => !g.state)).toBeGreaterThanOrEqual(75);
  });

  it("passes the form's validation, with valid 法人番号 and fictional contacts", () => {
    const schema = groupProfileSchema("2026-04-01");
    for (const [i, g] of demoGroups.entries()) {
      const parsed = schema.safeParse(
        {
          name: g.name,
          nameKana: g.kana,
          kind: g.kind,
          corporateNumber: g.corporateBase ? withCheckDigit(g.corporateBase) : "",
          mainOfficeInCity: g.mainOfficeInCity ? "on" : "",
          volunteerCenter: g.volunteerCenter ? "on" : "",
          representativeName: g.representative,
          phone: `027-300-${2001 + i}`,
          email: g.email ?? "",
          website: g.website ?? "",
          sns: g.sns ?? "",
          mainDistrictId: "1",
          districtIds: ["1"],
          activityFields: g.fields.map(String),
          purpose: g.purpose,
          activities: g.activities,
          foundedOn: g.foundedOn,
          memberCount: String(g.members),
          meetingPlace: g.meetingPlace,
        },
        { error: catalogueErrorMap },
      );
      expect(parsed.success ? [] : parsed.error.issues.map((x) => `${String(x.path[0])}: ${x.message}`), g.name).toEqual([]);
      expect(isFurigana(normalizeFurigana(g.kana)), g.name).toBe(true);
      expect(g.kana, g.name).toBe(normalizeFurigana(g.kana));
      if (g.kind === "npo") expect(isCorporateNumber(withCheckDigit(g.corporateBase ?? "")), g.name).toBe(true);
      else expect(g.corporateBase, g.name).toBeUndefined();
      expect(codes.has(g.main), g.name).toBe(true);
      for (const code of g.districts) expect(codes.has(code), `${g.name} ${code}`).toBe(true);
      const sentences = (text: string) => text.split("。").length - 1;
      expect(sentences(g.purpose), g.name).toBeGreaterThanOrEqual(1);
      expect(sentences(g.activities), g.name).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives fictional contacts: every address at example.jp, every link to a host under example.jp, absent ones left out (not empty)", () => {
    const emails = demoGroups.flatMap((g) => (g.email === undefined ? [] : [[g.name, g.email] as const]));
    const links = demoGroups.flatMap((g) => [g.website, g.sns].flatMap((url) => (url === undefined ? [] : [[g.name, url] as const])));
    // Enough of each that the checks below check something.
    expect(emails.length).toBeGreaterThanOrEqual(30);
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const [name, email] of emails) expect(email, name).toMatch(/^[a-z0-9.-]+@example\.jp$/);
    for (const [name, url] of links) expect(url, name).toMatch(/^https:\/\/[a-z0-9-]+\.example\.jp\//);
  });

  it("has distinct names, identities and 法人番号", () => {
    expect(new Set(demoGroups.map((g) => identityKeyOf(g.name, g.kana))).size).toBe(demoGroups.length);
    const numbers = demoGroups.flatMap((g) => (g.corporateBase ? [g.corporateBase] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("lets a search for 人権, 子育, 防災 or 環境 find several registered groups", () => {
    const registered = demoGroups.filter((g) => !g.state);
    for (const word of ["人権", "子育", "防災", "環境"]) {
      const hits = registered.filter((g) => `${g.name} ${g.purpose} ${g.activities}`.includes(word));
      expect(hits.length, word).toBeGreaterThanOrEqual(3);
    }
  });
});
