/**
 * The control for bench:directory: `npm run bench:control`. A trivial Node HTTP server — no
 * Express, no Remix, no database — with two pages that only burn CPU and send a body:
 *   /light  2.5 ms of work, 9 KB (about the bare page of the app),
 *   /heavy  4 ms of work, 20 KB (about the directory with a search),
 * measured with the same wrk settings and rounds as the directory (BENCH_CONNECTIONS etc.).
 * With work in a ratio of 1.6, a fair measure gives ratios near 0.6 and 1.6. Run it with
 * BENCH_CONNECTIONS=50 to see wrk and Node starve connections: the p95 then measures the
 * starvation rather than the pages (decision record 0012).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./servers.ts";
import { hasWrk, measureInRounds, writeWrkScript } from "./wrk.ts";

const SERVER = `
const http = require("node:http");
const pages = { "/light": [2.5, "x".repeat(9000)], "/heavy": [4, "x".repeat(20000)] };
http.createServer((req, res) => {
  const page = pages[req.url];
  if (!page) { res.statusCode = 404; res.end(); return; }
  // One event-loop turn first, as a real handler that awaits something.
  setImmediate(() => {
    const started = performance.now();
    while (performance.now() - started < page[0]);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(page[1]);
  });
}).listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\\n"));
`;

async function main() {
  if (!hasWrk()) {
    console.error("bench:control needs wrk (HTTP load generator). Install it: apt-get install -y wrk (Debian/Ubuntu) or brew install wrk.");
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-control-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", SERVER], { env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => (String(chunk).includes("ready") ? resolve() : undefined));
      child.on("exit", (code) => reject(new Error(`the control server exited (code ${code})`)));
    });
    console.log(`bench:control — a trivial Node HTTP server on port ${port}`);
    const rounds = await measureInRounds(
      `http://127.0.0.1:${port}`,
      [
        { label: "light (2.5 ms, 9 KB)", path: "/light", pid: child.pid },
        { label: "heavy (4 ms, 20 KB)", path: "/heavy", pid: child.pid },
      ],
      writeWrkScript(dir),
    );
    if (rounds.flat().some((r) => r.errors || r.non2xx)) process.exitCode = 1;
  } finally {
    child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
