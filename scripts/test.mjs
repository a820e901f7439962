#!/usr/bin/env node
// The whole suite, as `npm test` runs it (after `pretest`, scripts/setup.mjs). Stages that need
// nothing from each other run side by side; the rest wait for what they need:
//
//   typecheck ┐
//   lint      │ at once (their output is shown as each one ends)
//   unit UTC  │
//   unit JST  │
//   build     ┘ → integration (needs build/) → e2e (needs build/)
//
// A failure stops the run once the running stages end; the time of every stage is printed at
// the end either way. `node scripts/test.mjs integration e2e` runs only the stages named
// (and none that they need: build first yourself). Built-ins only, like setup.mjs.
import { spawn } from "node:child_process";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const isWindows = process.platform === "win32";

/** @typedef {{ name: string, command: string[], env?: Record<string, string>, group: number }} Stage */
/** @type {Stage[]} */
const STAGES = [
  { name: "typecheck", command: ["tsc"], group: 1 },
  { name: "lint", command: ["eslint", ".", "--max-warnings", "0"], group: 1 },
  { name: "unit (TZ=UTC)", command: ["vitest", "run", "--project", "unit"], env: { TZ: "UTC" }, group: 1 },
  { name: "unit (TZ=Asia/Tokyo)", command: ["vitest", "run", "--project", "unit"], env: { TZ: "Asia/Tokyo" }, group: 1 },
  // `remix vite:build`, not `npm run build`: that regenerates the Prisma clients, which tsc is
  // reading at the same moment; pretest (setup.mjs) has generated them for this schema already.
  { name: "build", command: ["remix", "vite:build"], group: 1 },
  { name: "integration", command: ["vitest", "run", "--project", "integration"], group: 2 },
  { name: "e2e", command: ["playwright", "test"], group: 3 },
];

const KEYS = new Map(STAGES.map((s) => [s.name.split(" ")[0], s.name]));
const wanted = process.argv.slice(2);
for (const arg of wanted) {
  if (!KEYS.has(arg)) {
    console.error(`test: unknown stage "${arg}" (stages: ${[...KEYS.keys()].join(", ")})`);
    process.exit(2);
  }
}
const selected = wanted.length === 0 ? STAGES : STAGES.filter((s) => wanted.includes(s.name.split(" ")[0]));

const env = { ...process.env, PATH: [join(root, "node_modules", ".bin"), process.env.PATH ?? ""].join(delimiter), FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };
/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const results = [];
const running = new Set();

function seconds(since) {
  return (Date.now() - since) / 1000;
}

/** Runs one stage; alone it streams its output, beside others it shows the output at its end. */
function runStage(stage, { buffered }) {
  return new Promise((done) => {
    const started = Date.now();
    const [cmd, ...args] = stage.command;
    const child = spawn(isWindows ? `${cmd}.cmd` : cmd, args, {
      cwd: root,
      env: { ...env, ...stage.env },
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
      shell: isWindows,
    });
    running.add(child);
    const chunks = [];
    if (buffered) {
      child.stdout.on("data", (c) => chunks.push(c));
      child.stderr.on("data", (c) => chunks.push(c));
    }
    const finish = (ok, why = "") => {
      running.delete(child);
      const took = seconds(started);
      results.push({ name: stage.name, ok, seconds: took });
      if (buffered) {
        process.stdout.write(`\n── ${stage.name} ${"─".repeat(Math.max(0, 60 - stage.name.length))}\n`);
        process.stdout.write(Buffer.concat(chunks));
      }
      console.log(`── ${stage.name}: ${ok ? "passed" : `FAILED${why}`} in ${took.toFixed(1)} s`);
      done(ok);
    };
    child.on("error", (error) => finish(false, ` (could not start: ${error.message})`));
    child.on("close", (code, signal) => finish(code === 0, code === 0 ? "" : ` (exit ${code ?? signal})`));
  });
}

function summary(startedAt) {
  const width = Math.max(...results.map((r) => r.name.length), "total (wall clock)".length);
  console.log("\nStage times");
  for (const r of results) console.log(`  ${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(7)} s  ${r.ok ? "ok" : "FAILED"}`);
  const skipped = selected.filter((s) => !results.some((r) => r.name === s.name));
  for (const s of skipped) console.log(`  ${s.name.padEnd(width)}        –    not run`);
  console.log(`  ${"total (wall clock)".padEnd(width)}  ${seconds(startedAt).toFixed(1).padStart(7)} s`);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
    process.exit(130);
  });
}

const startedAt = Date.now();
let ok = true;
for (const group of [...new Set(selected.map((s) => s.group))]) {
  const stages = selected.filter((s) => s.group === group);
  const outcomes = await Promise.all(stages.map((s) => runStage(s, { buffered: stages.length > 1 })));
  if (outcomes.includes(false)) {
    ok = false;
    break;
  }
}
summary(startedAt);
process.exit(ok ? 0 : 1);
