/** Servers for the benchmarks: a free port, and a Node server started and stopped. */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

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
 * ready once `ready` answers 200.
 */
export async function startNodeServer(
  script: string,
  { cwd = ROOT, env = () => ({}), ready = "/" }: { cwd?: string; env?: (port: number) => Record<string, string>; ready?: string },
): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script], {
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
