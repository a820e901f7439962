/**
 * Benchmark of public comment in its last days (issue 12): `npm run bench:consultations`
 * (builds first; needs wrk).
 *
 * A fresh SQLite database in a temporary directory is migrated; a staff member creates and
 * announces one consultation through admin.server.ts (a draft of 10 numbered sections, so the
 * sections are the ones the app stores), and BENCH_COMMENTS comments (default 5,000) are added
 * in batches: spread over the sections and the whole draft, the channels (online, post, fax,
 * counter, email) and the days of the period, most of them in its last days, with receipt
 * numbers in order of receipt. The production server runs on it with its clock fixed two days
 * before the end (TEST_CLOCK), and, in the same run, in BENCH_ROUNDS rounds (default 3):
 *   1. the bare Remix control (bench/remix-control, as bench:pages builds it), by wrk;
 *   2. the public consultation page, anonymous, by wrk;
 *   3. the staff's comment list with a section and a word (?section=3&q=駐車場), by wrk with a
 *      staff session (made with createSession, second factor given, as integration tests do);
 *   4. the staff's comment list with the word alone (?q=駐車場: every comment's text read);
 *   5. the list of 3. by 2 connections only (BENCH_STAFF): a few staff at once, so that its p95
 *      is the page's own time rather than 20 requests queueing behind each other;
 *   6. the bare Remix control again, by BENCH_CONNECTIONS (20) Node clients on keep-alive
 *      connections (bench/clients.ts);
 *   7. the comment form posted by the same 20 Node clients, each post a new form (its own
 *      one-time key, as the page gives each rendering), with the Origin a browser sends.
 * wrk -t2 -c20 -d10s by default (BENCH_DURATION, BENCH_CONNECTIONS, BENCH_THREADS); the Node
 * clients run for the same duration and then wait for every request they sent, so that each
 * answer is counted.
 *
 * The comment form allows 10 posts per client address per 10 minutes (COMMENT_RULE). There is
 * no setting for it, so the server runs with TRUST_PROXY=1 and each client sends
 * X-Forwarded-For: a fake address of its own, taking the next one after every 10 posts — each
 * address stays within the limit, and the limit's counter is written on every post as in real
 * use. A 429 would show as a non-2xx answer.
 *
 * After every load of the form (warm-up included) it checks that no comment was lost or
 * doubled: the rows added equal the answers of 200, the receipt numbers of the new rows follow
 * the last one before without a gap or repeat, and they are exactly the receipt numbers the
 * answers showed. It then deletes those rows (and their receipt mails) and sets the counter
 * back, so that every round and every page sees the same 5,000 comments.
 *
 * Aims (issue 12): the public page and the comment action at least half the bare page's
 * throughput (the action against the bare page under the same Node clients, the ratio to the
 * bare page under wrk printed beside it), the staff list under 200 ms at p95 (3., 4. and 5.),
 * no comment lost or doubled. Exit status 1 when a check fails or a request errs.
 *
 *   BENCH_PORT=4600 BENCH_COMMENTS=5000 BENCH_DURATION=10s BENCH_CONNECTIONS=20 BENCH_THREADS=2 BENCH_ROUNDS=3 npm run bench:consultations
 * (BENCH_VERBOSE=1 also prints wrk's own reports; BENCH_CPU_PROF=/some/dir runs the portal's server
 * with node --cpu-prof, which writes its CPU profile of the whole run there when it stops.)
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ConsultationInput } from "../app/consultations/admin-forms.ts";
import { CHANNELS, COMMENTER_CATEGORIES, receiptNumber, type Channel } from "../app/consultations/rules.ts";
import { tokyoInstant, type IsoDate } from "../app/platform/dates.ts";
import { migrate } from "../scripts/db-migrate.ts";
import { CLIENTS, runClients, type Answer } from "./clients.ts";
import { buildControl, startControl } from "./control.ts";
import { prepare, ROOT, type RunningServer } from "./servers.ts";
import { measureInRounds, median, medianRatios, writeWrkScript, type Aim, type Result, type Target } from "./wrk.ts";
import { seeded } from "./random.ts";

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 5000);
const BATCH = 500;
const WORD = "駐車場";
const FILTER_SECTION = 3;
/** Staff reading the list at the same moment, for its p95 without 20 connections queueing (BENCH_STAFF). */
const STAFF_AT_ONCE = Number(process.env.BENCH_STAFF ?? 2);

// The period: 30 days, first and last counted (Art. 39); the server's clock two days before its end.
const FIRST_DAY = "2027-01-05" as IsoDate;
const LAST_DAY = "2027-02-03" as IsoDate;
const ANNOUNCED_AT = "2027-01-04T10:00:00+09:00";
const CLOCK = "2027-02-02T14:00:00+09:00";

// ---------------------------------------------------------------------------------------
// The consultation and its comments, reproducibly (a seeded PRNG)

const { random, pick } = seeded(20270202);

const CHAPTERS: [string, string][] = [
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

function commentBody(): string {
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

type Filled = { consultationId: number; cookie: string; matching: { sectionAndWord: number; word: number } };

/** The consultation (through admin.server.ts), its comments and a staff session, in the app's database `url`. */
async function fillConsultation(): Promise<Filled> {
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
  await db.consultation.update({ where: { id: consultationId }, data: { lastReceipt: rows.length } });
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

// ---------------------------------------------------------------------------------------
// The comment form under load, and the check that nothing was lost or doubled

type Check = { label: string; accepted: number; added: number; first: string; last: string; ok: boolean; problems: string[] };

/** Posts of the public form by Node clients, each from fake addresses that stay within the comment limit. */
function commentLoad(base: string, origin: string, consultationId: number, pid: number, checks: Check[]) {
  const sent = new Map<number, number>();
  const address = (client: number) => {
    const n = sent.get(client) ?? 0;
    sent.set(client, n + 1);
    const block = Math.floor(n / 10);
    return `10.${client + 1}.${(block >> 8) & 255}.${block & 255}`;
  };
  let run = 0;
  return async (duration: string): Promise<Result> => {
    const { db } = await import("../app/platform/db.server.ts");
    const label = run === 0 ? "warm-up" : `round ${run}`;
    run++;
    const before = await db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { lastReceipt: true } });
    const lastId = (await db.consultationComment.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const answeredReceipts: string[] = [];
    const receiptPattern = new RegExp(`PC${consultationId}-\\d+`);
    const statuses = new Map<number, number>();
    const result = await runClients(base, {
      label: `comment form POST (${CLIENTS} Node clients)`,
      path: `/consultations/${consultationId}`,
      pid,
      duration,
      next: (client) => {
        const n = sent.get(client) ?? 0;
        const form = new URLSearchParams([
          ["website_url", ""],
          ["submissionKey", randomUUID()],
          ["name", `${pick(SURNAMES)} ${pick(GIVEN)}`],
          ["address", `安中市${pick(TOWNS)}${1 + (n % 3000)}番地`],
          ["category", pick(COMMENTER_CATEGORIES)],
          ["email", n % 2 ? `bench${client}.${n}@example.jp` : ""],
          ["section", random() < 0.2 ? "" : String(1 + Math.floor(random() * CHAPTERS.length))],
          ["body", commentBody()],
        ]);
        return {
          method: "POST",
          path: `/consultations/${consultationId}`,
          headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address(client) },
          body: form.toString(),
        };
      },
      answered: (answer: Answer) => {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 200 && answer.status < 300) {
          const receipt = receiptPattern.exec(answer.body)?.[0];
          answeredReceipts.push(receipt ?? "(none)");
        }
      },
    });
    const added = await db.consultationComment.findMany({ where: { id: { gt: lastId } }, select: { receiptNumber: true }, orderBy: { id: "asc" } });
    const after = await db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { lastReceipt: true } });
    const problems: string[] = [];
    const accepted = answeredReceipts.length;
    if (added.length !== accepted) problems.push(`${added.length} rows added for ${accepted} answers of 2xx`);
    const sequences = added.map((r) => Number(r.receiptNumber.split("-")[1])).sort((a, b) => a - b);
    const gaps = sequences.filter((s, i) => s !== before.lastReceipt + i + 1).length;
    if (gaps) problems.push(`${gaps} receipt numbers out of sequence after ${before.lastReceipt}`);
    if (after.lastReceipt !== before.lastReceipt + added.length) problems.push(`receipt counter at ${after.lastReceipt}, expected ${before.lastReceipt + added.length}`);
    const stored = new Set(added.map((r) => r.receiptNumber));
    const shown = new Set(answeredReceipts);
    if (shown.size !== answeredReceipts.length) problems.push(`${answeredReceipts.length - shown.size} receipt numbers shown twice`);
    const notStored = [...shown].filter((r) => !stored.has(r));
    if (notStored.length) problems.push(`${notStored.length} receipts answered but not stored (e.g. ${notStored[0]})`);
    const notShown = [...stored].filter((r) => !shown.has(r));
    if (notShown.length) problems.push(`${notShown.length} stored but never answered (e.g. ${notShown[0]})`);
    const other = [...statuses].filter(([s]) => s < 200 || s >= 300);
    if (other.length) problems.push(`answers other than 2xx: ${other.map(([s, n]) => `${n} × ${s}`).join(", ")}`);
    if (result.errors) problems.push(`${result.errors} requests failed without an answer`);
    checks.push({
      label,
      accepted,
      added: added.length,
      first: added.length ? receiptNumber(consultationId, sequences[0]) : "",
      last: added.length ? receiptNumber(consultationId, sequences[sequences.length - 1]) : "",
      ok: problems.length === 0,
      problems,
    });
    // Back to the same 5,000 comments for the next page and round.
    await db.consultationComment.deleteMany({ where: { id: { gt: lastId } } });
    await db.outboxMail.deleteMany({});
    await db.consultation.update({ where: { id: consultationId }, data: { lastReceipt: before.lastReceipt } });
    return result;
  };
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { headers, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

const pass = (ok: boolean) => (ok ? "PASS" : "MISS");

async function main() {
  const { dir } = prepare("bench:consultations");
  // Always a fresh database: the load adds comments (and the bench takes them away again).
  const url = `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = url;
  const servers: RunningServer[] = [];
  try {
    console.log(`bench:consultations — one open consultation with ${COMMENTS.toLocaleString("en")} comments in ${url}`);
    console.log("  building the bare Remix control…");
    const controlBuild = buildControl(dir);
    await migrate(url);
    const { consultationId: id, cookie, matching } = await fillConsultation();

    const control = await startControl(controlBuild);
    servers.push(control);
    // Imported only now: it makes the app's database client, which must be this database's.
    const { startServer } = await import("./portal.ts");
    const portal = await startServer(url, path.join(dir, "uploads"), ROOT, {
      env: { TEST_CLOCK: CLOCK, TRUST_PROXY: "1" },
      nodeArgs: process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [],
    });
    servers.push(portal);
    const controlBase = `http://127.0.0.1:${control.port}`;
    const base = `http://127.0.0.1:${portal.port}`;
    // The origin the server answers under (PUBLIC_URL): the one a browser's form post carries.
    const origin = `http://localhost:${portal.port}`;

    const checks: Check[] = [];
    const staff = { Cookie: cookie };
    const listBoth = `/admin/consultations/${id}/comments?section=${FILTER_SECTION}&q=${encodeURIComponent(WORD)}`;
    const listWord = `/admin/consultations/${id}/comments?q=${encodeURIComponent(WORD)}`;
    const targets: Target[] = [
      { label: "bare Remix (wrk)", path: "/", base: controlBase, pid: control.pid },
      { label: "public page (wrk)", path: `/consultations/${id}`, base, pid: portal.pid },
      { label: `staff list ?section=${FILTER_SECTION}&q=${WORD} (wrk)`, path: listBoth, base, pid: portal.pid, headers: staff },
      { label: `staff list ?q=${WORD} (wrk)`, path: listWord, base, pid: portal.pid, headers: staff },
      { label: `staff list ?section=${FILTER_SECTION}&q=${WORD} (wrk -c${STAFF_AT_ONCE})`, path: listBoth, base, pid: portal.pid, headers: staff, connections: STAFF_AT_ONCE },
      {
        label: `bare Remix (${CLIENTS} Node clients)`,
        path: "/",
        pid: control.pid,
        run: (duration) => runClients(controlBase, { label: `bare Remix (${CLIENTS} Node clients)`, path: "/", pid: control.pid, duration, next: () => ({ method: "GET", path: "/" }) }),
      },
      { label: `comment form POST (${CLIENTS} Node clients)`, path: `/consultations/${id}`, pid: portal.pid, run: commentLoad(base, origin, id, portal.pid, checks) },
    ];

    // Every page answers as it should before any load.
    const page = await get(`${base}/consultations/${id}`);
    const sectionLinks = (page.body.match(/\?section=\d+#comment-form/g) ?? []).length;
    console.log(`  public page               ${page.status}, ${Buffer.byteLength(page.body).toLocaleString("en")} bytes, ${sectionLinks} sections open to comment`);
    if (page.status !== 200 || sectionLinks !== CHAPTERS.length) throw new Error(`the public page answered ${page.status} with ${sectionLinks} sections open to comment`);
    for (const [p, expected] of [
      [listBoth, matching.sectionAndWord],
      [listWord, matching.word],
    ] as const) {
      const list = await get(base + p, staff);
      const count = /role="status"[^>]*>([^<]*)</.exec(list.body)?.[1] ?? "";
      console.log(`  staff list                ${list.status}, ${Buffer.byteLength(list.body).toLocaleString("en")} bytes — ${count} (${expected} in the database) ${decodeURIComponent(p)}`);
      if (list.status !== 200 || !count.replace(/[,，]/g, "").includes(String(expected))) throw new Error(`${p} answered ${list.status}: ${count}`);
    }
    const bare = await get(controlBase + "/");
    if (bare.status !== 200) throw new Error(`the bare Remix control answered ${bare.status}`);

    // The aims that a row can show alone: the public page's throughput, the staff list's p95.
    const aim: Aim = ({ throughput }, i, r) => (i === 1 ? pass(throughput >= 0.5) : i >= 2 && i <= 4 ? pass(r.p95 < 200) : "");
    const rounds = await measureInRounds("", targets, writeWrkScript(dir), aim);

    console.log("\nno comment lost or doubled (after every load of the form: rows added, receipt numbers, answers)");
    for (const c of checks) {
      console.log(`  ${c.label.padEnd(8)} ${c.accepted} answers of 2xx, ${c.added} rows added, receipts ${c.first}…${c.last} — ${c.ok ? "PASS" : `MISS: ${c.problems.join("; ")}`}`);
    }
    const allKept = checks.length > 0 && checks.every((c) => c.ok);

    const page1 = medianRatios(rounds, 0, 1);
    const postSame = medianRatios(rounds, 5, 6);
    const postWrk = medianRatios(rounds, 0, 6);
    const p95Both = median(rounds.map((r) => r[2].p95));
    const p95Word = median(rounds.map((r) => r[3].p95));
    const p95Few = median(rounds.map((r) => r[4].p95));
    console.log(`\naims of issue 12 (median over ${rounds.length} rounds; ${COMMENTS.toLocaleString("en")} comments)`);
    const lines: [string, string, boolean | null][] = [
      ["public page ≥ 0.5 of the bare page's req/s (both by wrk)", page1.throughput.toFixed(2), page1.throughput >= 0.5],
      [`comment action ≥ 0.5 of the bare page's req/s (both by ${CLIENTS} Node clients)`, postSame.throughput.toFixed(2), postSame.throughput >= 0.5],
      ["  the same against the bare page by wrk (no aim: other load generators)", postWrk.throughput.toFixed(2), null],
      [`staff list ?section=${FILTER_SECTION}&q=${WORD}: p95 < 200 ms`, `${p95Both.toFixed(1)} ms`, p95Both < 200],
      [`staff list ?q=${WORD}: p95 < 200 ms`, `${p95Word.toFixed(1)} ms`, p95Word < 200],
      [`staff list ?section=${FILTER_SECTION}&q=${WORD}, ${STAFF_AT_ONCE} staff at once: p95 < 200 ms`, `${p95Few.toFixed(1)} ms`, p95Few < 200],
      [`no comment lost or doubled (${checks.length} loads, ${checks.reduce((n, c) => n + c.accepted, 0).toLocaleString("en")} comments)`, "", allKept],
    ];
    for (const [what, value, ok] of lines) console.log(`  ${what.padEnd(74)} ${value.padStart(9)}  ${ok === null ? "" : pass(ok)}`);
    if (!allKept || rounds.flat().some((r) => r.errors || r.non2xx)) process.exitCode = 1;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
