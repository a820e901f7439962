/**
 * Benchmark of the group directory: `npm run bench:directory` (builds first).
 *
 * A fresh SQLite database in a temporary directory is migrated and filled with 10,000
 * realistic groups (published versions, registrations valid now, fields, districts); the
 * production server runs on it, and `wrk` measures on loopback, in the same run:
 *   1. a bare page of the same app (/accessibility: static text in the same layout),
 *   2. /groups with a search word and every filter,
 *   3. /groups with a two-character word alone (841 matches).
 * It prints requests per second and p95 latency of each, and the ratios to the bare page
 * against the aims of issue 4 (at least half its throughput, at most twice its p95).
 *
 * The three are measured in turn, in several rounds (BENCH_ROUNDS, default 3); the aims are
 * judged on the median ratio of the rounds, every round's table printed too. 20 connections
 * keep the server saturated (its throughput is the same from 4 connections up); from about 40
 * on, even a trivial Node server starves some connections for seconds under wrk, and the p95
 * then measures that, not the page (decision record 0012).
 *
 *   BENCH_GROUPS=10000 BENCH_DURATION=10s BENCH_CONNECTIONS=20 BENCH_THREADS=2 BENCH_ROUNDS=3 npm run bench:directory
 * (BENCH_VERBOSE=1 also prints wrk's own report of every run. BENCH_DB=/some/dir/bench.db keeps
 * the filled database there and uses it again on the next run instead of filling a new one.)
 */
import fs from "node:fs";
import path from "node:path";
import { migrate } from "../scripts/db-migrate.ts";
import { chooseDistrict, fill, GROUPS, startServer } from "./portal.ts";
import { prepare } from "./servers.ts";
import { measureInRounds, writeWrkScript } from "./wrk.ts";

async function main() {
  const { dir, kept, url } = prepare("bench:directory");
  const script = writeWrkScript(dir);
  let stop: (() => Promise<void>) | undefined;
  try {
    console.log(`bench:directory — ${GROUPS.toLocaleString("en")} groups in ${url}`);
    const reuse = kept !== null && fs.existsSync(kept);
    await migrate(url);
    const { district } = reuse ? await chooseDistrict(url) : await fill(url);
    if (reuse) console.log(`  using the groups already in ${kept}`);
    const server = await startServer(url, path.join(dir, "uploads"));
    stop = server.stop;
    const base = `http://127.0.0.1:${server.port}`;
    const targets = [
      { label: "bare page", path: "/accessibility", pid: server.pid },
      { label: "search + filters", path: `/groups?q=${encodeURIComponent("子育")}&field=13&district=${district}&volunteers=1`, pid: server.pid },
      { label: "two-character word", path: `/groups?q=${encodeURIComponent("人権")}`, pid: server.pid },
    ];
    for (const t of targets) {
      const res = await fetch(base + t.path);
      const body = await res.text();
      const count = /role="status"[^>]*>([^<]*)</.exec(body)?.[1] ?? "";
      console.log(`  ${t.label.padEnd(20)} ${res.status} ${t.path}${count ? `  — ${count}` : ""}`);
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
    }
    const rounds = await measureInRounds(base, targets, script);
    for (const t of targets.slice(1)) console.log(`  ${t.label}: ${t.path}`);
    if (rounds.flat().some((r) => r.errors || r.non2xx)) process.exitCode = 1;
  } finally {
    await stop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
