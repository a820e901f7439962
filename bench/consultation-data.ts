/**
 * The data of the public-comment benchmarks (bench/consultations.ts, bench/consultation-cpu.ts):
 * one consultation of 10 numbered sections announced through admin.server.ts, BENCH_COMMENTS
 * comments (default 5,000) over its sections, channels and days, a staff session, and the
 * public form's posts, all from one seeded PRNG so that every run sees the same data.
 */
import { randomUUID } from "node:crypto";
import type { ConsultationInput } from "../app/consultations/admin-forms.ts";
import { CHANNELS, COMMENTER_CATEGORIES, receiptNumber, type Channel } from "../app/consultations/rules.ts";
import { tokyoInstant, type IsoDate } from "../app/platform/dates.ts";
import { seeded } from "./random.ts";

export const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 5000);
const BATCH = 500;
export const WORD = "駐車場";
export const FILTER_SECTION = 3;
/** Staff reading the list at the same moment, for its p95 without 20 connections queueing (BENCH_STAFF). */
export const STAFF_AT_ONCE = Number(process.env.BENCH_STAFF ?? 2);

// The period: 30 days, first and last counted (Art. 39); the server's clock two days before its end.
const FIRST_DAY = "2027-01-05" as IsoDate;
const LAST_DAY = "2027-02-03" as IsoDate;
const ANNOUNCED_AT = "2027-01-04T10:00:00+09:00";
export const CLOCK = "2027-02-02T14:00:00+09:00";

// ---------------------------------------------------------------------------------------
// The consultation and its comments, reproducibly (a seeded PRNG)

const { random, pick } = seeded(20270202);

export const CHAPTERS: [string, string][] = [
  ["計画の目的", "この計画は、人口減少と施設の老朽化が進む中で、市民の暮らしに必要な公共施設を将来にわたって維持するため、施設の配置と規模の見直しの方針を定めるものです。"],
  ["計画の期間", "計画の期間は、令和9年度から令和18年度までの10年間とします。社会情勢の変化に応じて、おおむね5年ごとに見直します。"],
  ["施設の現状", "市が保有する公共施設は約250施設、延床面積は約35万平方メートルで、その約6割が建築から30年以上を経過しています。旧松井田町地域の施設の多くは駐車場が狭く、利用者から改善の要望が寄せられています。"],
  ["再編の基本方針", "1. 同じ機能を持つ施設は統合し、複合化を進めます。\n2. 利用の少ない施設は廃止又は用途の変更を検討します。\n3. 地域の拠点となる施設は、交通の便と駐車場の確保に配慮して配置します。"],
  ["学校施設", "児童生徒数の推移を見ながら、小中学校の統合と校舎の複合化を検討します。統合の際は、通学の安全と放課後の居場所の確保を図ります。"],
  ["図書館と公民館", "中央図書館と松井田図書館の機能を見直し、公民館との複合化を検討します。移動図書館の巡回は継続します。"],
  ["体育施設", "市民体育館と各地区の体育施設の利用状況を踏まえ、改修と集約の順序を定めます。"],
  ["住民センター", "各地区の住民センターは地域の防災拠点として維持し、計画的に改修します。"],
  ["財政の見通し", "今後40年間の更新費用は約1,500億円と見込まれ、現在の投資額の約1.6倍となります。延床面積を20パーセント縮減することを目標とします。"],
  ["計画の推進", "施設ごとの個別計画は、利用者と地域の意見を聴きながら策定します。進み具合は毎年度公表します。"],
];

function draftMarkdown(): string {
  const parts = ["# 安中市公共施設等再編計画（案）", "この案は、市の公共施設の今後のあり方について、市民の皆さまの意見を募集するものです。"];
  CHAPTERS.forEach(([heading, text], i) => parts.push(`## 第${i + 1}章 ${heading}`, text, "施設の利用者と地域の皆さまの声を踏まえ、具体的な内容は個別計画で定めます。"));
  return parts.join("\n\n");
}

const OPENINGS = ["この計画案に反対です。", "計画案に賛成します。", "一部に疑問があります。", "地区の住民として意見を述べます。", "子育て中の親として意見します。", "長年公民館を利用している者です。"];
const SENTENCES = [
  "松井田図書館の統合は、高齢者にとって通う手段がなくなるため見直してください。",
  "統合後の施設には十分な駐車場を確保してほしいと思います。",
  "学校の統合は通学距離が長くなり、子どもの安全が心配です。",
  "財政の厳しさは理解しますが、地域の拠点を減らすことには慎重であるべきです。",
  "複合化によって利便性が高まるなら賛成です。",
  "説明会の回数が少なく、内容が十分に伝わっていません。",
  "住民センターを防災拠点として維持する方針に賛成します。",
  "体育館の改修を先に進めてください。",
  "移動図書館の巡回を増やしてほしいです。",
  "駐車場が狭く、行事のたびに路上駐車が問題になっています。",
  "延床面積の縮減目標の根拠を示してください。",
  "廃止される施設の跡地の活用方法も計画に含めるべきです。",
  "バスの便を増やさなければ、統合施設は使えません。",
  "若い世代の意見も聴く機会を設けてください。",
  "公民館の利用団体の活動場所を確保してください。",
  "個別計画の策定に市民が参加できる仕組みを求めます。",
];
const SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤", "吉田", "山田"];
const GIVEN = ["花子", "太郎", "美咲", "健一", "洋子", "大輔", "恵子", "翔太", "由美", "誠"];
const TOWNS = ["安中", "松井田町松井田", "磯部", "原市", "板鼻", "岩野谷", "秋間", "後閑", "東上秋間", "西横野"];

export function commentBody(): string {
  const count = 1 + Math.floor(random() * (random() < 0.1 ? 20 : 6));
  return [pick(OPENINGS), ...Array.from({ length: count }, () => pick(SENTENCES))].join("");
}

/** Days of the period up to the clock's, most comments on the last of them (a contested draft). */
function receivedDay(): IsoDate {
  const first = Date.parse(`${FIRST_DAY}T00:00:00Z`);
  const days = Math.round((Date.parse(`${CLOCK.slice(0, 10)}T00:00:00Z`) - first) / 86_400_000);
  const d = Math.floor(days * Math.pow(random(), 0.25) + 0.5);
  return new Date(first + Math.min(days, d) * 86_400_000).toISOString().slice(0, 10) as IsoDate;
}

const CHANNEL_WEIGHTS: [Channel, number][] = [
  ["online", 0.6],
  ["post", 0.15],
  ["fax", 0.05],
  ["counter", 0.1],
  ["email", 0.1],
];
function channel(): Channel {
  let r = random();
  for (const [c, w] of CHANNEL_WEIGHTS) if ((r -= w) < 0) return c;
  return "online";
}

export type Filled = { consultationId: number; cookie: string; matching: { sectionAndWord: number; word: number } };

/** The consultation (through admin.server.ts), its comments and a staff session, in the app's database `url`. */
export async function fillConsultation(): Promise<Filled> {
  const { connectDb, db } = await import("../app/platform/db.server.ts");
  const { setClock } = await import("../app/platform/clock.server.ts");
  const { createConsultation, scheduleConsultation } = await import("../app/consultations/admin.server.ts");
  const { createSession } = await import("../app/auth/session.server.ts");
  await connectDb();
  setClock(ANNOUNCED_AT);
  const staff = await db.user.create({
    data: {
      id: randomUUID(),
      email: "bench.staff@example.jp",
      displayName: "市民協働課 職員",
      passwordHash: "no password: bench",
      role: "staff",
      emailVerifiedAt: new Date(ANNOUNCED_AT),
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
      totpEnabledAt: new Date(ANNOUNCED_AT),
    },
  });
  const actor = { id: staff.id, role: "staff" as const, emailVerified: true, totpEnabled: true, districtIds: [] };
  const input: ConsultationInput = {
    title: "安中市公共施設等再編計画（案）",
    summary: "市の公共施設の配置と規模を見直す計画の案です。",
    section: "総務部 財政課 公共施設マネジメント係",
    contact: "〒379-0192 安中市安中一丁目23番13号\n電話 027-382-1111\nFAX 027-381-0503",
    draft: draftMarkdown(),
    eligible: [...COMMENTER_CATEGORIES],
    identityRequired: true,
    firstDay: FIRST_DAY,
    lastDay: LAST_DAY,
    shortPeriodReason: "",
  };
  const created = await createConsultation(actor, input);
  if (!created.ok) throw new Error(`creating the consultation: ${created.reason}`);
  const scheduled = await scheduleConsultation(actor, created.id);
  if (!scheduled.ok) throw new Error(`announcing the consultation: ${JSON.stringify(scheduled)}`);
  const consultationId = created.id;
  const sections = await db.consultationSection.count({ where: { consultationId } });
  if (sections !== CHAPTERS.length) throw new Error(`the draft has ${sections} sections, not ${CHAPTERS.length}`);

  const clockAt = Date.parse(CLOCK);
  const rows = Array.from({ length: COMMENTS }, () => {
    const via = channel();
    const day = receivedDay();
    // Staff type in the day of receipt (enterComment stores its midnight); the form stores the instant.
    const midnight = tokyoInstant(day).getTime();
    const receivedAt = new Date(via === "online" ? Math.min(clockAt, midnight + Math.floor(random() * 86_400_000)) : midnight);
    const who = `${pick(SURNAMES)} ${pick(GIVEN)}`;
    return {
      consultationId,
      receivedAt,
      channel: via,
      sectionNumber: random() < 0.2 ? null : 1 + Math.floor(random() * CHAPTERS.length),
      body: commentBody(),
      category: pick(COMMENTER_CATEGORIES),
      name: who,
      address: `安中市${pick(TOWNS)}${1 + Math.floor(random() * 3000)}番地`,
      email: via === "online" && random() < 0.5 ? `commenter${Math.floor(random() * 1e6)}@example.jp` : "",
      enteredById: via === "online" ? null : staff.id,
      submissionKey: via === "online" ? randomUUID() : null,
    };
  }).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const started = Date.now();
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH).map((r, i) => ({ ...r, receiptNumber: receiptNumber(consultationId, from + i + 1) }));
    await db.consultationComment.createMany({ data: batch });
    process.stdout.write(`\r  comments: ${Math.min(from + BATCH, rows.length)} / ${rows.length}`);
  }
  await db.$executeRaw`UPDATE "Consultation" SET "lastReceipt" = ${rows.length} WHERE "id" = ${consultationId}`;
  process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const byChannel = CHANNELS.map((c) => `${c} ${rows.filter((r) => r.channel === c).length}`).join(", ");
  const lastDays = rows.filter((r) => r.receivedAt.getTime() >= clockAt - 3 * 86_400_000).length;
  console.log(`  ${rows.length.toLocaleString("en")} comments: ${byChannel}; ${lastDays.toLocaleString("en")} in the last three days`);

  const matching = {
    sectionAndWord: await db.consultationComment.count({ where: { consultationId, sectionNumber: FILTER_SECTION, body: { contains: WORD } } }),
    word: await db.consultationComment.count({ where: { consultationId, body: { contains: WORD } } }),
  };
  // The staff member's session as log-in writes it with the second factor given, at the server's instant.
  setClock(CLOCK);
  const { token } = await createSession(staff.id, { twoFactorVerified: true, device: "bench" });
  return { consultationId, cookie: `portal_session=${token}`, matching };
}

/** One post of the public form as a browser sends it: a new one-time key, a sender, a section or none, a comment. */
export function commentForm(client: number, n: number): URLSearchParams {
  return new URLSearchParams([
    ["website_url", ""],
    ["submissionKey", randomUUID()],
    ["name", `${pick(SURNAMES)} ${pick(GIVEN)}`],
    ["address", `安中市${pick(TOWNS)}${1 + (n % 3000)}番地`],
    ["category", pick(COMMENTER_CATEGORIES)],
    ["email", n % 2 ? `bench${client}.${n}@example.jp` : ""],
    ["section", random() < 0.2 ? "" : String(1 + Math.floor(random() * CHAPTERS.length))],
    ["body", commentBody()],
  ]);
}
