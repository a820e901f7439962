/**
 * The admin area on SQLite (the shared suite in admin-suite.ts), and the two commands that
 * guard accounts outside the browser: `npm run user:create` and `npm start`'s refusal to
 * serve a database with demo accounts. The commands run as real processes.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineAdminSuite, prepareDatabase, type PreparedDatabase } from "./admin-suite.ts";

const database: PreparedDatabase = await prepareDatabase("sqlite");
describe("admin area [sqlite]", () => defineAdminSuite(() => database));

const ROOT = path.resolve(import.meta.dirname, "../..");

type Run = { code: number | null; stdout: string[]; stderr: string[]; lines: string[] };

/** Runs a script as `tsx` does, with a clean environment plus `env`; kills it after timeoutMs. */
function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 100_000): Promise<Run> {
  const merged: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TMPDIR: os.tmpdir(), ...env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: ROOT,
      env: merged as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const split = (s: string) => s.split("\n").filter((l) => l.trim() !== "");
      resolve({ code, stdout: split(out), stderr: split(err), lines: [...split(out), ...split(err)] });
    });
  });
}

// Real processes (tsx start-up, prisma migrate deploy) are slow on a busy machine.
describe("npm run user:create", { timeout: 90_000 }, () => {
  let scratch: PreparedDatabase;
  let other: typeof import("./helpers/test-db.ts");
  let client: Awaited<ReturnType<typeof other.createTestDatabase>>;

  beforeAll(async () => {
    other = await import("./helpers/test-db.ts");
    client = await other.createTestDatabase("sqlite");
    scratch = { provider: "sqlite", url: client.url, drop: () => client.drop() };
  });

  afterAll(async () => {
    await scratch?.drop();
  });

  const create = (...args: string[]) => runScript("scripts/user-create.ts", args, { DATABASE_URL: scratch.url });

  it("creates a verified account with the role asked for, in one line, exit 0", async () => {
    const run = await create("--email", " First.Admin@City.Annaka.example.jp ", "--password", "kita-karuizawa-2026", "--name", "市民協働課 管理者", "--role", "admin");
    expect(run.code, run.lines.join("\n")).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.stdout[0]).toMatch(/^user:create: created admin account first\.admin@city\.annaka\.example\.jp \(id [0-9a-f-]{36}\)/);
    const user = await client.client.user.findUniqueOrThrow({ where: { email: "first.admin@city.annaka.example.jp" } });
    expect(user).toMatchObject({ role: "admin", displayName: "市民協働課 管理者", isDemo: false, active: true });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const { verifyPassword } = await import("../../app/auth/password.server.ts");
    expect(await verifyPassword(user.passwordHash, "kita-karuizawa-2026")).toBe(true);
  });

  it("accepts the addresses sign-up accepts (a..b@ from older mobile carriers)", async () => {
    const run = await create("--email", "a..b@docomo.ne.jp", "--password", "usui-toge-2026!", "--name", "区長", "--role", "resident");
    expect(run.code, run.lines.join("\n")).toBe(0);
  });

  it("refuses an address that already has an account (whatever its case), exit 1", async () => {
    const run = await create("--email", "FIRST.ADMIN@city.annaka.example.jp", "--password", "another-password-1", "--name", "x", "--role", "staff");
    expect(run.code).toBe(1);
    expect(run.lines).toEqual(["user:create: an account with the address first.admin@city.annaka.example.jp already exists"]);
  });

  it.each([
    [["--email", "x@example.jp", "--password", "short", "--name", "n", "--role", "staff"], /--password: .*10/],
    [["--email", "x@example.jp", "--password", "1234567890", "--name", "n", "--role", "staff"], /--password: /],
    [["--email", "not-an-address", "--password", "long-enough-pass", "--name", "n", "--role", "staff"], /--email: /],
    [["--email", "x@example.jp", "--password", "long-enough-pass", "--name", "   ", "--role", "staff"], /--name: /],
    [["--email", "x@example.jp", "--password", "long-enough-pass", "--name", "n", "--role", "superuser"], /--role must be resident, staff or admin/],
    [["--email", "x@example.jp", "--password", "long-enough-pass", "--role", "staff"], /missing --name/],
    [["--email", "x@example.jp", "--password", "long-enough-pass", "--name", "n", "--role", "staff", "--admin"], /Unknown option '--admin'/],
  ])("refuses %j with one clear line, exit 1", async (args, message) => {
    const run = await create(...args);
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/^user:create: /);
    expect(run.stderr[0]).toMatch(message);
    expect(await client.client.user.count({ where: { email: "x@example.jp" } })).toBe(0);
  });

  it("says so in one line when the database is not migrated", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-unmigrated-"));
    const run = await runScript("scripts/user-create.ts", ["--email", "x@example.jp", "--password", "long-enough-pass", "--name", "n", "--role", "admin"], {
      DATABASE_URL: `file:${path.join(dir, "empty.db")}`,
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/^user:create: could not write to the database .*npm run db:migrate$/);
  });
});

describe("npm start and demo accounts", { timeout: 120_000 }, () => {
  let helpers: typeof import("./helpers/test-db.ts");
  let serverHelpers: typeof import("./helpers/server-process.ts");

  beforeAll(async () => {
    helpers = await import("./helpers/test-db.ts");
    serverHelpers = await import("./helpers/server-process.ts");
  });

  async function startEnv(url: string) {
    const port = await serverHelpers.freePort();
    return {
      port,
      env: {
        DATABASE_URL: url,
        NODE_ENV: "production",
        MAIL_OUTBOX_ONLY: "1",
        PORT: String(port),
        PUBLIC_URL: `http://localhost:${port}`,
        SCHEDULER: "off",
        LOG_LEVEL: "warn",
        UPLOAD_DIR: path.join(os.tmpdir(), `portal-start-uploads-${port}`),
      },
    };
  }

  it("refuses to start, in one line with exit 1, while demo accounts exist", async () => {
    const db = await helpers.createTestDatabase("sqlite");
    try {
      const { DEMO_ACCOUNTS, seedDemoAccounts } = await import("../../prisma/seed.ts");
      await seedDemoAccounts(db.client);
      // The six of the README's table (admin, staff, resident, applicant, two district representatives).
      expect(DEMO_ACCOUNTS).toHaveLength(6);
      expect(await db.client.user.count({ where: { isDemo: true } })).toBe(6);
      // start.ts migrates first; an open connection here would make that wait on SQLite's lock.
      await db.client.$disconnect();
      const { env } = await startEnv(db.url);
      const run = await runScript("scripts/start.ts", [], env);
      expect(run.code, run.lines.join("\n")).toBe(1);
      // Above it, prisma migrate deploy says what it applied; the refusal itself is one line, the last.
      const own = run.lines.filter((l) => l.startsWith("start:"));
      expect(own, run.lines.join("\n")).toHaveLength(1);
      expect(run.stderr.at(-1)).toBe(own[0]);
      expect(own[0]).toMatch(/^start: refusing to start: this database holds 6 demo account\(s\) made by `npm run demo`/);
    } finally {
      await db.drop();
    }
  });

  it("starts on the same kind of database once no demo account is left", async () => {
    const db = await helpers.createTestDatabase("sqlite");
    await db.client.$disconnect();
    const { env, port } = await startEnv(db.url);
    const merged: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: ROOT,
      env: merged as NodeJS.ProcessEnv,
      stdio: "ignore",
    });
    try {
      let status = 0;
      for (let i = 0; i < 300 && status !== 200 && child.exitCode === null; i++) {
        await new Promise((r) => setTimeout(r, 300));
        status = await fetch(`http://localhost:${port}/healthz`).then((r) => r.status, () => 0);
      }
      expect(status).toBe(200);
      expect(child.exitCode).toBeNull();
    } finally {
      const exited = new Promise((r) => child.once("close", r));
      child.kill("SIGTERM");
      await exited;
      await db.drop();
    }
  });
});
