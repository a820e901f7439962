/**
 * The server's CPU time per page, without wrk and in seconds rather than minutes:
 * `npx tsx bench/cpu-per-request.ts` (after `npm run build`).
 *
 * It starts the production server on a scratch database of BENCH_GROUPS groups (10,000 by
 * default, filled as for bench:pages; BENCH_DB=/some/dir/bench.db keeps it for the next run),
 * warms each page up, then sends each page CPU_REQUESTS times (default 500) from CPU_CONCURRENCY
 * connections (default 4) in CPU_ROUNDS rounds (default 3), and prints the server's own CPU
 * milliseconds per request (all its threads, from Linux /proc) for every round and their median.
 * That figure hardly moves with other work on the machine, unlike requests per second, so it
 * compares two builds on a shared machine; it is not a substitute for bench:pages' ratios.
 * CPU_PATHS="/a,/b" measures other pages than /accessibility, /groups?q=人権 and /groups/1;
 * CPU_BUILDS="/tmp/before,." starts one server per folder holding a build/ (a copy of an earlier
 * build, say, with a node_modules link) and measures them in turn within every round: an A/B
 * on the same machine at the same time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../scripts/db-migrate.ts";
import { fill, startServer } from "./portal.ts";
import { ROOT, type RunningServer } from "./servers.ts";
import { cpuSeconds, median } from "./wrk.ts";

const REQUESTS = Number(process.env.CPU_REQUESTS ?? 500);
const CONCURRENCY = Number(process.env.CPU_CONCURRENCY ?? 4);
const ROUNDS = Math.max(1, Number(process.env.CPU_ROUNDS ?? 3));
const PATHS = process.env.CPU_PATHS?.split(",") ?? ["/accessibility", `/groups?q=${encodeURIComponent("人権")}`, "/groups/1"];
const BUILDS = process.env.CPU_BUILDS?.split(",").map((b) => path.resolve(b)) ?? [ROOT];

/** `count` GETs of each of `urls`, taking turns, over `concurrency` loops; throws on an answer other than 200. */
async function load(urls: string[], count: number, concurrency: number): Promise<void> {
  let left = count * urls.length;
  const loop = async () => {
    while (left-- > 0) {
      const url = urls[left % urls.length];
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
}

async function main() {
  for (const folder of BUILDS) {
    if (!fs.existsSync(path.join(folder, "build/server/index.js"))) {
      console.error(`cpu-per-request needs a production build in ${folder}/build: npm run build`);
      process.exit(2);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cpu-"));
  const kept = process.env.BENCH_DB ? path.resolve(process.env.BENCH_DB) : null;
  const url = `file:${kept ?? path.join(dir, "bench.db")}`;
  const reuse = kept !== null && fs.existsSync(kept);
  await migrate(url);
  if (!reuse) await fill(url);
  const servers: RunningServer[] = [];
  try {
    for (const folder of BUILDS) servers.push(await startServer(url, path.join(dir, "uploads"), folder));
    // Within a round, each page is asked of every server in alternation over the same seconds,
    // so that whatever else the machine does weighs on each server alike.
    const runs = PATHS.map((p) => ({ path: p, values: servers.map(() => [] as number[]) }));
    const urls = (p: string) => servers.map((server) => `http://127.0.0.1:${server.port}${p}`);
    for (const run of runs) await load(urls(run.path), 200, CONCURRENCY); // warm-up: JIT, caches
    for (let round = 0; round < ROUNDS; round++) {
      for (const run of runs) {
        const before = servers.map((server) => cpuSeconds(server.pid));
        await load(urls(run.path), REQUESTS, CONCURRENCY);
        const after = servers.map((server) => cpuSeconds(server.pid));
        servers.forEach((_, i) => {
          const [b, a] = [before[i], after[i]];
          if (b === undefined || a === undefined) throw new Error("no /proc: CPU time per request needs Linux");
          run.values[i].push(((a - b) * 1000) / REQUESTS);
        });
      }
    }
    console.log(`server CPU ms per request (${REQUESTS} requests × ${ROUNDS} rounds, ${CONCURRENCY} connections${servers.length > 1 ? ", servers in alternation" : ""})`);
    if (BUILDS.length > 1) BUILDS.forEach((b, i) => console.log(`  ${i + 1}: ${b}`));
    for (const run of runs) {
      run.values.forEach((values, i) => {
        const label = `${BUILDS.length > 1 ? `${i + 1} ` : ""}${decodeURIComponent(run.path)}`;
        console.log(`  ${label.padEnd(24)} ${median(values).toFixed(2).padStart(6)}   rounds: ${values.map((v) => v.toFixed(2)).join(" ")}`);
      });
    }
  } finally {
    for (const server of servers) await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
