/**
 * The arithmetic of the rate limits as pure functions, at the instants that matter: where a
 * window starts (a 900-second window on the quarter hour), how many seconds Retry-After says,
 * whether the limit's own attempt is allowed, and the 429 response. The counting itself, on a
 * real database, is tests/integration/rate-limit.test.ts.
 */
import { describe, expect, it, vi } from "vitest";

// The module reaches the database only inside functions not called here.
vi.mock("../../app/platform/db.server.ts", () => ({ db: {} }));

const { clientAddress, counterId, expiryCutoff, longestRetryAfter, PUBLIC_FORM_RULE, retryAfterSeconds, tooManyRequests, windowStart, withinLimit } = await import(
  "../../app/platform/rate-limit.server.ts"
);

const utc = (iso: string) => new Date(`${iso}Z`);
const QUARTER = 900;

describe("windowStart", () => {
  it("puts a 900-second window on the quarter hour, in UTC and so in Japan too", () => {
    expect(windowStart(QUARTER, utc("2026-12-02T10:15:00.000"))).toEqual(utc("2026-12-02T10:15:00.000"));
    expect(windowStart(QUARTER, utc("2026-12-02T10:15:00.001"))).toEqual(utc("2026-12-02T10:15:00.000"));
    expect(windowStart(QUARTER, utc("2026-12-02T10:29:59.999"))).toEqual(utc("2026-12-02T10:15:00.000"));
    expect(windowStart(QUARTER, utc("2026-12-02T10:30:00.000"))).toEqual(utc("2026-12-02T10:30:00.000"));
    expect(windowStart(QUARTER, utc("2026-12-02T10:14:59.999"))).toEqual(utc("2026-12-02T10:00:00.000"));
    // 19:44 in Japan is in the window that started at 19:30 there.
    expect(windowStart(QUARTER, new Date("2026-12-02T19:44:00+09:00"))).toEqual(new Date("2026-12-02T19:30:00+09:00"));
  });

  it("counts other sizes from the epoch too", () => {
    expect(windowStart(600, utc("2026-02-02T02:49:59.999"))).toEqual(utc("2026-02-02T02:40:00.000"));
    expect(windowStart(3600, utc("2026-02-02T02:49:59.999"))).toEqual(utc("2026-02-02T02:00:00.000"));
    expect(windowStart(24 * 3600, utc("2026-02-02T23:59:59.999"))).toEqual(utc("2026-02-02T00:00:00.000"));
    expect(windowStart(QUARTER, new Date(0))).toEqual(new Date(0));
    expect(windowStart(QUARTER, new Date(899_999))).toEqual(new Date(0));
    expect(windowStart(QUARTER, new Date(900_000))).toEqual(new Date(900_000));
  });
});

describe("retryAfterSeconds", () => {
  it("is the whole window exactly at its start", () => {
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:15:00.000"))).toBe(900);
    expect(retryAfterSeconds(600, utc("2026-02-02T02:40:00.000"))).toBe(600);
  });

  it("rounds up: one millisecond in, the window's seconds are still all to wait", () => {
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:15:00.001"))).toBe(900);
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:15:00.999"))).toBe(900);
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:15:01.000"))).toBe(899);
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:22:30.000"))).toBe(450);
  });

  it("is 1 in the window's last second, down to 1 ms before its end", () => {
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:29:59.000"))).toBe(1);
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:29:59.999"))).toBe(1);
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:29:58.999"))).toBe(2);
    // At the end the next window has begun: all of it again.
    expect(retryAfterSeconds(QUARTER, utc("2026-12-02T10:30:00.000"))).toBe(900);
  });
});

describe("withinLimit", () => {
  const rule = { bucket: "login", limit: 10, windowSeconds: QUARTER };

  it("allows the limit's own attempt and refuses the next", () => {
    expect(withinLimit(rule, 1)).toBe(true);
    expect(withinLimit(rule, 9)).toBe(true);
    expect(withinLimit(rule, 10)).toBe(true);
    expect(withinLimit(rule, 11)).toBe(false);
    expect(withinLimit(rule, 100)).toBe(false);
  });

  it("with a limit of 0 nothing is allowed", () => {
    expect(withinLimit({ ...rule, limit: 0 }, 1)).toBe(false);
    expect(withinLimit({ ...rule, limit: 0 }, 0)).toBe(true);
  });

  it("the public forms allow 10 posts per 10 minutes", () => {
    expect(PUBLIC_FORM_RULE).toEqual({ bucket: "public-form", limit: 10, windowSeconds: 600 });
  });
});

describe("counterId, longestRetryAfter, expiryCutoff", () => {
  it("names the row by bucket, key and the window's start in milliseconds", () => {
    const rule = { bucket: "login-address", limit: 10, windowSeconds: QUARTER };
    expect(counterId(rule, "a@example.jp", utc("2026-12-02T10:15:00.000"))).toBe(`login-address:a@example.jp:${Date.UTC(2026, 11, 2, 10, 15)}`);
    expect(counterId(rule, "a@example.jp", new Date(0))).toBe("login-address:a@example.jp:0");
  });

  it("a try refused by several limits waits for the one that ends last", () => {
    expect(longestRetryAfter([{ retryAfterSeconds: 30 }, { retryAfterSeconds: 850 }, { retryAfterSeconds: 1 }])).toBe(850);
    expect(longestRetryAfter([{ retryAfterSeconds: 7 }])).toBe(7);
  });

  it("deletes counters whose window started more than the given seconds ago", () => {
    expect(expiryCutoff(utc("2026-12-02T10:15:00.000"), 24 * 3600)).toEqual(utc("2026-12-01T10:15:00.000"));
    expect(expiryCutoff(utc("2026-12-02T10:15:00.000"), 1)).toEqual(utc("2026-12-02T10:14:59.000"));
    expect(expiryCutoff(utc("2026-12-02T10:15:00.000"), 0)).toEqual(utc("2026-12-02T10:15:00.000"));
  });
});

describe("tooManyRequests and clientAddress", () => {
  it("answers 429 with Retry-After in seconds and the same number in the body", async () => {
    const res = tooManyRequests(437);
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("437");
    expect(res.headers.get("Content-Type")).toBe("application/json");
    expect(await res.json()).toEqual({ retryAfterSeconds: 437 });
  });

  it("takes the address Express determined, or says unknown", () => {
    expect(clientAddress({ clientAddress: "203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddress({ clientAddress: "" })).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
