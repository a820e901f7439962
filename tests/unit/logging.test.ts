import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { log, redactPath, scrub, setLogSink } from "../../app/platform/logger.server.ts";

describe("redactPath", () => {
  it("hides a reset token", () => {
    const out = redactPath("/password/reset/AbCdEfGhIjKlMnOpQrStUv12");
    expect(out).toBe("/password/reset/:redacted");
    expect(out).not.toContain("AbCdEfGh");
  });

  it("hides an address, plain or percent-encoded", () => {
    expect(redactPath("/verify-email/x@y.jp")).toBe("/verify-email/:redacted");
    expect(redactPath("/verify-email/x%40y.jp")).toBe("/verify-email/:redacted");
  });

  it("leaves ordinary paths unchanged", () => {
    expect(redactPath("/districts")).toBe("/districts");
    expect(redactPath("/centers/12")).toBe("/centers/12");
    expect(redactPath("/")).toBe("/");
    expect(redactPath("/password/reset")).toBe("/password/reset");
  });

  it("keeps short segments and hides long or undecodable ones", () => {
    expect(redactPath("/a/1234567890123456789")).toBe("/a/1234567890123456789"); // 19 characters
    expect(redactPath("/a/12345678901234567890")).toBe("/a/:redacted"); // 20 characters
    expect(redactPath(`/a/${"行".repeat(65)}`)).toBe("/a/:redacted");
    expect(redactPath("/a/%E0%A4%A")).toBe("/a/:redacted");
  });

  it("redacts each secret segment of a path and keeps the rest", () => {
    expect(redactPath("/invite/AbCdEfGhIjKlMnOpQrStUv12/x@y.jp/accept")).toBe("/invite/:redacted/:redacted/accept");
  });
});

describe("scrub", () => {
  it("replaces addresses in strings", () => {
    expect(scrub("from taro@example.jp to hanako@city.annaka.lg.jp")).toBe("from [email] to [email]");
  });

  it("replaces addresses inside nested objects and arrays", () => {
    const out = scrub({ user: { email: "taro@example.jp", id: 7, tags: ["a", "b@c.jp"] }, ok: true, none: null });
    expect(out).toEqual({ user: { email: "[email]", id: 7, tags: ["a", "[email]"] }, ok: true, none: null });
  });

  it("turns an Error into its scrubbed message", () => {
    expect(scrub(new Error("no user taro@example.jp"))).toBe("no user [email]");
    expect(scrub({ cause: new TypeError("bad a@b.jp") })).toEqual({ cause: "bad [email]" });
  });

  it("does not change the input", () => {
    const input = { email: "taro@example.jp" };
    scrub(input);
    expect(input.email).toBe("taro@example.jp");
  });

  it("leaves numbers, booleans and undefined alone", () => {
    expect(scrub(42)).toBe(42);
    expect(scrub(false)).toBe(false);
    expect(scrub(undefined)).toBeUndefined();
    expect(scrub("no address here @ all")).toBe("no address here @ all");
  });
});

describe("log", () => {
  let lines: string[];

  beforeEach(() => {
    lines = [];
    setLogSink((line) => lines.push(line));
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    setLogSink(() => {});
  });

  it("writes exactly one JSON line per event", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    log("info", "request", { method: "GET", status: 200, path: "/districts" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: "info", event: "request", method: "GET", status: 200, path: "/districts" });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });

  it("keeps a field holding a newline on one line", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    log("warn", "odd", { note: "line one\nline two" });
    expect(lines).toHaveLength(1);
    expect(lines[0].split("\n")).toHaveLength(1);
    expect(JSON.parse(lines[0]).note).toBe("line one\nline two");
  });

  it("scrubs fields before writing", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    log("error", "mail.failed", { to: "taro@example.jp", error: new Error("rejected for taro@example.jp") });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("taro@example.jp");
    expect(JSON.parse(lines[0])).toMatchObject({ to: "[email]", error: "rejected for [email]" });
  });

  it("defaults to info when LOG_LEVEL is unset", () => {
    vi.stubEnv("LOG_LEVEL", undefined);
    log("debug", "hidden");
    log("info", "shown");
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(["shown"]);
  });

  it.each([
    ["debug", ["debug", "info", "warn", "error"]],
    ["info", ["info", "warn", "error"]],
    ["warn", ["warn", "error"]],
    ["error", ["error"]],
    ["silent", []],
  ] as const)("writes only what LOG_LEVEL=%s allows", (level, expected) => {
    vi.stubEnv("LOG_LEVEL", level);
    for (const l of ["debug", "info", "warn", "error"] as const) log(l, `e.${l}`);
    expect(lines.map((line) => JSON.parse(line).level)).toEqual(expected);
  });

  it("reads LOG_LEVEL at each call", () => {
    vi.stubEnv("LOG_LEVEL", "error");
    log("info", "first");
    vi.stubEnv("LOG_LEVEL", "debug");
    log("info", "second");
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(["second"]);
  });

  it("treats an unknown LOG_LEVEL as info", () => {
    vi.stubEnv("LOG_LEVEL", "loud");
    log("debug", "hidden");
    log("info", "shown");
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(["shown"]);
  });
});
