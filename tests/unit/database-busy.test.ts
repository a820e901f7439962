/**
 * Which database errors answer 503 (isDatabaseBusy, decision record 0024), the settings of
 * several servers on one database, and the PostgreSQL session timeouts. The error shapes are
 * those @prisma/adapter-pg, @prisma/adapter-better-sqlite3 and the Prisma client throw (seen in
 * tests/integration/two-servers-suite.ts with a real held lock).
 */
import { describe, expect, it } from "vitest";
import { isDatabaseBusy } from "../../app/platform/database-busy.server.ts";
import { POSTGRES_TIMEOUT_DEFAULTS, postgresTimeouts, sqliteBusyTimeoutMs } from "../../app/platform/database-url.ts";
import { EnvError, parseEnv } from "../../app/platform/env.server.ts";

const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error(String(cause.message ?? "")), { name: "DriverAdapterError", cause });
const knownRequest = (code: string, meta?: Record<string, unknown>) => Object.assign(new Error("Invalid invocation"), { code, meta });
const postgres = (code: string) => ({ kind: "postgres", code, originalCode: code, message: "…", severity: "ERROR" });

describe("isDatabaseBusy", () => {
  it("is true for a lock timeout, deadlock, serialisation failure, cancelled statement or idle session ended on PostgreSQL", () => {
    for (const code of ["55P03", "40P01", "40001", "57014", "25P03"]) {
      expect(isDatabaseBusy(adapterError(postgres(code))), code).toBe(true);
      // The same inside a raw query's P2010.
      expect(isDatabaseBusy(knownRequest("P2010", { driverAdapterError: { name: "DriverAdapterError", cause: postgres(code) } })), `P2010 ${code}`).toBe(true);
    }
  });

  it("is true for SQLite busy and for Prisma's expired transaction, write conflict and pool timeout", () => {
    expect(isDatabaseBusy(adapterError({ kind: "SocketTimeout", originalCode: "SQLITE_BUSY", message: "database is locked" }))).toBe(true);
    for (const code of ["P2028", "P2034", "P2024"]) expect(isDatabaseBusy(knownRequest(code)), code).toBe(true);
  });

  it("is false for mistakes a retry does not mend: constraint violations, syntax errors, anything else", () => {
    expect(isDatabaseBusy(adapterError(postgres("23505")))).toBe(false);
    expect(isDatabaseBusy(adapterError(postgres("42601")))).toBe(false);
    expect(isDatabaseBusy(adapterError({ kind: "UniqueConstraintViolation", originalCode: "SQLITE_CONSTRAINT_UNIQUE", message: "…" }))).toBe(false);
    expect(isDatabaseBusy(knownRequest("P2002"))).toBe(false);
    expect(isDatabaseBusy(new Error("boom"))).toBe(false);
    expect(isDatabaseBusy("55P03")).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(isDatabaseBusy(cyclic)).toBe(false);
  });
});

describe("several servers' settings", () => {
  it("migrates on start unless MIGRATE_ON_START is off", () => {
    expect(parseEnv({}).MIGRATE_ON_START).toBe(true);
    expect(parseEnv({ MIGRATE_ON_START: "0" }).MIGRATE_ON_START).toBe(false);
    expect(parseEnv({ MIGRATE_ON_START: "off" }).MIGRATE_ON_START).toBe(false);
    expect(() => parseEnv({ MIGRATE_ON_START: "sometimes" })).toThrow(EnvError);
  });

  it("sets lock_timeout 3 s and idle_in_transaction_session_timeout 10 s by default, in whole milliseconds, 0 for none", () => {
    expect(postgresTimeouts({})).toEqual({ lockTimeoutMs: 3_000, idleInTransactionTimeoutMs: 10_000 });
    expect(POSTGRES_TIMEOUT_DEFAULTS.lockTimeoutMs).toBeLessThan(5_000); // Prisma's interactive transaction limit
    expect(postgresTimeouts({ PG_LOCK_TIMEOUT_MS: "250", PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: "0" })).toEqual({ lockTimeoutMs: 250, idleInTransactionTimeoutMs: 0 });
    expect(() => postgresTimeouts({ PG_LOCK_TIMEOUT_MS: "3s" })).toThrow(/PG_LOCK_TIMEOUT_MS/);
    expect(() => parseEnv({ PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: "-1" })).toThrow(/PG_IDLE_IN_TRANSACTION_TIMEOUT_MS/);
  });

  it("waits 15 s for a SQLite lock by default, SQLITE_BUSY_TIMEOUT_MS in whole milliseconds", () => {
    expect(sqliteBusyTimeoutMs({})).toBe(15_000);
    expect(sqliteBusyTimeoutMs({ SQLITE_BUSY_TIMEOUT_MS: "2000" })).toBe(2_000);
    expect(() => sqliteBusyTimeoutMs({ SQLITE_BUSY_TIMEOUT_MS: "2s" })).toThrow(/SQLITE_BUSY_TIMEOUT_MS/);
    expect(() => parseEnv({ SQLITE_BUSY_TIMEOUT_MS: "-5" })).toThrow(/SQLITE_BUSY_TIMEOUT_MS/);
  });
});
