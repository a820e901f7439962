/**
 * What the benchmarks share about the portal: a scratch SQLite database filled with realistic
 * groups (published versions, registrations valid now, activity fields, districts, search
 * pieces), and the production server started on it. Importing it makes the app's database
 * client (app/platform/db.server.ts) from DATABASE_URL: set that first where the benchmark uses it.
 */
import path from "node:path";
import { districts as districtSeed } from "../prisma/data/annaka.ts";
import { fiscalYearValidity, publicSearchText, type VersionRow } from "../app/groups/group.server.ts";
import { identityKeyOf } from "../app/groups/rules.ts";
import { withCheckDigit } from "../app/platform/forms/rules.ts";
import { createDb } from "../app/platform/db.server.ts";
import { searchGrams } from "../app/platform/search.ts";
import { fiscalYearAt } from "../app/platform/dates.ts";
import { ROOT, startNodeServer, type RunningServer } from "./servers.ts";
import { seeded } from "./random.ts";

export const GROUPS = Number(process.env.BENCH_GROUPS ?? 10_000);
const BATCH = 500;
const GRAMS_PER_INSERT = 5000;

// ---------------------------------------------------------------------------------------
// Realistic groups, reproducibly (a seeded PRNG)

const { random, pick } = seeded(20261124);

const PLACES = [
  ["安中", "アンナカ"],
  ["松井田", "マツイダ"],
  ["磯部", "イソベ"],
  ["原市", "ハライチ"],
  ["秋間", "アキマ"],
  ["後閑", "ゴカン"],
  ["板鼻", "イタハナ"],
  ["岩野谷", "イワノヤ"],
  ["碓氷", "ウスイ"],
  ["坂本", "サカモト"],
  ["西横野", "ニシヨコノ"],
  ["九十九", "ツクモ"],
  ["細野", "ホソノ"],
  ["臼井", "ウスイ"],
  ["中宿", "ナカジュク"],
] as const;

type Theme = { name: string; kana: string; field: number; purpose: string; activities: string };
const THEMES: Theme[] = [
  { name: "子育て支援", kana: "コソダテシエン", field: 13, purpose: "子育て中の親子が気軽に集まり、悩みを話し合える場をつくり、地域ぐるみで子どもの成長を見守ることを目的とします。", activities: "毎週の親子ひろば、絵本の読み聞かせ、子育て相談会、季節の行事を行っています。" },
  { name: "読み聞かせ", kana: "ヨミキカセ", field: 13, purpose: "子どもたちに本の楽しさを伝え、豊かな心を育てることを目的とします。", activities: "小学校や図書館での読み聞かせ、紙芝居の上演、手づくり絵本の講座を開いています。" },
  { name: "人権を考える", kana: "ジンケンヲカンガエル", field: 10, purpose: "一人ひとりの人権が尊重される地域社会をめざし、学びと対話の機会をつくることを目的とします。", activities: "人権講座や映画会の開催、隣保館と協力した啓発活動、平和について考える展示を行っています。" },
  { name: "自然環境保全", kana: "シゼンカンキョウホゼン", field: 7, purpose: "碓氷川や里山の自然を守り、次の世代に豊かな環境を引き継ぐことを目的とします。", activities: "河川敷の清掃、ホタルの生息調査、里山の下草刈り、自然観察会を行っています。" },
  { name: "防災", kana: "ボウサイ", field: 8, purpose: "災害に強いまちをつくるため、住民の防災意識を高め、助け合いの仕組みを整えることを目的とします。", activities: "防災訓練、避難所運営の研修、防災マップづくり、非常食の試食会を行っています。" },
  { name: "見守り", kana: "ミマモリ", field: 1, purpose: "高齢者や障がいのある方が住み慣れた地域で安心して暮らせるよう、日ごろの見守りと支え合いを進めます。", activities: "一人暮らし高齢者への声かけ訪問、ふれあいサロン、配食の手伝いを行っています。" },
  { name: "国際交流", kana: "コクサイコウリュウ", field: 11, purpose: "市内に暮らす外国人住民と日本人住民が互いの文化を理解し、共に暮らせるまちをつくることを目的とします。", activities: "日本語教室、多文化料理の交流会、生活相談、通訳ボランティアの派遣を行っています。" },
  { name: "歴史研究", kana: "レキシケンキュウ", field: 6, purpose: "中山道や碓氷峠など地域の歴史と文化財を調べ、その魅力を広く伝えることを目的とします。", activities: "史跡めぐり、古文書の勉強会、郷土史の冊子づくり、ガイド活動を行っています。" },
  { name: "スポーツ振興", kana: "スポーツシンコウ", field: 6, purpose: "年齢や障がいの有無にかかわらず、誰もがスポーツを楽しめる機会をつくることを目的とします。", activities: "ウォーキング大会、ボッチャ教室、子ども向けの運動遊び、体力測定会を行っています。" },
  { name: "まちづくり", kana: "マチヅクリ", field: 3, purpose: "商店街や地域の空き家を生かし、人が集まるにぎわいのあるまちをつくることを目的とします。", activities: "朝市の運営、空き店舗を使った交流スペース、まち歩きイベントを行っています。" },
  { name: "観光案内", kana: "カンコウアンナイ", field: 4, purpose: "めがね橋や磯部温泉など市の観光資源を生かし、訪れる人をおもてなしすることを目的とします。", activities: "観光ボランティアガイド、観光マップの作成、イベントでの案内所運営を行っています。" },
  { name: "男女共同参画", kana: "ダンジョキョウドウサンカク", field: 12, purpose: "性別にかかわらず誰もが個性と能力を発揮できる地域をめざすことを目的とします。", activities: "学習会の開催、家事や育児を分かち合う講座、情報誌の発行を行っています。" },
];
const SUFFIXES = [
  ["の会", "ノカイ"],
  ["クラブ", "クラブ"],
  ["ネットワーク", "ネットワーク"],
  ["サークル", "サークル"],
  ["応援団", "オウエンダン"],
  ["協議会", "キョウギカイ"],
  ["グループ", "グループ"],
] as const;

/** A few thousand distinct-looking groups (numbered so that no two names are equal). */
function groupData(index: number, districtIds: number[]) {
  const [place, placeKana] = pick(PLACES);
  const theme = pick(THEMES);
  const [suffix, suffixKana] = pick(SUFFIXES);
  const npo = random() < 0.15;
  const fields = [...new Set([theme.field, ...(random() < 0.5 ? [pick(THEMES).field] : []), ...(random() < 0.2 ? [19] : [])])].sort((a, b) => a - b);
  const mainDistrictId = pick(districtIds);
  const worksIn = [...new Set([mainDistrictId, ...Array.from({ length: Math.floor(random() * 4) }, () => pick(districtIds))])];
  const name = `${npo ? "NPO法人" : ""}${place}${theme.name}${suffix}${index}`;
  const version = {
    name,
    nameKana: `${placeKana}${theme.kana}${suffixKana}${index}`,
    kind: npo ? "npo" : random() < 0.9 ? "volunteer" : "other",
    corporateNumber: npo ? withCheckDigit(String(700000000000 + index)) : "",
    mainOfficeInCity: npo && random() < 0.8,
    volunteerCenter: random() < 0.6,
    representativeName: `代表者${index}`,
    representativePublic: random() < 0.3,
    phone: `027-3${String(index % 100).padStart(2, "0")}-${String(1000 + (index % 9000)).padStart(4, "0")}`,
    email: random() < 0.5 ? `group${index}@example.jp` : "",
    website: random() < 0.3 ? `https://group${index}.example.jp/` : "",
    sns: "",
    mainDistrictId,
    districtIds: JSON.stringify(worksIn),
    activityFields: JSON.stringify(fields),
    purpose: `${place}地区を中心に、${theme.purpose}会員は${place}周辺に住む有志です。`,
    activities: `${theme.activities}活動は月に${1 + Math.floor(random() * 4)}回、${place}公民館などで行っています。どなたでも見学できます。`,
    foundedOn: `${1990 + Math.floor(random() * 35)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    memberCount: 5 + Math.floor(random() * 200),
    welcomesMembers: random() < 0.7,
    welcomesVolunteers: random() < 0.4,
    meetingPlace: `${place}公民館`,
  };
  return { version, fields, worksIn };
}

export async function fill(url: string): Promise<{ district: number }> {
  const holder = createDb(url);
  await holder.ready;
  const db = holder.client;
  const postgres = url.startsWith("postgres");
  await db.district.createMany({ data: districtSeed.map((d) => ({ code: d.code, name: d.name, nameKana: d.nameKana, area: d.area })) });
  const districtIds = (await db.district.findMany({ select: { id: true }, orderBy: { code: "asc" } })).map((d) => d.id);
  const fy = fiscalYearAt(new Date());
  const { startsAt, validUntil } = fiscalYearValidity(fy);
  const started = Date.now();
  for (let from = 1; from <= GROUPS; from += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, GROUPS - from + 1) }, (_, i) => from + i);
    const rows = ids.map((id) => {
      const data = groupData(id, districtIds);
      // The same function publishVersion uses (it reads only the public text columns).
      return { id, ...data, searchText: publicSearchText(data.version as unknown as VersionRow) };
    });
    await db.$transaction(async (tx) => {
      await tx.group.createMany({
        data: rows.map(({ id, version: v, searchText }) => ({
          id,
          state: "active",
          corporateNumber: v.corporateNumber || null,
          identityKey: identityKeyOf(v.name, v.nameKana),
          name: v.name,
          nameKana: v.nameKana,
          kind: v.kind,
          npoInCity: v.kind === "npo" && v.mainOfficeInCity,
          volunteerCenter: v.volunteerCenter,
          welcomesVolunteers: v.welcomesVolunteers,
          mainDistrictId: v.mainDistrictId,
          searchText,
        })),
      });
      // The pieces publishVersion writes (about 150 a group), in large INSERTs: createMany took minutes.
      const grams = rows.flatMap(({ id, searchText }) => searchGrams(searchText).map((gram) => [gram, id] as const));
      for (let i = 0; i < grams.length; i += GRAMS_PER_INSERT) {
        const chunk = grams.slice(i, i + GRAMS_PER_INSERT);
        // Placeholders as each database writes them: ? on SQLite, $1, $2… on PostgreSQL.
        const values = chunk.map((_, k) => (postgres ? `($${2 * k + 1}, $${2 * k + 2})` : "(?, ?)")).join(", ");
        await tx.$executeRawUnsafe(`INSERT INTO "GroupSearchGram" ("gram", "groupId") VALUES ${values}`, ...chunk.flat());
      }
      await tx.groupVersion.createMany({
        data: rows.map(({ id, version: v }) => ({ id, groupId: id, status: "approved", ...v, submittedAt: startsAt, decidedAt: startsAt })),
      });
      await tx.groupField.createMany({ data: rows.flatMap(({ id, fields }) => fields.map((field) => ({ groupId: id, field }))) });
      await tx.groupDistrict.createMany({ data: rows.flatMap(({ id, worksIn }) => worksIn.map((districtId) => ({ groupId: id, districtId }))) });
      await tx.groupRegistration.createMany({
        data: ids.map((groupId) => ({
          groupId,
          fiscalYear: fy,
          kind: "initial",
          status: "approved",
          submittedAt: startsAt,
          decidedAt: startsAt,
          validFrom: startsAt,
          validUntil,
        })),
      });
    });
    process.stdout.write(`\r  groups: ${Math.min(from + BATCH - 1, GROUPS)} / ${GROUPS}`);
  }
  // Each group publishes the version with its own id (portable SQL, both databases).
  await db.$executeRawUnsafe(`UPDATE "Group" SET "publishedVersionId" = "id" WHERE "publishedVersionId" IS NULL`);
  process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

  await db.$disconnect();
  return chooseDistrict(url);
}

/** The district with the most volunteer-seeking child-rearing groups: a search with results. */
export async function chooseDistrict(url: string): Promise<{ district: number }> {
  const holder = createDb(url);
  await holder.ready;
  const db = holder.client;
  const districtIds = (await db.district.findMany({ select: { id: true }, orderBy: { code: "asc" } })).map((d) => d.id);
  const candidates = await db.group.findMany({
    where: { searchText: { contains: "子育" }, welcomesVolunteers: true, fields: { some: { field: 13 } } },
    select: { mainDistrictId: true, districts: { select: { districtId: true } } },
  });
  const counts = new Map<number, number>();
  for (const c of candidates) {
    for (const d of new Set([c.mainDistrictId ?? 0, ...c.districts.map((x) => x.districtId)])) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  counts.delete(0);
  const district = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? districtIds[0];
  await db.$disconnect();
  return { district };
}

/**
 * The portal's production server on this database; `cwd` holds the build (./build) it serves,
 * `env` adds to its settings, `nodeArgs` go to node (--cpu-prof).
 */
export function startServer(databaseUrl: string, uploadDir: string, cwd = ROOT, { env = {}, nodeArgs = [] }: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<RunningServer> {
  return startNodeServer(path.join(ROOT, "server/index.ts"), {
    cwd,
    nodeArgs,
    ready: "/healthz",
    env: (port) => ({
      PUBLIC_URL: `http://localhost:${port}`,
      DATABASE_URL: databaseUrl,
      UPLOAD_DIR: uploadDir,
      MAIL_OUTBOX_ONLY: "1",
      SCHEDULER: "off",
      LOG_LEVEL: "warn",
      ...env,
    }),
  });
}
