/**
 * Benchmark of two production servers on one PostgreSQL database (issue 10, item 7):
 * `npm run bench:two-servers` (builds first).
 *
 * A fresh PostgreSQL database is migrated and filled with BENCH_GROUPS published groups (default
 * 500, bench/portal.ts); BENCH_WRITERS residents (default 4) each have a draft group. Then, in the
 * same run and on the same database, one mixed load is sent for BENCH_SECONDS (default 20) to
 *   1. the control: one server alone,
 *   2. two servers on the same database, the requests shared out between them in turn,
 * by BENCH_READERS readers (default 8) opening /groups and the writers saving their drafts
 * (POST /my/groups/:id/edit, intent=draft, the purpose changed each time), each loop bounded by
 * the time and by BENCH_MAX_REQUESTS per client. It prints, for each: reads/s, writes/s, p95 of
 * the writes, answers other than the expected (200 for a read, 302 for a save), and how often
 * the directory's change counter moved per 100 draft saves (the counter moves only with a change
 * the directory shows, decision record 0024: a draft save is none, so the aim is 0). PASS when
 * two servers write at least as fast as 0.8 × the control with a p95 at most 2 × its p95, no
 * unexpected answer, and no counter bump from a draft save.
 *
 *   BENCH_PORT=3500 BENCH_SECONDS=20 BENCH_READERS=8 BENCH_WRITERS=4 npm run bench:two-servers
 * (PG_BENCH_URL: the PostgreSQL server's admin URL, default postgresql://postgres@127.0.0.1:5432/postgres.)
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../scripts/db-migrate.ts";
import { withClient } from "../tests/integration/helpers/templates.ts";
import { ROOT, type RunningServer } from "./servers.ts";

process.env.BENCH_GROUPS ??= "500";
const { fill, startServer } = await import("./portal.ts");

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const READERS = Number(process.env.BENCH_READERS ?? 8);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 100_000);
const ADMIN_URL = process.env.PG_BENCH_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** bench/portal.ts's fill gives the rows their ids: move every id sequence past them. */
async function resetSequences(url: string) {
  await withClient(url, async (c) => {
    const { rows } = await c.query<{ t: string; col: string; seq: string }>(
      `SELECT table_name AS t, column_name AS col, pg_get_serial_sequence(format('%I', table_name), column_name) AS seq
         FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval%'`,
    );
    for (const r of rows) await c.query(`SELECT setval($1, GREATEST((SELECT max("${r.col}") FROM "${r.t}"), 1))`, [r.seq]);
  });
}

/** The registration form as a browser sends it (a draft: no consent). */
function draftForm(name: string, district: number, purpose: string): URLSearchParams {
  return new URLSearchParams([
    ["intent", "draft"],
    ["name", name],
    ["nameKana", "べんちのかい"],
    ["kind", "volunteer"],
    ["corporateNumber", ""],
    ["volunteerCenter", "on"],
    ["representativeName", "碓氷 花子"],
    ["phone", "027-382-1111"],
    ["email", "bench@example.jp"],
    ["website", ""],
    ["sns", ""],
    ["mainDistrictId", String(district)],
    ["districtIds", String(district)],
    ["activityFields", "1"],
    ["purpose", purpose],
    ["activities", "見守り。"],
    ["foundedOn", "2015-04-01"],
    ["memberCount", "12"],
    ["meetingPlace", "安中公民館"],
  ]);
}

type Writer = { cookie: string; groupId: number };

/** Residents with a session each (as log-in writes it) and a draft group made through the form. */
async function makeWriters(url: string, base: string, district: number): Promise<Writer[]> {
  const writers: Writer[] = [];
  await withClient(url, async (c) => {
    for (let i = 0; i < WRITERS; i++) {
      const id = randomUUID();
      const at = new Date();
      await c.query(
        `INSERT INTO "User" ("id", "email", "displayName", "passwordHash", "role", "emailVerifiedAt", "passwordChangedAt", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, 'no password: bench', 'resident', $4, $4, $4, $4)`,
        [id, `bench.writer${i}.${id.slice(0, 6)}@example.jp`, `書き手 ${i}`, at],
      );
      const sid = randomBytes(16).toString("hex");
      const secret = randomBytes(16).toString("hex");
      await c.query(`INSERT INTO "Session" ("id", "secretHash", "userId", "createdAt", "lastUsedAt", "twoFactorVerified", "device") VALUES ($1, $2, $3, $4, $4, true, 'bench')`, [
        sid,
        createHash("sha256").update(secret).digest("hex"),
        id,
        at,
      ]);
      writers.push({ cookie: `portal_session=${sid}.${secret}`, groupId: 0 });
    }
  });
  for (const [i, w] of writers.entries()) {
    const res = await fetch(`${base}/groups/new`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: w.cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body: draftForm(`ベンチの会${i}`, district, "最初の保存"),
    });
    const id = /^\/my\/groups\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1];
    if (res.status !== 302 || !id) throw new Error(`making writer ${i}'s draft answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    w.groupId = Number(id);
  }
  return writers;
}

async function counter(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query<{ value: string }>(`SELECT "value" FROM "ChangeCounter" WHERE "name" = 'directory'`)).rows[0]?.value ?? 0));
}

type Result = { label: string; reads: number; writes: number; readsPerSecond: number; writesPerSecond: number; writeP95: number; unexpected: number; bumpsPer100: number };

function p95(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

/** One mixed load for SECONDS against `bases` (each client's requests go to them in turn). */
async function load(label: string, bases: string[], writers: Writer[], url: string, district: number): Promise<Result> {
  const before = await counter(url);
  const until = Date.now() + SECONDS * 1000;
  let reads = 0;
  let unexpected = 0;
  const latencies: number[] = [];
  const reader = async (k: number) => {
    for (let n = 0; n < MAX_REQUESTS && Date.now() < until; n++) {
      const res = await fetch(`${bases[(k + n) % bases.length]}/groups`);
      await res.arrayBuffer();
      if (res.status === 200) reads++;
      else unexpected++;
    }
  };
  const writer = async (w: Writer, k: number) => {
    for (let n = 0; n < MAX_REQUESTS && Date.now() < until; n++) {
      const base = bases[(k + n) % bases.length];
      const started = performance.now();
      // Each server checks a form's Origin against its own PUBLIC_URL (its own port here).
      const res = await fetch(`${base}/my/groups/${w.groupId}/edit`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: w.cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: draftForm(`ベンチの会${k}`, district, `${label} ${n} 回目の保存`),
      });
      await res.arrayBuffer();
      if (res.status === 302) latencies.push(performance.now() - started);
      else unexpected++;
    }
  };
  await Promise.all([...Array.from({ length: READERS }, (_, k) => reader(k)), ...writers.map((w, k) => writer(w, k))]);
  const bumps = (await counter(url)) - before;
  const writes = latencies.length;
  return {
    label,
    reads,
    writes,
    readsPerSecond: reads / SECONDS,
    writesPerSecond: writes / SECONDS,
    writeP95: p95(latencies),
    unexpected,
    bumpsPer100: writes ? (bumps / writes) * 100 : NaN,
  };
}

function print(results: Result[]) {
  const rows = results.map((r) => [r.label, r.readsPerSecond.toFixed(1), r.writesPerSecond.toFixed(1), `${r.writeP95.toFixed(0)} ms`, String(r.unexpected), r.bumpsPer100.toFixed(1)]);
  const head = ["", "reads/s", "writes/s", "write p95", "unexpected", "counter bumps / 100 saves"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [head, ...rows]) console.log("  " + row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
    console.error("bench:two-servers needs the production build: npm run build (npm run bench:two-servers does it first).");
    process.exit(2);
  }
  const name = `portal_bench_two_${randomBytes(4).toString("hex")}`;
  await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-two-"));
  const servers: RunningServer[] = [];
  try {
    console.log(`bench:two-servers — ${process.env.BENCH_GROUPS} groups, ${READERS} readers, ${WRITERS} writers, ${SECONDS} s per load, ${os.cpus().length} cores`);
    await migrate(url);
    const { district } = await fill(url);
    await resetSequences(url);
    servers.push(await startServer(url, path.join(dir, "uploads")), await startServer(url, path.join(dir, "uploads")));
    const bases = servers.map((s) => `http://localhost:${s.port}`);
    const writers = await makeWriters(url, bases[0], district);
    // The same load, same run, same database: first one server alone, then both in turn.
    const control = await load("control: one server", [bases[0]], writers, url, district);
    const two = await load("two servers, one database", bases, writers, url, district);
    const results = [control, two];
    print(results);
    const ok = two.writesPerSecond >= 0.8 * control.writesPerSecond && two.writeP95 <= 2 * control.writeP95 && two.unexpected === 0 && control.unexpected === 0 && two.bumpsPer100 === 0;
    console.log(
      `  two servers vs one: writes ${(two.writesPerSecond / control.writesPerSecond).toFixed(2)}× (aim ≥ 0.8), write p95 ${(two.writeP95 / control.writeP95).toFixed(2)}× (aim ≤ 2), counter bumps per 100 draft saves ${two.bumpsPer100.toFixed(1)} (aim 0) — ${ok ? "PASS" : "MISS"}`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
