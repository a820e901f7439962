/**
 * wrk for the benchmarks: runs of `wrk -t2 -c20 -d10s` (BENCH_THREADS, BENCH_CONNECTIONS,
 * BENCH_DURATION) with p50/p95/p99 from a Lua `done` hook and, where the server's process id is
 * known, its CPU time per request (Linux /proc: less disturbed than req/s by other work on a
 * shared machine), measured in rounds (BENCH_ROUNDS, default 3) with the first target as the
 * reference, and Markdown tables of the ratios to it with an aim per row (by default those of
 * issue 4: at least half its throughput, at most twice its p95).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const DURATION = process.env.BENCH_DURATION ?? "10s";
export const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? "20";
export const THREADS = process.env.BENCH_THREADS ?? "2";
export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

export function hasWrk(): boolean {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

const LUA = `
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH requests=%d seconds=%f p50=%d p95=%d p99=%d errors=%d non2xx=%d\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors, summary.errors.status))
end
`;

/** The Lua script that prints the result line, written into `dir`. */
export function writeWrkScript(dir: string): string {
  const script = path.join(dir, "p95.lua");
  fs.writeFileSync(script, LUA);
  return script;
}

/**
 * A page to measure; `base` overrides the run's server, `pid` is that server's process,
 * `headers` are sent with every request (a session cookie), `connections` replaces
 * BENCH_CONNECTIONS for this target (a page few people use at once). `run` measures it some
 * other way than with wrk (a form posted by Node clients, bench/clients.ts) for the given duration.
 */
export type Target = {
  label: string;
  path: string;
  base?: string;
  pid?: number;
  headers?: Record<string, string>;
  connections?: number;
  run?: (duration: string) => Promise<Result>;
};
export type Result = Target & { rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; cpuMs?: number };

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds of a process and its threads so far, or undefined off Linux. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

export function wrk(base: string, target: Target, script: string, duration = DURATION): Result {
  // A long timeout: a slow answer counts in the percentiles instead of vanishing as an error.
  const headers = Object.entries(target.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const connections = target.connections ?? Number(CONNECTIONS);
  const args = [`-t${Math.min(Number(THREADS), connections)}`, `-c${connections}`, `-d${duration}`, "--timeout", "30s", "--latency", ...headers, "-s", script, (target.base ?? base) + target.path];
  const cpuBefore = cpuSeconds(target.pid);
  const out = execFileSync("wrk", args, { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const cpuAfter = cpuSeconds(target.pid);
  if (process.env.BENCH_VERBOSE) console.log(out);
  const line = out.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`no result from wrk:\n${out}`);
  const v = Object.fromEntries(line.slice(6).split(" ").map((kv) => kv.split("=")).map(([k, n]) => [k, Number(n)]));
  const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined && v.requests > 0 ? ((cpuAfter - cpuBefore) * 1000) / v.requests : undefined;
  return { ...target, rps: v.requests / v.seconds, p50: v.p50 / 1000, p95: v.p95 / 1000, p99: v.p99 / 1000, errors: v.errors, non2xx: v.non2xx, cpuMs };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A row's ratios to the first target of its round. */
export type Ratios = { throughput: number; p50: number; p95: number };
/** PASS, MISS or nothing for the row at this index, from its ratios to the first target (or its own figures). */
export type Aim = (ratios: Ratios, index: number, result: Result) => string;

/** The aims of issue 4 (the directory against the bare page of the same app). */
export const directoryAim: Aim = ({ throughput, p95 }, i) => (i === 0 ? "" : throughput >= 0.5 && p95 <= 2 ? "PASS" : "MISS");

export function ratiosTo(reference: Result, r: Result): Ratios {
  return { throughput: r.rps / reference.rps, p50: r.p50 / reference.p50, p95: r.p95 / reference.p95 };
}

export type Row = { r: Result; ratios: Ratios };

/** A Markdown table of pages (the first is the reference) with their ratios to it and the aims. */
export function printTable(rows: Row[], aim: Aim) {
  const cpu = rows.some(({ r }) => r.cpuMs !== undefined);
  const cells = rows.map(({ r, ratios }, i) => [
    r.label,
    r.rps.toFixed(0),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    ...(cpu ? [r.cpuMs?.toFixed(2) ?? ""] : []),
    i === 0 ? "1.00" : ratios.throughput.toFixed(2),
    i === 0 ? "1.00" : ratios.p50.toFixed(2),
    i === 0 ? "1.00" : ratios.p95.toFixed(2),
    aim(ratios, i, r),
    r.errors || r.non2xx ? `${r.errors} errors, ${r.non2xx} non-2xx` : "",
  ]);
  const header = ["page", "req/s", "p50 ms", "p95 ms", "p99 ms", ...(cpu ? ["CPU ms/req"] : []), "req/s ÷ first", "p50 ÷ first", "p95 ÷ first", "aim", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (row: string[]) => "| " + row.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
  console.log(`${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n${cells.map(line).join("\n")}`);
}

/** A target measured for `duration`: by its own `run`, else by wrk. */
function measure(base: string, target: Target, script: string, duration = DURATION): Promise<Result> | Result {
  return target.run ? target.run(duration) : wrk(base, target, script, duration);
}

/**
 * Warms each target up (3 s), then measures them in turn, ROUNDS times, printing every round
 * and then the median ratios: one round can be thrown off by whatever else the machine does
 * during its seconds. Returns every round's results.
 */
export async function measureInRounds(base: string, targets: Target[], script: string, aim: Aim = directoryAim): Promise<Result[][]> {
  const others = targets.some((t) => t.run) ? " (rows with their own load: the same duration, as their label says)" : "";
  console.log(`warming up (3 s each), then ${ROUNDS} rounds of wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} on each page in turn${others}…`);
  for (const t of targets) await measure(base, t, script, "3s");
  const rounds: Result[][] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const results: Result[] = [];
    for (const t of targets) results.push(await measure(base, t, script));
    rounds.push(results);
    console.log(`\nround ${round} of ${ROUNDS}`);
    printTable(results.map((r) => ({ r, ratios: ratiosTo(results[0], r) })), aim);
  }
  const summary = targets.map((_, i) => ({
    r: rounds.map((results) => results[i]).sort((a, b) => a.rps - b.rps)[Math.floor(ROUNDS / 2)],
    ratios: medianRatios(rounds, 0, i),
  }));
  console.log(`\nmedian of ${ROUNDS} rounds (req/s and latencies: the round with the median req/s; ratios: the median ratio of the rounds)`);
  printTable(summary, aim);
  const load = os.loadavg()[0].toFixed(1);
  console.log(`\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), Node ${process.version}; server and wrk share them; load average ${load}.`);
  return rounds;
}

/** The median over the rounds of target `of`'s ratios to target `to` measured in the same round. */
export function medianRatios(rounds: Result[][], to: number, of: number): Ratios {
  const each = rounds.map((results) => ratiosTo(results[to], results[of]));
  return { throughput: median(each.map((x) => x.throughput)), p50: median(each.map((x) => x.p50)), p95: median(each.map((x) => x.p95)) };
}
