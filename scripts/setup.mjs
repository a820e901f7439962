#!/usr/bin/env node
// Idempotent project setup, run as the `pre` script of `npm run demo` / `npm test`.
// Usage: node scripts/setup.mjs [--browsers] [--build] [--quiet]
//   1. installs npm packages when node_modules is missing or stale
//   2. generates both Prisma clients when missing or when a schema changed
//   3. with --browsers: ensures Chromium and Japanese fonts are installed
//   4. with --build: builds the app (remix vite:build) when build/ is missing or older than a
//      source, for the test commands that run the production build by themselves
//      (`npm run test:integration`, `npm run test:e2e`; `npm test` builds in a stage of its own)
//   --quiet: the output of prisma generate and the build (banners, Rollup's warnings about
//      comments in dependencies and empty chunks — nothing a newcomer can act on) is shown only
//      if the step fails; `npm run demo` uses it
// Dependency-free (node: built-ins only) and fast (< 1 s) when everything is in place.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => a !== "--browsers" && a !== "--build" && a !== "--quiet");
if (unknown.length > 0) {
  fail(`unknown argument ${unknown.join(" ")} (usage: node scripts/setup.mjs [--browsers] [--build] [--quiet])`);
}

const isWindows = process.platform === "win32";
const npmBin = isWindows ? "npm.cmd" : "npm";
const npxBin = isWindows ? "npx.cmd" : "npx";

function log(line) {
  console.log(`setup: ${line}`);
}

function fail(line) {
  console.error(`setup: ${line}`);
  process.exit(1);
}

function sha256(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\0");
  }
  return hash.digest("hex");
}

function readText(path) {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return null;
  }
}

const quiet = args.has("--quiet");

/** Runs a command; `quiet` keeps its output and shows it only if the command fails. */
function run(cmd, cmdArgs, { env, quiet: hush = false } = {}) {
  const result = spawnSync(cmd, cmdArgs, {
    stdio: hush ? ["ignore", "pipe", "pipe"] : "inherit",
    env: env ? { ...process.env, ...env } : process.env,
    shell: isWindows,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) fail(`\`${cmd} ${cmdArgs.join(" ")}\` could not start: ${result.error.message}`);
  if (result.status !== 0) {
    if (hush) {
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
    }
    fail(`\`${cmd} ${cmdArgs.join(" ")}\` failed (exit ${result.status ?? result.signal})`);
  }
}

function which(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

// ---------------------------------------------------------------- 1. npm packages
function ensurePackages() {
  const lockFile = "package-lock.json";
  const hiddenLock = join("node_modules", ".package-lock.json");
  const stampFile = join("node_modules", ".setup-stamp");
  const hasLock = existsSync(lockFile);
  // The lockfile and the patches that npm ci's postinstall applies (patches/, decision 0020):
  // a changed patch is applied by the next npm ci.
  const patchFiles = () => (existsSync("patches") ? readdirSync("patches").filter((f) => f.endsWith(".patch")).sort() : []);
  const currentHash = () =>
    sha256(readFileSync(existsSync(lockFile) ? lockFile : "package.json"), ...patchFiles().flatMap((f) => [f, readFileSync(join("patches", f))]));

  let reason = null;
  if (!existsSync("node_modules")) reason = "node_modules is missing";
  else if (!existsSync(hiddenLock)) reason = "node_modules is incomplete";
  else {
    const stamp = readText(stampFile);
    if (stamp === null) {
      // No stamp yet (installed by hand / before this script existed). Adopt the
      // existing install if npm finished it after the lockfile was last written.
      if (hasLock && statSync(hiddenLock).mtimeMs >= statSync(lockFile).mtimeMs) {
        writeFileSync(stampFile, `${currentHash()}\n`);
      } else {
        reason = "package-lock.json changed";
      }
    } else if (stamp !== currentHash()) {
      reason = "package-lock.json changed";
    }
  }
  if (reason === null) return false;

  if (hasLock) {
    log(`${reason} — running npm ci`);
    run(npmBin, ["ci"]);
  } else {
    log(`${reason} and there is no package-lock.json — running npm install`);
    run(npmBin, ["install"]);
  }
  writeFileSync(stampFile, `${currentHash()}\n`);
  return true;
}

// ---------------------------------------------------------------- 2. Prisma clients
function ensurePrismaClients() {
  const schemas = ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"];
  const outputs = ["app/generated/sqlite", "app/generated/postgresql"];
  const stampFile = join("app", "generated", ".setup-stamp");

  for (const schema of schemas) {
    if (!existsSync(schema)) fail(`Prisma schema ${schema} is missing — cannot generate the Prisma clients`);
  }
  // The stamp covers both schemas and the installed Prisma version.
  const prismaVersion = (() => {
    try {
      return JSON.parse(readFileSync("node_modules/prisma/package.json", "utf8")).version;
    } catch {
      return "unknown";
    }
  })();
  const hash = sha256(...schemas.map((s) => readFileSync(s)), prismaVersion);

  const missing = outputs.filter((o) => !existsSync(o));
  let reason = null;
  if (missing.length > 0) reason = `${missing.join(" and ")} missing`;
  else if (readText(stampFile) !== hash) reason = "Prisma schema changed";
  if (reason === null) return false;

  log(`${reason} — running prisma generate`);
  for (const schema of schemas) {
    run(npxBin, ["--no", "prisma", "generate", "--schema", schema], { quiet });
  }
  for (const output of outputs) {
    if (!existsSync(output)) fail(`prisma generate did not create ${output} — check the generator output in the schemas`);
  }
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${hash}\n`);
  return true;
}

// ---------------------------------------------------------------- 3. browsers
function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const LOCK_PATTERN = /Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock directory/i;

// Runs apt-get, retrying for up to 5 minutes while another apt/dpkg holds the lock.
function aptGet(aptArgs) {
  const deadline = Date.now() + 5 * 60 * 1000;
  let announced = false;
  for (;;) {
    const result = spawnSync("apt-get", aptArgs, {
      encoding: "utf8",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) fail(`\`apt-get ${aptArgs.join(" ")}\` could not start: ${result.error.message}`);
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    if (result.status === 0) {
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      return;
    }
    if (LOCK_PATTERN.test(output) && Date.now() < deadline) {
      if (!announced) log("apt is busy (dpkg lock held) — waiting up to 5 minutes");
      announced = true;
      sleepMs(5000);
      continue;
    }
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    fail(`\`apt-get ${aptArgs.join(" ")}\` failed (exit ${result.status ?? result.signal})`);
  }
}

function hasJapaneseFonts() {
  if (existsSync("/usr/share/fonts/opentype/noto")) return true;
  if (!which("fc-list")) return false;
  const result = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim().length > 0;
}

function ensureBrowsers() {
  const envChromium = process.env.CHROMIUM_PATH;
  let chromiumOk;
  if (envChromium && existsSync(envChromium)) {
    chromiumOk = true;
  } else {
    if (envChromium) log(`CHROMIUM_PATH=${envChromium} does not exist — falling back to /usr/bin/chromium`);
    chromiumOk = existsSync("/usr/bin/chromium");
  }
  const fontsOk = hasJapaneseFonts();
  if (chromiumOk && fontsOk) return false;

  const packages = [...(chromiumOk ? [] : ["chromium"]), ...(fontsOk ? [] : ["fonts-noto-cjk"])];
  const what = [...(chromiumOk ? [] : ["Chromium"]), ...(fontsOk ? [] : ["Japanese fonts"])].join(" and ");
  const verb = packages.length > 1 ? "are" : "is";

  if (process.getuid?.() !== 0 || !which("apt-get")) {
    fail(`${what} ${verb} missing — install it with: sudo apt-get install chromium fonts-noto-cjk`);
  }

  log(`${what} ${verb} missing — installing ${packages.join(" ")} with apt-get`);
  aptGet(["update", "-qq"]);
  aptGet(["install", "-y", "-qq", ...packages]);

  if (!chromiumOk && !existsSync("/usr/bin/chromium")) fail("apt-get finished but /usr/bin/chromium is still missing");
  if (!fontsOk && !hasJapaneseFonts()) fail("apt-get finished but no Japanese fonts were found (fc-list :lang=ja)");
  return true;
}

// ---------------------------------------------------------------- 4. production build
/** The newest modification time of a file under `path` (a file or a directory), 0 if absent. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function ensureBuild() {
  const output = join("build", "server", "index.js");
  // What the build is made from: the app (with the generated clients), its static files, the
  // Vite config and the installed packages (the lockfile and the patches applied to them).
  const sources = ["app", "public", "vite.config.ts", "package-lock.json", "patches"];
  let reason = null;
  if (!existsSync(output)) reason = "build/ is missing";
  else if (Math.max(...sources.map(newestMtime)) > statSync(output).mtimeMs) reason = "build/ is older than the sources";
  if (reason === null) return false;
  log(`${reason} — running remix vite:build${quiet ? " (about a minute)" : ""}`);
  run(npxBin, ["--no", "remix", "vite:build"], { quiet });
  if (!existsSync(output)) fail(`remix vite:build did not create ${output}`);
  return true;
}

// ---------------------------------------------------------------- main
ensurePackages();
ensurePrismaClients();
if (args.has("--browsers")) ensureBrowsers();
if (args.has("--build")) ensureBuild();
