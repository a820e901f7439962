/** Servers for the benchmarks: a free port, a Node server started and stopped, and what a run needs first. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { hasWrk } from "./wrk.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");

let nextPort = Number(process.env.BENCH_PORT) || 0;

/** A port nobody listens on now: the next from BENCH_PORT on when it is set, else any. */
export async function freePort(): Promise<number> {
  if (nextPort) return nextPort++;
  return new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningServer = { port: number; pid: number; stop(): Promise<void> };

/**
 * A Node server (`node --import tsx SCRIPT`, as `npm start` runs the portal) on a free port,
 * ready once `ready` answers 200; `nodeArgs` go to node before the script (--cpu-prof).
 */
export async function startNodeServer(
  script: string,
  { cwd = ROOT, env = () => ({}), ready = "/", nodeArgs = [] }: { cwd?: string; env?: (port: number) => Record<string, string>; ready?: string; nodeArgs?: string[] },
): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, NODE_ENV: "production", PORT: String(port), ...env(port) },
  });
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited during start-up (code ${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${ready}`)).ok) return { port, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${script} did not answer ${ready} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * What a benchmark of the portal needs before it starts: wrk and the production build (else it
 * exits with status 2 saying so), a scratch folder, and the database (BENCH_DB keeps it).
 */
export function prepare(command: string): { dir: string; url: string; kept: string | null } {
  if (!hasWrk()) {
    console.error(`${command} needs wrk (HTTP load generator). Install it: apt-get install -y wrk (Debian/Ubuntu) or brew install wrk.`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
    console.error(`${command} needs the production build: npm run build (npm run ${command} does it first).`);
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${command.replace(":", "-")}-`));
  const kept = process.env.BENCH_DB ? path.resolve(process.env.BENCH_DB) : null;
  return { dir, kept, url: `file:${kept ?? path.join(dir, "bench.db")}` };
}
