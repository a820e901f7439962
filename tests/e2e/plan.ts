/**
 * Where the e2e servers listen: one per Playwright worker and project (sqlite, postgresql), on
 * E2E_PORT and the ports after it — sqlite on E2E_PORT … +workers−1, postgresql on the next
 * ones — so two runs on one machine with different E2E_PORTs never meet.
 */
import os from "node:os";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
/** Two workers by default: the machines here have two cores (E2E_WORKERS overrides). */
export const E2E_WORKERS = Number(process.env.E2E_WORKERS ?? 2);
export const E2E_PROJECTS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof E2E_PROJECTS)[number];

export function e2ePort(project: Provider, parallelIndex: number): number {
  return E2E_PORT + E2E_PROJECTS.indexOf(project) * E2E_WORKERS + parallelIndex;
}

/** A scratch file of one server (the TOTP steps it has seen), in the temporary directory. */
export function e2eScratchFileOf(port: number | string, name: string): string {
  return path.join(os.tmpdir(), `portal-e2e-${name}-${port}.json`);
}
