/**
 * A load of Node clients for what wrk cannot check answer by answer: CLIENTS loops (default
 * BENCH_CONNECTIONS, 20), each on its own keep-alive connection, send one request after another
 * until the time is up, and every request that was sent is waited for, so that each answer is
 * counted (a form post's effect can then be compared with the answers). Results in the shape
 * of wrk's (bench/wrk.ts), with the server's CPU time per request when its process is known.
 */
import http from "node:http";
import { CONNECTIONS, cpuSeconds, type Result } from "./wrk.ts";

export const CLIENTS = Number(CONNECTIONS);

export type Outgoing = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
export type Answer = { status: number; body: string };

/** wrk's duration syntax: "10s", "2m", "500ms", or a plain number of seconds. */
export function durationSeconds(duration: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(duration.trim());
  if (!m) throw new Error(`not a duration: ${duration}`);
  const n = Number(m[1]);
  return m[2] === "ms" ? n / 1000 : m[2] === "m" ? n * 60 : m[2] === "h" ? n * 3600 : n;
}

function send(agent: http.Agent, base: URL, out: Outgoing): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: base.hostname, port: base.port, method: out.method, path: out.path, headers: { ...out.headers, ...(out.body !== undefined ? { "Content-Length": Buffer.byteLength(out.body) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(out.body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))];
}

/**
 * `clients` loops send `next(client)`'s request for `duration`, then wait for what is in flight;
 * `answered` sees every answer. Connection errors count as errors, answers of 400 and above as
 * non-2xx (as wrk counts them).
 */
export async function runClients(
  base: string,
  { label, path, pid, duration, clients = CLIENTS, next, answered }: { label: string; path: string; pid?: number; duration: string; clients?: number; next: (client: number) => Outgoing; answered?: (answer: Answer, client: number) => void },
): Promise<Result> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const until = started + durationSeconds(duration) * 1000;
  const loop = async (client: number) => {
    while (performance.now() < until) {
      const sent = performance.now();
      try {
        const answer = await send(agent, url, next(client));
        latencies.push(performance.now() - sent);
        if (answer.status >= 400) non2xx++;
        answered?.(answer, client);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, k) => loop(k)));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(pid);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined && requests > 0 ? ((cpuAfter - cpuBefore) * 1000) / requests : undefined;
  return { label, path, pid, rps: requests / seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), errors, non2xx, cpuMs };
}
