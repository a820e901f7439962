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
 *   1. the app's bare page, /accessibility (static text in the same layout), by wrk: the control
 *      of issue 12's aims, as of issue 4's ("the app's bare page");
 *   2. the bare Remix app (bench/remix-control, as bench:pages builds it), by wrk: the framework's
 *      ceiling, printed for comparison, no aim;
 *   3. the public consultation page, anonymous, by wrk;
 *   4. the staff's comment list with a section and a word (?section=3&q=駐車場) by BENCH_STAFF
 *      (2) connections with a staff session (made with createSession, second factor given, as
 *      integration tests do): a few staff at once, so that its p95 is the page's own time;
 *   5. the staff's comment list with the word alone (?q=駐車場: every comment's text read), the same way;
 *   6. the list of 4. by 20 connections (twenty staff at once, no aim: 20 requests queue for one
 *      event loop);
 *   7. the app's bare page again, by BENCH_CONNECTIONS (20) Node clients on keep-alive
 *      connections (bench/clients.ts);
 *   8. the comment form posted by the same 20 Node clients, each post a new form (its own
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
 * Aims (issue 12): the public page and the comment action at least half the app's bare page's
 * throughput (the action against the bare page under the same Node clients, the ratio to the
 * bare page under wrk printed beside it), the staff list under 200 ms at p95 (4. and 5.), no
 * comment lost or doubled. Exit status 1 when a check fails or a request errs.
 *
 *   BENCH_PORT=4600 BENCH_COMMENTS=5000 BENCH_DURATION=10s BENCH_CONNECTIONS=20 BENCH_THREADS=2 BENCH_ROUNDS=3 npm run bench:consultations
 * (BENCH_VERBOSE=1 also prints wrk's own reports; BENCH_CPU_PROF=/some/dir runs the portal's server
 * with node --cpu-prof, which writes its CPU profile of the whole run there when it stops.)
 */
import fs from "node:fs";
import path from "node:path";
import { receiptNumber } from "../app/consultations/rules.ts";
import { migrate } from "../scripts/db-migrate.ts";
import { CLIENTS, runClients, type Answer } from "./clients.ts";
import { buildControl, startControl } from "./control.ts";
import { prepare, ROOT, type RunningServer } from "./servers.ts";
import { CONNECTIONS, measureInRounds, median, medianRatios, writeWrkScript, type Aim, type Result, type Target } from "./wrk.ts";
import { CHAPTERS, CLOCK, COMMENTS, commentForm, FILTER_SECTION, fillConsultation, STAFF_AT_ONCE, WORD } from "./consultation-data.ts";

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
        const form = commentForm(client, sent.get(client) ?? 0);
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
    // As a comment raises it: plain SQL, so the public page's kept copy stays (its updatedAt does not move).
    await db.$executeRaw`UPDATE "Consultation" SET "lastReceipt" = ${before.lastReceipt} WHERE "id" = ${consultationId}`;
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
    // The app's own bare page (issue 12's control, as issue 4's): static text in the same layout.
    const bare = "/accessibility";
    const targets: Target[] = [
      { label: `the app's bare page ${bare} (wrk)`, path: bare, base, pid: portal.pid },
      { label: "bare Remix app (wrk, no aim)", path: "/", base: controlBase, pid: control.pid },
      { label: "public page (wrk)", path: `/consultations/${id}`, base, pid: portal.pid },
      { label: `staff list ?section=${FILTER_SECTION}&q=${WORD} (wrk -c${STAFF_AT_ONCE})`, path: listBoth, base, pid: portal.pid, headers: staff, connections: STAFF_AT_ONCE },
      { label: `staff list ?q=${WORD} (wrk -c${STAFF_AT_ONCE})`, path: listWord, base, pid: portal.pid, headers: staff, connections: STAFF_AT_ONCE },
      { label: `staff list ?section=${FILTER_SECTION}&q=${WORD} (wrk, no aim)`, path: listBoth, base, pid: portal.pid, headers: staff },
      {
        label: `the app's bare page (${CLIENTS} Node clients)`,
        path: bare,
        pid: portal.pid,
        run: (duration) => runClients(base, { label: `the app's bare page (${CLIENTS} Node clients)`, path: bare, pid: portal.pid, duration, next: () => ({ method: "GET", path: bare }) }),
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
    for (const [b, p] of [
      [base, bare],
      [controlBase, "/"],
    ] as const) {
      const answer = await get(b + p);
      if (answer.status !== 200) throw new Error(`${b}${p} answered ${answer.status}`);
    }

    // The aims that a row can show alone: the public page's throughput, the staff list's p95 with a few staff at once.
    const aim: Aim = ({ throughput }, i, r) => (i === 2 ? pass(throughput >= 0.5) : i === 3 || i === 4 ? pass(r.p95 < 200) : "");
    const rounds = await measureInRounds("", targets, writeWrkScript(dir), aim);

    console.log("\nno comment lost or doubled (after every load of the form: rows added, receipt numbers, answers)");
    for (const c of checks) {
      console.log(`  ${c.label.padEnd(8)} ${c.accepted} answers of 2xx, ${c.added} rows added, receipts ${c.first}…${c.last} — ${c.ok ? "PASS" : `MISS: ${c.problems.join("; ")}`}`);
    }
    const allKept = checks.length > 0 && checks.every((c) => c.ok);

    const page1 = medianRatios(rounds, 0, 2);
    const pageRemix = medianRatios(rounds, 1, 2);
    const postSame = medianRatios(rounds, 6, 7);
    const postWrk = medianRatios(rounds, 0, 7);
    const p95Both = median(rounds.map((r) => r[3].p95));
    const p95Word = median(rounds.map((r) => r[4].p95));
    const p95Many = median(rounds.map((r) => r[5].p95));
    console.log(`\naims of issue 12 (median over ${rounds.length} rounds; ${COMMENTS.toLocaleString("en")} comments; the bare page is the app's ${bare})`);
    const lines: [string, string, boolean | null][] = [
      ["public page ≥ 0.5 of the bare page's req/s (both by wrk)", page1.throughput.toFixed(2), page1.throughput >= 0.5],
      ["  the same against the bare Remix app (no aim: the framework's ceiling)", pageRemix.throughput.toFixed(2), null],
      [`comment action ≥ 0.5 of the bare page's req/s (both by ${CLIENTS} Node clients)`, postSame.throughput.toFixed(2), postSame.throughput >= 0.5],
      ["  the same against the bare page by wrk (no aim: other load generators)", postWrk.throughput.toFixed(2), null],
      [`staff list ?section=${FILTER_SECTION}&q=${WORD}, ${STAFF_AT_ONCE} staff at once: p95 < 200 ms`, `${p95Both.toFixed(1)} ms`, p95Both < 200],
      [`staff list ?q=${WORD}, ${STAFF_AT_ONCE} staff at once: p95 < 200 ms`, `${p95Word.toFixed(1)} ms`, p95Word < 200],
      [`  staff list ?section=${FILTER_SECTION}&q=${WORD} by ${CONNECTIONS} connections (no aim: 20 staff at once)`, `${p95Many.toFixed(1)} ms`, null],
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
