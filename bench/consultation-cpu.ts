/**
 * The server's CPU time per request of public comment's pages, in a minute rather than the five
 * of bench:consultations and without wrk: `npx tsx bench/consultation-cpu.ts` (after `npm run build`).
 *
 * It fills a scratch database as bench:consultations does (one open consultation, BENCH_COMMENTS
 * comments, a staff session; the server's clock two days before the end), starts the production
 * server on it, and sends, CPU_REQUESTS times (default 300) from CPU_CONCURRENCY connections
 * (default 4) in CPU_ROUNDS rounds (default 3): the app's bare page (/accessibility), the public page, the staff list with a section
 * and a word and with the word alone, and the comment form (a new form each time, from
 * addresses that stay within the form's limit). It prints the server's own CPU milliseconds per
 * request (from Linux /proc) per round and their median. CPU_BUILDS="/tmp/before,." starts one
 * server per folder holding a build/ (with a node_modules link and app/generated) and asks them
 * in alternation over the same seconds: the way to compare two builds on a shared machine. The
 * comments the form adds are deleted after each round, so every round sees the same data.
 * CPU_ONLY="staff list" measures only the requests whose label holds those words;
 * CPU_PROF=/some/dir runs the server(s) with node --cpu-prof (a profile of the whole run there).
 * Not a substitute for bench:consultations' ratios and p95.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../scripts/db-migrate.ts";
import { CLOCK, commentForm, FILTER_SECTION, fillConsultation, WORD } from "./consultation-data.ts";
import { ROOT, type RunningServer } from "./servers.ts";
import { cpuSeconds, median } from "./wrk.ts";

const REQUESTS = Number(process.env.CPU_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.CPU_CONCURRENCY ?? 4);
const ROUNDS = Math.max(1, Number(process.env.CPU_ROUNDS ?? 3));
const BUILDS = process.env.CPU_BUILDS?.split(",").map((b) => path.resolve(b)) ?? [ROOT];

type Ask = { label: string; request: (base: string, n: number) => [string, RequestInit]; expect: number };

/** `count` requests of each server in turn over `concurrency` loops; throws on an unexpected status. */
async function load(bases: string[], ask: Ask, count: number, concurrency: number, from: number): Promise<void> {
  let left = count * bases.length;
  const loop = async () => {
    while (left-- > 0) {
      const n = from + left;
      const [url, init] = ask.request(bases[left % bases.length], n);
      // No compression, as wrk asks in bench:consultations: the app's own cost, not gzip's.
      const res = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), "Accept-Encoding": "identity" }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== ask.expect) throw new Error(`${ask.label}: ${url} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
}

async function main() {
  for (const folder of BUILDS) {
    if (!fs.existsSync(path.join(folder, "build/server/index.js"))) {
      console.error(`consultation-cpu needs a production build in ${folder}/build: npm run build`);
      process.exit(2);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-consultation-cpu-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = url;
  const servers: RunningServer[] = [];
  try {
    await migrate(url);
    const { consultationId: id, cookie } = await fillConsultation();
    const { db } = await import("../app/platform/db.server.ts");
    const { startServer } = await import("./portal.ts");
    for (const folder of BUILDS) servers.push(await startServer(url, path.join(dir, "uploads"), folder, { env: { TEST_CLOCK: CLOCK, TRUST_PROXY: "1" }, nodeArgs: process.env.CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.CPU_PROF)}`] : [] }));
    const bases = servers.map((s) => `http://127.0.0.1:${s.port}`);
    const staff = { headers: { Cookie: cookie } };
    const asks: Ask[] = [
      { label: "the app's bare page /accessibility", request: (b) => [`${b}/accessibility`, {}], expect: 200 },
      { label: "public page", request: (b) => [`${b}/consultations/${id}`, {}], expect: 200 },
      { label: `staff list ?section=${FILTER_SECTION}&q=${WORD}`, request: (b) => [`${b}/admin/consultations/${id}/comments?section=${FILTER_SECTION}&q=${encodeURIComponent(WORD)}`, staff], expect: 200 },
      { label: `staff list ?q=${WORD}`, request: (b) => [`${b}/admin/consultations/${id}/comments?q=${encodeURIComponent(WORD)}`, staff], expect: 200 },
      {
        label: "comment form POST",
        // A new fake client address every 5 posts: within the form's limit of 10 per address.
        request: (b, n) => [
          `${b}/consultations/${id}`,
          {
            method: "POST",
            headers: { Origin: `http://localhost:${new URL(b).port}`, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${Math.floor(n / 5) & 255}` },
            body: commentForm(n % 20, n).toString(),
          },
        ],
        expect: 200,
      },
      {
        // The same post with the honeypot filled: answered as received, nothing read or written but the consultation's version — what a post costs before its own work.
        label: "comment form POST, honeypot",
        request: (b, n) => {
          const form = commentForm(n % 20, n);
          form.set("website_url", "http://spam.example/");
          return [`${b}/consultations/${id}`, { method: "POST", headers: { Origin: `http://localhost:${new URL(b).port}`, "Content-Type": "application/x-www-form-urlencoded" }, body: form.toString() }];
        },
        expect: 200,
      },
    ];
    const { lastReceipt } = await db.consultation.findUniqueOrThrow({ where: { id }, select: { lastReceipt: true } });
    const lastId = (await db.consultationComment.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const reset = async () => {
      await db.consultationComment.deleteMany({ where: { id: { gt: lastId } } });
      await db.outboxMail.deleteMany({});
      await db.rateLimitCounter.deleteMany({});
      // As a comment raises it: plain SQL, so the public page's kept copy stays (its updatedAt does not move).
      await db.$executeRaw`UPDATE "Consultation" SET "lastReceipt" = ${lastReceipt} WHERE "id" = ${id}`;
    };
    const only = process.env.CPU_ONLY;
    const runs = asks.filter((ask) => !only || ask.label.includes(only)).map((ask) => ({ ask, values: servers.map(() => [] as number[]) }));
    let sent = 0;
    for (const run of runs) {
      await load(bases, run.ask, 100, CONCURRENCY, sent); // warm-up: JIT, caches
      sent += 100 * bases.length;
    }
    await reset();
    for (let round = 0; round < ROUNDS; round++) {
      for (const run of runs) {
        const before = servers.map((s) => cpuSeconds(s.pid));
        await load(bases, run.ask, REQUESTS, CONCURRENCY, sent);
        sent += REQUESTS * bases.length;
        const after = servers.map((s) => cpuSeconds(s.pid));
        servers.forEach((_, i) => {
          const [b, a] = [before[i], after[i]];
          if (b === undefined || a === undefined) throw new Error("no /proc: CPU time per request needs Linux");
          run.values[i].push(((a - b) * 1000) / REQUESTS);
        });
      }
      await reset();
    }
    console.log(`server CPU ms per request (${REQUESTS} requests × ${ROUNDS} rounds, ${CONCURRENCY} connections${servers.length > 1 ? ", servers in alternation" : ""})`);
    if (BUILDS.length > 1) BUILDS.forEach((b, i) => console.log(`  ${i + 1}: ${b}`));
    for (const run of runs) {
      run.values.forEach((values, i) => {
        const label = `${BUILDS.length > 1 ? `${i + 1} ` : ""}${run.ask.label}`;
        console.log(`  ${label.padEnd(34)} ${median(values).toFixed(2).padStart(6)}   rounds: ${values.map((v) => v.toFixed(2)).join(" ")}`);
      });
    }
  } finally {
    for (const server of servers) await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
