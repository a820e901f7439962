/**
 * Real server processes for integration tests: `node --import tsx server/index.ts` with the
 * production build (build/), as `npm start` would run it, on a free port.
 *
 *   const server = await startServer({ databaseUrl: db.url });
 *   const res = await request(server, "/healthz");
 *   await server.stop();
 *
 * The child gets a clean environment (only PATH/HOME/TMPDIR/LANG/TZ from ours), so a variable
 * set in the test runner (NODE_ENV=test, SMTP_URL, NODE_OPTIONS…) cannot leak into it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { ROOT } from "./templates.ts";

export type ServerProcess = {
  url: string;
  port: number;
  /** stdout, one entry per line (the JSON log). */
  logs: string[];
  /** stderr, one entry per line. */
  stderr: string[];
  child: ChildProcess;
  stop(): Promise<void>;
  /** Resolves with the first log line (parsed) that matches, waiting up to timeoutMs. */
  waitForLog(match: (entry: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
};

export type StartOptions = {
  databaseUrl: string;
  /** Extra or overriding variables; a value of undefined removes a default. */
  env?: Record<string, string | undefined>;
  /** "healthy" (default): wait for GET /healthz → 200. "listening": any HTTP answer will do. */
  readyWhen?: "healthy" | "listening";
  timeoutMs?: number;
  /** A port of the caller's choice (the e2e servers keep to E2E_PORT and the next ones); default: a free one. */
  port?: number;
  /** The script to run: the server entry itself (default), or `npm start`'s scripts/start.ts. */
  entry?: string;
};

const INHERITED = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"] as const;

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of INHERITED) if (process.env[key]) env[key] = process.env[key]!;
  return env;
}

function lineCollector(target: string[]) {
  let rest = "";
  return {
    push(chunk: Buffer) {
      rest += chunk.toString("utf8");
      const parts = rest.split("\n");
      rest = parts.pop() ?? "";
      for (const line of parts) if (line !== "") target.push(line);
    },
    flush() {
      if (rest !== "") target.push(rest);
      rest = "";
    },
  };
}

type Spawned = { child: ChildProcess; stdout: string[]; stderr: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/** Spawns the server entry point with exactly `env` (plus PATH etc.). */
export function spawnServer(env: Record<string, string | undefined>, entry = "server/index.ts"): Spawned {
  const merged: Record<string, string> = baseEnv();
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: merged as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = lineCollector(stdout);
  const err = lineCollector(stderr);
  child.stdout!.on("data", out.push);
  child.stderr!.on("data", err.push);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (code, signal) => {
      out.flush();
      err.flush();
      resolve({ code, signal });
    });
  });
  return { child, stdout, stderr, exited };
}

/** Runs the server expecting it to exit by itself (bad configuration); kills it after timeoutMs. */
export async function runServerUntilExit(env: Record<string, string | undefined>, timeoutMs = 20_000) {
  const spawned = spawnServer(env);
  const timer = setTimeout(() => spawned.child.kill("SIGKILL"), timeoutMs);
  const { code, signal } = await spawned.exited;
  clearTimeout(timer);
  return { code, signal, stdout: spawned.stdout, stderr: spawned.stderr };
}

export async function startServer({ databaseUrl, env = {}, readyWhen = "healthy", timeoutMs = 30_000, port: chosenPort, entry }: StartOptions): Promise<ServerProcess> {
  const port = chosenPort ?? (await freePort());
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-server-uploads-"));
  const spawned = spawnServer({
    NODE_ENV: "production",
    MAIL_OUTBOX_ONLY: "1",
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "info",
    SCHEDULER: "off",
    UPLOAD_DIR: uploadDir,
    ...env,
  }, entry);
  const { child, stdout, stderr, exited } = spawned;
  let hasExited = false;
  // A test process that ends without stopping its server (a crash, a killed worker) takes it along.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  void exited.then(() => {
    hasExited = true;
    process.off("exit", killOnExit);
  });

  const url = `http://localhost:${port}`;
  const server: ServerProcess = {
    url,
    port,
    logs: stdout,
    stderr,
    child,
    async stop() {
      if (!hasExited) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 8_000);
        await exited;
        clearTimeout(killer);
      }
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
    async waitForLog(match, waitMs = 5_000) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        for (const line of stdout) {
          try {
            const entry = JSON.parse(line) as Record<string, unknown>;
            if (match(entry)) return entry;
          } catch {
            // not JSON: another test says so
          }
        }
        if (Date.now() > deadline) throw new Error(`no matching log line within ${waitMs} ms; got:\n${stdout.join("\n")}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited) {
      const { code, signal } = await exited;
      throw new Error(`server exited during start-up (code ${code}, signal ${signal})\nstdout:\n${stdout.join("\n")}\nstderr:\n${stderr.join("\n")}`);
    }
    try {
      const res = await request(server, "/healthz", { timeoutMs: 2_000 });
      if (readyWhen === "listening" || res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server not ready within ${timeoutMs} ms\nstdout:\n${stdout.join("\n")}\nstderr:\n${stderr.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export type HttpResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent (possibly compressed). */
  raw: Buffer;
  /** The body decoded (gunzipped when Content-Encoding says so) as UTF-8. */
  text: string;
};

export type RequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  /** A form: sent as application/x-www-form-urlencoded. */
  form?: Record<string, string> | [string, string][];
  /** Sent as it is: a string as UTF-8, a Buffer byte for byte (a multipart body with a file). */
  body?: string | Buffer;
  timeoutMs?: number;
};

/**
 * One HTTP request with node:http, so nothing is added behind our back (no Origin, no
 * Accept-Encoding, no redirect following, no decompression we did not ask for).
 * "localhost" is dialled as 127.0.0.1 so that every request has the same client address.
 */
export function request(server: { url: string } | string, pathname: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const base = new URL(typeof server === "string" ? server : server.url);
  const target = new URL(pathname, base);
  const headers: Record<string, string> = { Host: base.host, ...options.headers };
  let body: Buffer | undefined;
  if (options.form) {
    body = Buffer.from(new URLSearchParams(options.form as Record<string, string>).toString());
    headers["Content-Type"] ??= "application/x-www-form-urlencoded";
  } else if (options.body !== undefined) {
    body = typeof options.body === "string" ? Buffer.from(options.body) : options.body;
  }
  if (body) headers["Content-Length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname === "localhost" ? "127.0.0.1" : target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? (body ? "POST" : "GET"),
        headers,
        agent: false,
        timeout: options.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const decoded = encoding === "gzip" ? zlib.gunzipSync(raw) : encoding === "deflate" ? zlib.inflateSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text: decoded.toString("utf8") });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`request to ${target.href} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** A POST from the portal's own pages: Origin equal to PUBLIC_URL. */
export function postForm(server: ServerProcess, pathname: string, form: Record<string, string> | [string, string][], headers: Record<string, string> = {}) {
  return request(server, pathname, { method: "POST", form, headers: { Origin: server.url, ...headers } });
}
