/**
 * The fixed cost of every page (issue 13): `npm run bench:pages` (builds the portal first).
 *
 * In one run, beside each other, it measures:
 *   - a bare Remix app of the same versions and flags (bench/remix-control: one route, a page of
 *     about the size of /accessibility, Express and Remix's request handler only), built by this
 *     benchmark into a scratch folder: the framework's own ceiling on this machine;
 *   - the portal: /accessibility (static text in the layout), /groups?q=人権 (a two-character
 *     word over BENCH_GROUPS groups, 10,000 by default) and a group profile;
 *   - the portal again, built from a copy of app/ with 150 generated extra routes (shaped like
 *     the domains to come: a list, a page, a form and two admin pages each), to show that the
 *     cost of a page does not grow with the routes.
 * Every target runs in turn, in BENCH_ROUNDS rounds (default 3) of wrk (bench/wrk.ts); the aims
 * are judged on the median over the rounds of ratios measured within the same round, so that
 * a machine busy with other work moves both sides of a ratio together. CPU ms per request is
 * each server's own CPU time (all its threads) divided by the requests it answered.
 *
 *   BENCH_GROUPS BENCH_DURATION BENCH_CONNECTIONS BENCH_THREADS BENCH_ROUNDS BENCH_VERBOSE BENCH_DB
 * as for bench:directory (BENCH_DB=/some/dir/bench.db keeps the filled database for the next run);
 * BENCH_PORT=3500 puts the three servers on 3500–3502 instead of free ports chosen at random.
 */
import fs from "node:fs";
import path from "node:path";
import { migrate } from "../scripts/db-migrate.ts";
import { fill, GROUPS, startServer } from "./portal.ts";
import { buildControl, linkNodeModules, remixBuild, startControl } from "./control.ts";
import { prepare, ROOT, type RunningServer } from "./servers.ts";
import { measureInRounds, median, medianRatios, writeWrkScript, type Aim, type Result } from "./wrk.ts";

const EXTRA_ROUTES = 150;
/** The routes of a build, from its client manifest (root and layouts included). */
function routeCount(buildDir: string): number {
  const assets = path.join(buildDir, "client/assets");
  const manifest = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifest) throw new Error(`no route manifest in ${assets}`);
  return (fs.readFileSync(path.join(assets, manifest), "utf8").match(/"hasLoader":/g) ?? []).length;
}

/** Route files for the domains to come: per domain a list, a page, a form, and an admin list and page. */
function extraRouteFiles(count: number): Map<string, string> {
  const files = new Map<string, string>();
  const shapes = ["_index", "$id", "new"].map((s) => (k: string) => `${k}.${s}.tsx`);
  shapes.push((k) => `admin.${k}._index.tsx`, (k) => `admin.${k}.$id.tsx`);
  for (let domain = 1; files.size < count; domain++) {
    for (const shape of shapes) {
      if (files.size === count) break;
      const name = shape(`bench-domain${String(domain).padStart(2, "0")}`);
      files.set(name, `export default function BenchExtraRoute() {\n  return <p>${name}</p>;\n}\n`);
    }
  }
  return files;
}

/** A copy of the portal's sources with the extra routes added, built into its own folder. */
function buildWithExtraRoutes(dir: string): string {
  const copy = path.join(dir, "extra-routes");
  fs.mkdirSync(copy);
  for (const entry of ["app", "public", "vite.config.ts", "package.json", "tsconfig.json"]) {
    fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  for (const [name, source] of extraRouteFiles(EXTRA_ROUTES)) fs.writeFileSync(path.join(copy, "app/routes", name), source);
  linkNodeModules(copy);
  remixBuild(copy);
  return copy;
}

async function get(base: string, p: string): Promise<{ status: number; bytes: number }> {
  const res = await fetch(base + p);
  return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
}

const pass = (ok: boolean) => (ok ? "PASS" : "MISS");

async function main() {
  const { dir, kept, url } = prepare("bench:pages");
  const servers: RunningServer[] = [];
  try {
    console.log("bench:pages — building the bare Remix control and the portal with extra routes…");
    const controlBuild = buildControl(dir);
    const extra = buildWithExtraRoutes(dir);

    const reuse = kept !== null && fs.existsSync(kept);
    await migrate(url);
    if (reuse) console.log(`  using the groups already in ${kept}`);
    else await fill(url);

    const control = await startControl(controlBuild);
    servers.push(control);
    const portal = await startServer(url, path.join(dir, "uploads"));
    servers.push(portal);
    const portalExtra = await startServer(url, path.join(dir, "uploads"), extra);
    servers.push(portalExtra);
    const at = (s: RunningServer) => `http://127.0.0.1:${s.port}`;
    const today = routeCount(path.join(ROOT, "build"));
    const more = routeCount(path.join(extra, "build"));

    const word = `/groups?q=${encodeURIComponent("人権")}`;
    const targets = [
      { label: "bare Remix (1 route)", path: "/", base: at(control), pid: control.pid },
      { label: `/accessibility (${today} routes)`, path: "/accessibility", base: at(portal), pid: portal.pid },
      { label: `/groups?q=人権 (${today} routes)`, path: word, base: at(portal), pid: portal.pid },
      { label: `group profile (${today} routes)`, path: "/groups/1", base: at(portal), pid: portal.pid },
      { label: `/accessibility (${more} routes)`, path: "/accessibility", base: at(portalExtra), pid: portalExtra.pid },
      { label: `group profile (${more} routes)`, path: "/groups/1", base: at(portalExtra), pid: portalExtra.pid },
    ];
    for (const t of targets) {
      const { status, bytes } = await get(t.base, t.path);
      console.log(`  ${t.label.padEnd(32)} ${status} ${bytes.toLocaleString("en")} bytes`);
      if (status !== 200) throw new Error(`${t.label} ${t.path} answered ${status}`);
    }

    // The row aims against the bare Remix app; the aims between two portal rows follow the tables.
    const aim: Aim = ({ throughput, p50 }, i) => (i === 1 ? pass(throughput >= 0.6 && p50 <= 1.7) : i === 2 ? pass(throughput >= 0.4) : "");
    const rounds = await measureInRounds("", targets, writeWrkScript(dir), aim);
    printAims(rounds, GROUPS);
    if (rounds.flat().some((r) => r.errors || r.non2xx)) process.exitCode = 1;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printAims(rounds: Result[][], groups: number) {
  const accessibility = medianRatios(rounds, 0, 1);
  const word = medianRatios(rounds, 0, 2);
  const withRoutes = medianRatios(rounds, 1, 4);
  const profileWithRoutes = medianRatios(rounds, 3, 5);
  const directory = medianRatios(rounds, 1, 2);
  console.log(`\naims of issue 13 (median ratios of ${rounds.length} rounds; ${groups.toLocaleString("en")} groups)`);
  const lines: [string, string, boolean | null][] = [
    ["/accessibility ≥ 0.6 of the bare Remix app's req/s", accessibility.throughput.toFixed(2), accessibility.throughput >= 0.6],
    ["/accessibility p50 ≤ 1.7 × the bare Remix app's", accessibility.p50.toFixed(2), accessibility.p50 <= 1.7],
    ["/groups?q=人権 ≥ 0.4 of the bare Remix app's req/s", word.throughput.toFixed(2), word.throughput >= 0.4],
    ["/accessibility with 150 more routes ≥ 0.9 of itself", withRoutes.throughput.toFixed(2), withRoutes.throughput >= 0.9],
    ["group profile with 150 more routes, of itself (no aim)", profileWithRoutes.throughput.toFixed(2), null],
    ["directory (issue 4): /groups?q=人権 ≥ 0.5 of /accessibility", directory.throughput.toFixed(2), directory.throughput >= 0.5],
    ["directory (issue 4): its p95 ≤ 2 × /accessibility's", directory.p95.toFixed(2), directory.p95 <= 2],
  ];
  for (const [what, value, ok] of lines) console.log(`  ${what.padEnd(62)} ${value.padStart(5)}  ${ok === null ? "" : pass(ok)}`);
  const cpu = rounds.flatMap((r) => (r[0].cpuMs && r[1].cpuMs ? [r[1].cpuMs / r[0].cpuMs] : []));
  if (cpu.length) console.log(`  ${"CPU ms per request, /accessibility ÷ bare Remix (no aim)".padEnd(62)} ${median(cpu).toFixed(2).padStart(5)}`);
  console.log("  (bench:directory measures the directory's search with every filter at the same size)");
}

await main();
