/**
 * The bare Remix control (bench/remix-control: one route, a page of about the size of
 * /accessibility, Express and Remix's request handler only), built into a scratch folder and
 * started: the framework's own ceiling on this machine, for the benchmarks that compare a
 * portal page with it (bench:pages, bench:consultations).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, startNodeServer, type RunningServer } from "./servers.ts";

const CONTROL = path.join(ROOT, "bench/remix-control");

/** `remix vite:build` in `cwd`, quietly unless it fails. */
export function remixBuild(cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`remix vite:build in ${cwd} failed:\n${result.stdout}\n${result.stderr}`);
}

/** A build folder outside the project resolves packages through this link to its node_modules. */
export function linkNodeModules(dir: string) {
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
}

/** Builds the control into `dir`/control/build and returns that folder. */
export function buildControl(dir: string): string {
  const controlBuild = path.join(dir, "control/build");
  fs.mkdirSync(path.dirname(controlBuild));
  linkNodeModules(path.dirname(controlBuild));
  remixBuild(CONTROL, { BENCH_CONTROL_BUILD: controlBuild });
  return controlBuild;
}

/** The control's server on a build made by buildControl; its page is "/". */
export function startControl(controlBuild: string): Promise<RunningServer> {
  return startNodeServer(path.join(CONTROL, "server.ts"), { env: () => ({ BENCH_CONTROL_BUILD: controlBuild }) });
}
