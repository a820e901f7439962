/**
 * Importing the city's group list (`npm run import:groups`) and seeding the demo groups, on
 * SQLite and PostgreSQL. The model is called with each test database's client; the CLI runs as
 * a real process (`npx tsx scripts/import-groups.ts`) against the same database.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// db.server.ts opens a process-wide client for DATABASE_URL when first imported (through the
// models); point it at a scratch file. The tests hand the model each test database's client.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "portal-group-import-test-"));
process.env.DATABASE_URL = `file:${path.join(scratch, "unused.db")}`;

const { describeBothDatabases, ROOT } = await import("./helpers/test-db.ts");
const { importGroups, importReportLines } = await import("../../app/groups/import.server.ts");
const { GROUP_IMPORT_HEADERS } = await import("../../app/groups/import-rows.ts");
const { fiscalYearValidity, listedGroupWhere } = await import("../../app/groups/group.server.ts");
const { isCorporateNumber, withCheckDigit } = await import("../../app/platform/forms/rules.ts");
const { setClock } = await import("../../app/platform/clock.server.ts");
const { translateMessage, translator } = await import("../../app/i18n/index.ts");
const { groupImportMessages } = await import("../../app/groups/messages/groupImport.ts");
const { districts } = await import("../../prisma/data/annaka.ts");
const { DEMO_ACCOUNTS, seedDemoAccounts, seedDemoGroups, seedDemoPlaces } = await import("../../prisma/seed.ts");

type Db = import("../../app/platform/db.server.ts").Db;

const CLOCK = "2026-06-01T03:00:00.000Z";
const AT = new Date(CLOCK);
const SAMPLE = path.join(ROOT, "docs/samples/groups-import-sample.csv");
const ja = translator("ja", groupImportMessages);

afterAll(() => {
  setClock(null);
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A Shift_JIS (CP932) encoder from the platform's decoder: every code decoded once, the table reversed. */
function shiftJis(text: string): Uint8Array {
  const decoder = new TextDecoder("shift_jis");
  const table = new Map<string, number[]>();
  for (let b = 0; b < 0x80; b++) table.set(String.fromCharCode(b), [b]);
  for (let b = 0xa1; b <= 0xdf; b++) table.set(decoder.decode(new Uint8Array([b])), [b]);
  for (const lead of [...Array.from({ length: 0x1f }, (_, i) => 0x81 + i), ...Array.from({ length: 0x1d }, (_, i) => 0xe0 + i)]) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`no Shift_JIS code for ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

type Cells = Partial<Record<string, string>>;

/** One data row in the column order of the sample, from a few values over sensible defaults. */
function line(values: Cells): string {
  const defaults: Record<string, string> = {
    団体種別: "ボランティア団体・任意団体",
    ボランティアセンター登録: "はい",
    代表者名: "安中 花子",
    電話番号: "027-300-1999",
    主な活動地区コード: "001",
    活動地区コード: "001",
    活動分野: "3",
    目的: "地域をよくします。",
    活動内容: "清掃をしています。",
    設立年月日: "2015/4/1",
    会員数: "10",
  };
  const cells = GROUP_IMPORT_HEADERS.map((h) => values[h] ?? defaults[h] ?? "");
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}

function csv(...rows: string[]): string {
  return [GROUP_IMPORT_HEADERS.join(","), ...rows].join("\r\n") + "\r\n";
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function tableCounts(client: Db) {
  return {
    groups: await client.group.count(),
    versions: await client.groupVersion.count(),
    registrations: await client.groupRegistration.count(),
    fields: await client.groupField.count(),
    districts: await client.groupDistrict.count(),
    memberships: await client.groupMembership.count(),
    audit: await client.auditEntry.count(),
  };
}

function runCli(args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The script as `npm run import:groups` runs it (tsx), without npx's own start-up each time.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import-groups.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, TEST_CLOCK: CLOCK, LOG_LEVEL: "silent", npm_config_loglevel: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, "") }));
  });
}

describeBothDatabases("group import", (getCtx) => {
  beforeAll(async () => {
    setClock(AT);
    await getCtx().client.district.createMany({ data: districts.map((d) => ({ code: d.code, name: d.name, nameKana: d.nameKana, area: d.area })) });
  });

  it("imports the sample file and refuses its broken row with the reason", async () => {
    const { client } = getCtx();
    const result = await importGroups(client, { bytes: fs.readFileSync(SAMPLE), fileName: SAMPLE });
    expect(result.fileError).toBeUndefined();
    expect(result.encoding).toBe("utf-8");
    expect(result.counts).toEqual({ accepted: 7, refused: 1, present: 0 });
    expect(result.createdGroupIds).toHaveLength(7);

    const lines = importReportLines(result, ja, "ja");
    expect(lines[0]).toBe("groups-import-sample.csv を読みました（文字コード UTF-8、データ 8 行）");
    expect(lines).toContain("行 2: 取り込みました — NPO法人あんなか子育てネット");
    expect(lines).toContain("行 9: 取り込めません — 安中国際交流クラブ");
    expect(lines).toContain(`    団体名_カナ: ${ja("groups.errors.furigana")}`);
    expect(lines).toContain(`    会員数: ${ja("groups.errors.members", { min: 5, max: 99999 })}`);
    expect(lines).toContain("合計 8 行: 取り込み 7、登録済み 0、取り込めない行 1");
    expect(lines.at(-1)).toBe("取り込んだ団体は 令和8年度の登録（2027年3月31日まで有効）になりました。代表者名は非公開です");

    const groups = await client.group.findMany({
      include: { publishedVersion: true, registrations: true, fields: true, districts: true },
      orderBy: { id: "asc" },
    });
    expect(groups).toHaveLength(7);
    const { validUntil } = fiscalYearValidity(2026);
    for (const g of groups) {
      expect(g).toMatchObject({ state: "active", imported: true });
      expect(g.publishedVersion).toMatchObject({ status: "approved", createdById: null, representativePublic: false, decidedAt: AT });
      expect(g.registrations).toEqual([
        expect.objectContaining({ fiscalYear: 2026, kind: "imported", status: "approved", validFrom: AT, validUntil, endedAt: null }),
      ]);
      expect(g.fields.length).toBeGreaterThan(0);
      expect(g.districts.length).toBeGreaterThan(0);
    }
    const npo = groups.find((g) => g.kind === "npo")!;
    expect(npo).toMatchObject({ name: "NPO法人あんなか子育てネット", corporateNumber: withCheckDigit("070005001234"), npoInCity: true });
    expect(npo.publishedVersion?.representativeName).toBe("佐藤 美和子");
    // Hiragana furigana is stored as katakana; a quoted line break survives.
    expect(groups.find((g) => g.name === "板鼻宿の歴史を語る会")?.nameKana).toBe("イタハナジュクノレキシヲカタルカイ");
    expect(groups.find((g) => g.name === "松井田人権を考える市民の会")?.publishedVersion?.activities).toContain("\n");
    // The representative's name is not in the public search text.
    expect(groups.some((g) => g.searchText.includes("佐藤"))).toBe(false);

    // Listed in the directory (and counted where the 6-1 rule says) from now on.
    expect(await client.group.count({ where: listedGroupWhere(AT) })).toBe(7);

    const audit = await client.auditEntry.findMany({ where: { action: "groups.imported" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, actorRole: "system", targetType: "group" });
    const details = JSON.parse(audit[0].details) as Record<string, unknown>;
    expect(details).toMatchObject({ file: "groups-import-sample.csv", rows: 8, imported: 7, refused: 1, present: 0, fiscalYear: 2026 });
    expect(audit[0].details).not.toMatch(/佐藤|@example\.jp|027-300|docs\/samples/);
  });

  it("changes nothing when the same file is imported again", async () => {
    const { client } = getCtx();
    const before = await tableCounts(client);
    const result = await importGroups(client, { bytes: fs.readFileSync(SAMPLE), fileName: "groups-import-sample.csv" });
    expect(result.counts).toEqual({ accepted: 0, refused: 1, present: 7 });
    expect(result.createdGroupIds).toEqual([]);
    const after = await tableCounts(client);
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
    const lines = importReportLines(result, ja, "ja");
    expect(lines.find((l) => l.startsWith("行 2:"))).toMatch(/^行 2: 登録済みのため変更しません — NPO法人あんなか子育てネット（法人番号が団体番号 \d+ と一致）$/);
    expect(lines.find((l) => l.startsWith("行 3:"))).toMatch(/（団体名とふりがなが団体番号 \d+ と一致）$/);
    expect(lines).toContain("合計 8 行: 取り込み 0、登録済み 7、取り込めない行 1");
  });

  it("recognises a registered group by name and furigana however they are written", async () => {
    const { client } = getCtx();
    const before = await tableCounts(client);
    const text = csv(
      // Same 法人番号 under another name: the number decides.
      line({ 団体名: "特定非営利活動法人 あんなか子育てネット", 団体名_カナ: "アンナカコソダテネット", 団体種別: "NPO法人", 法人番号: withCheckDigit("070005001234"), 主たる事務所市内: "はい" }),
      // Half-width katakana and spaces: NFKC makes them the same group.
      line({ 団体名: "磯部温泉まちなみ清掃隊 ", 団体名_カナ: "ｲｿﾍﾞｵﾝｾﾝ ﾏﾁﾅﾐｾｲｿｳﾀｲ" }),
    );
    const result = await importGroups(client, { bytes: utf8(text), fileName: "again.csv", dryRun: true });
    expect(result.rows.map((r) => [r.row, r.status, r.match])).toEqual([
      [2, "present", "corporateNumber"],
      [3, "present", "name"],
    ]);
    expect(await tableCounts(client)).toEqual(before);
  });

  it("writes nothing in a dry run", async () => {
    const { client } = getCtx();
    const before = await tableCounts(client);
    const text = csv(line({ 団体名: "原市ふれあい将棋クラブ", 団体名_カナ: "ハライチフレアイショウギクラブ" }), line({ 団体名: "安中朝ヨガの会", 団体名_カナ: "アンナカアサヨガノカイ" }));
    const result = await importGroups(client, { bytes: utf8(text), fileName: "dry.csv", dryRun: true });
    expect(result.counts).toEqual({ accepted: 2, refused: 0, present: 0 });
    expect(result.createdGroupIds).toEqual([]);
    expect(await tableCounts(client)).toEqual(before);
    const lines = importReportLines(result, ja, "ja");
    expect(lines).toContain("試行（--dry-run）です。データベースには何も書き込みません");
    expect(lines).toContain("行 2: 取り込めます — 原市ふれあい将棋クラブ");
    expect(lines.at(-1)).toBe("合計 2 行: 取り込める行 2、登録済み 0、取り込めない行 0（試行のため書き込んでいません）");
  });

  it("imports a Shift_JIS file as Excel saves it", async () => {
    const { client } = getCtx();
    const text = csv(
      line({ 団体名: "原市ふれあい将棋クラブ", 団体名_カナ: "はらいちふれあいしょうぎくらぶ", 活動分野: "学術、文化、芸術又はスポーツの振興", 会員数: "１２人" }),
      line({ 団体名: "ｶﾀｸﾘの里を守る会", 団体名_カナ: "ｶﾀｸﾘﾉｻﾄｦﾏﾓﾙｶｲ", 活動分野: "7", 主な活動地区コード: "34", 活動地区コード: "034;033" }),
    );
    const bytes = shiftJis(text);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const result = await importGroups(client, { bytes, fileName: "sjis.csv" });
    expect(result.encoding).toBe("shift_jis");
    expect(result.counts).toEqual({ accepted: 2, refused: 0, present: 0 });
    const shogi = await client.group.findFirstOrThrow({ where: { name: "原市ふれあい将棋クラブ" }, include: { publishedVersion: true, fields: true } });
    expect(shogi.nameKana).toBe("ハライチフレアイショウギクラブ");
    expect(shogi.publishedVersion?.memberCount).toBe(12);
    expect(shogi.fields.map((f) => f.field)).toEqual([6]);
    const katakuri = await client.group.findFirstOrThrow({ where: { nameKana: "カタクリノサトヲマモルカイ" }, include: { districts: true } });
    expect(katakuri.name).toBe("ｶﾀｸﾘの里を守る会");
    expect(katakuri.districts).toHaveLength(2);
    expect(importReportLines(result, ja, "ja")[0]).toContain("文字コード Shift_JIS");
  });

  it("refuses broken and invalid rows with their reasons and keeps hostile text as text", async () => {
    const { client } = getCtx();
    const good = withCheckDigit("070005009999");
    const wrong = `${(Number(good[0]) % 9) + 1}${good.slice(1)}`;
    const rows = [
      /* 2 */ line({ 団体名: "安中ゆめ基金", 団体名_カナ: "アンナカユメキキン", 団体種別: "NPO法人", 法人番号: wrong }),
      /* 3 */ line({ 団体名: "漢字のふりがなの会", 団体名_カナ: "漢字ノフリガナノカイ" }),
      /* 4 */ "only,three,cells",
      /* 5 */ `"安中の会,アンナカノカイ,volunteer`,
      /* 6 */ line({
        団体名: "=HYPERLINK(\"http://evil.example\",\"x\")",
        団体名_カナ: "イコールノカイ",
        目的: "+1+1 <script>alert('x')</script>",
        活動内容: "-2 @SUM(A1) <b>太字</b>",
        活動場所: "@公民館",
      }),
      /* 7 */ "",
      /* 8 */ line({ 団体名: "=HYPERLINK(\"http://evil.example\",\"x\")", 団体名_カナ: "いこーるのかい" }),
      /* 9 */ line({ 団体名: "安中ゆめ基金", 団体名_カナ: "アンナカユメキキン", 団体種別: "npo", 法人番号: good, 主たる事務所市内: "1" }),
      /* 10 */ line({ 団体名: "別の名前のゆめ基金", 団体名_カナ: "ベツノナマエノユメキキン", 団体種別: "npo", 法人番号: good }),
      /* 11 */ line({ 団体名: "危ないURLの会", 団体名_カナ: "アブナイユーアールエルノカイ", URL: "javascript:alert(1)", 会員数: "100000" }),
    ];
    const result = await importGroups(client, { bytes: utf8(csv(...rows)), fileName: "hostile.csv" });
    const byRow = new Map(result.rows.map((r) => [r.row, r]));
    const reasons = (row: number) => byRow.get(row)?.reasons.map((r) => `${r.column}|${translateMessage(ja, r.message)}`);
    expect(result.rows.map((r) => [r.row, r.status])).toEqual([
      [2, "refused"],
      [3, "refused"],
      [4, "refused"],
      [5, "refused"],
      [6, "accepted"],
      [8, "refused"],
      [9, "accepted"],
      [10, "refused"],
      [11, "refused"],
    ]);
    expect(reasons(2)).toEqual([`法人番号|${ja("groups.errors.corporateNumber")}`]);
    expect(reasons(3)).toEqual([`団体名_カナ|${ja("groups.errors.furigana")}`]);
    expect(reasons(4)).toEqual([`|${ja("groupImport.reason.cellCount", { count: 3, expected: GROUP_IMPORT_HEADERS.length })}`]);
    expect(reasons(5)).toEqual([`|${ja("groupImport.reason.unterminatedQuote")}`]);
    expect(reasons(8)).toEqual([`|${ja("groupImport.reason.duplicateName", { row: 6 })}`]);
    expect(reasons(10)).toEqual([`|${ja("groupImport.reason.duplicateNumber", { row: 9 })}`]);
    expect(reasons(11)).toEqual([`URL|${ja("groups.errors.url")}`, `会員数|${ja("groups.errors.members", { min: 5, max: 99999 })}`]);

    const lines = importReportLines(result, ja, "ja");
    expect(lines).toContain("行 5: 取り込めません — （団体名なし）");
    expect(lines).toContain(`    ${ja("groupImport.reason.unterminatedQuote")}`);

    const hostile = await client.group.findFirstOrThrow({ where: { nameKana: "イコールノカイ" }, include: { publishedVersion: true } });
    expect(hostile.name).toBe('=HYPERLINK("http://evil.example","x")');
    expect(hostile.publishedVersion).toMatchObject({
      purpose: "+1+1 <script>alert('x')</script>",
      activities: "-2 @SUM(A1) <b>太字</b>",
      meetingPlace: "@公民館",
    });
    expect(await client.group.count({ where: { name: "安中ゆめ基金", corporateNumber: good, npoInCity: true } })).toBe(1);
  });

  it("refuses a file it cannot use as a whole, and writes nothing", async () => {
    const { client } = getCtx();
    const before = await tableCounts(client);
    const missing = await importGroups(client, { bytes: utf8("団体名,団体名_カナ,代表者名\r\n安中の会,アンナカノカイ,安中 一郎\r\n"), fileName: "/tmp/x/missing.csv" });
    expect(importReportLines(missing, ja, "ja")).toEqual([
      `${ja("groupImport.errors.columns", { columns: "団体種別, 主な活動地区コード, 活動分野, 目的, 活動内容, 設立年月日, 会員数" })}`,
    ]);
    const binary = await importGroups(client, { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]), fileName: "logo.png" });
    expect(binary.fileError).toContain("groupImport.errors.encoding");
    const empty = await importGroups(client, { bytes: new Uint8Array([]), fileName: "empty.csv" });
    expect(empty.fileError).toContain("groupImport.errors.empty");
    expect(await tableCounts(client)).toEqual(before);
  });

  it("reports accepted rows while warning about missing optional and unknown columns", async () => {
    const { client } = getCtx();
    const headers = ["団体名", "団体名_カナ", "団体種別", "代表者名", "主な活動地区コード", "活動分野", "目的", "活動内容", "設立年月日", "会員数", "備考"];
    const text = `${headers.join(",")}\r\n安中短歌の会,アンナカタンカノカイ,その他,安中 次郎,7,6,短歌を楽しみます。,月1回の歌会です。,1999-09-09,8,メモ\r\n`;
    const result = await importGroups(client, { bytes: utf8(text), fileName: "few-columns.csv", dryRun: true });
    expect(result.counts.accepted).toBe(1);
    const lines = importReportLines(result, ja, "ja");
    expect(lines[2]).toMatch(/^次の列がないため空欄として扱います: 法人番号, 主たる事務所市内, /);
    expect(lines[3]).toBe("次の列は使いません: 備考");
  });

  describe("the command line", () => {
    // Each case starts real processes through npx and tsx: slow on a busy machine.
    const SLOW = 120_000;

    // A file that is not there and no file at all: "before any database" below (the script stops
    // before it reads DATABASE_URL, so a run per database would run the same process twice).
    it("exits 1 with one line for a header without a required column", async () => {
      const file = path.join(scratch, "header.csv");
      fs.writeFileSync(file, "団体名,会員数\r\n安中の会,5\r\n");
      const header = await runCli([file, "--dry-run"], getCtx().url);
      expect(header.code).toBe(1);
      expect(header.stdout).toBe("");
      expect(header.stderr.trim().split("\n")).toHaveLength(1);
      expect(header.stderr).toMatch(/^import:groups: 見出し行に必要な列がありません: 団体名_カナ, 団体種別/);
    }, SLOW);

    it("imports a file, prints the report and shows progress on stderr", async () => {
      const { client, url } = getCtx();
      const file = path.join(scratch, "cli.csv");
      fs.writeFileSync(file, "\uFEFF" + csv(line({ 団体名: "コマンドで来た会", 団体名_カナ: "コマンドデキタカイ" }), line({ 団体名: "", 団体名_カナ: "カラ" })));
      const run = await runCli([file], url);
      expect(run.code).toBe(0);
      const out = run.stdout.trim().split("\n");
      expect(out[0]).toBe("cli.csv を読みました（文字コード UTF-8、データ 2 行）");
      expect(out).toContain("行 2: 取り込みました — コマンドで来た会");
      expect(out).toContain("行 3: 取り込めません — （団体名なし）");
      expect(out).toContain(`    団体名: ${ja("errors.required")}`);
      expect(out).toContain("合計 2 行: 取り込み 1、登録済み 0、取り込めない行 1");
      expect(run.stderr).toContain("処理中 100%");
      const group = await client.group.findFirstOrThrow({ where: { name: "コマンドで来た会" }, include: { registrations: true } });
      expect(group.registrations[0]).toMatchObject({ fiscalYear: 2026, kind: "imported", validFrom: AT });

      const again = await runCli([file, "--lang", "en"], url);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("2 rows: 0 imported, 1 already registered, 1 refused");
    }, SLOW);
  });
});

describe("group import: the command line before any database", () => {
  // The script exits on its arguments or its file before it opens DATABASE_URL (which names a
  // file that does not exist here): one run each, not one per database.
  const nowhere = `file:${path.join(scratch, "never-opened.db")}`;

  it("exits 1 with one line for a file that is not there, or for no file at all", async () => {
    const [missing, noFile] = await Promise.all([runCli(["/no/such/dir/groups.csv"], nowhere), runCli([], nowhere)]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr.trim().split("\n")).toEqual(["import:groups: ファイル /no/such/dir/groups.csv がありません"]);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr.trim().split("\n")).toEqual([`import:groups: ${ja("groupImport.errors.noFile")}。${ja("groupImport.usage")}`]);
    expect(fs.existsSync(nowhere.slice("file:".length))).toBe(false);
  }, 120_000);
});

describeBothDatabases("demo groups seed", (getCtx) => {
  afterAll(() => setClock(null));

  it("adds about a hundred groups in every state, dated from the clock", async () => {
    const { client } = getCtx();
    const at = new Date("2027-02-10T03:00:00.000Z"); // FY2026, renewal open
    setClock(at);
    // The registry's parts of the demo (seedDemo's consultations write through the app's own client, not this one).
    await seedDemoPlaces(client);
    await seedDemoAccounts(client);
    await seedDemoGroups(client);
    expect(await client.group.count()).toBe(100);
    expect(await client.group.count({ where: listedGroupWhere(at) })).toBe(86);
    expect(await client.group.count({ where: { state: "draft", publishedVersionId: null } })).toBe(6);
    expect(await client.groupRegistration.count({ where: { kind: "initial", status: "pending", fiscalYear: 2026 } })).toBe(6);
    expect(await client.groupVersion.count({ where: { status: "submitted", group: { state: "active" } } })).toBe(4);
    expect(await client.groupRegistration.count({ where: { fiscalYear: 2027, kind: "renewal", status: "pending" } })).toBe(2);
    expect(await client.groupRegistration.count({ where: { fiscalYear: 2026, renewalSubmittedAt: { not: null }, renewalDecidedAt: null } })).toBe(2);
    expect(await client.groupRegistration.count({ where: { fiscalYear: 2025, endReason: "expired" } })).toBe(8);
    // Lapsed groups keep their published profile but are no longer listed.
    expect(await client.group.count({ where: { state: "active", publishedVersionId: { not: null } } })).toBe(94);

    const npos = await client.group.findMany({ where: { kind: "npo" }, select: { corporateNumber: true } });
    expect(npos.length).toBeGreaterThanOrEqual(13);
    for (const n of npos) expect(isCorporateNumber(n.corporateNumber ?? "")).toBe(true);

    // The README's table of demo accounts says what each one holds; the seed gives exactly that.
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const account of DEMO_ACCOUNTS) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${account.email}\` |`));
      expect(row, `README row of ${account.email}`).toBeDefined();
      const stated = (pattern: RegExp) => Number(pattern.exec(row ?? "")?.[1] ?? 0);
      const user = await client.user.findUniqueOrThrow({
        where: { email: account.email },
        include: { groupMemberships: { include: { group: { select: { state: true } } } } },
      });
      const held = (role: string, state: string) => user.groupMemberships.filter((m) => m.role === role && m.group.state === state).length;
      expect(
        { registered: held("representative", "active"), applications: held("representative", "draft"), edits: user.groupMemberships.filter((m) => m.role === "editor").length },
        account.email,
      ).toEqual({
        registered: stated(/represents (\d+) registered groups?/),
        applications: stated(/represents (\d+) new applications?/),
        edits: stated(/edits (\d+)/),
      });
      expect(user.groupMemberships.length, account.email).toBe(
        stated(/represents (\d+) registered/) + stated(/represents (\d+) new/) + stated(/edits (\d+)/),
      );
    }
    const applications = await client.groupMembership.count({ where: { user: { email: "applicant@demo.annaka.example" }, group: { state: "draft" } } });
    expect(applications).toBe(6);
    // Every group with members has a representative.
    const memberGroups = await client.group.findMany({ where: { members: { some: {} } }, include: { members: true } });
    for (const g of memberGroups) expect(g.members.some((m) => m.role === "representative")).toBe(true);

    const versions = await client.groupVersion.findMany({ select: { phone: true, email: true } });
    // Every sixth group gives no phone (seed.ts), the others a fictional 027-300 number; an
    // address is given by some and is always at example.jp. Empty means "", never null.
    const withPhone = versions.filter((v) => v.phone !== "");
    const withEmail = versions.filter((v) => v.email !== "");
    expect(withPhone.length).toBeGreaterThan(versions.length * 0.8);
    expect(withPhone.length).toBeLessThan(versions.length);
    expect(withEmail.length).toBeGreaterThanOrEqual(30);
    for (const v of withPhone) expect(v.phone).toMatch(/^027-300-\d{4}$/);
    for (const v of withEmail) expect(v.email).toMatch(/^[a-z0-9.-]+@example\.jp$/);
    expect((await seedDemoGroups(client)).seeded).toBe(false);
  }, 120_000);

  it("seeds no renewal before February 1", async () => {
    const { client } = getCtx();
    await client.group.deleteMany();
    const at = new Date("2026-06-01T03:00:00.000Z");
    setClock(at);
    expect((await seedDemoGroups(client)).seeded).toBe(true);
    expect(await client.groupRegistration.count({ where: { fiscalYear: 2027 } })).toBe(0);
    expect(await client.groupRegistration.count({ where: { renewalSubmittedAt: { not: null }, renewalDecidedAt: null } })).toBe(0);
    expect(await client.group.count({ where: listedGroupWhere(at) })).toBe(86);
  }, 120_000);
});
