/**
 * Structured logs: one JSON line per request and per event. Nothing personal goes in:
 * no query strings, no bodies, no cookies, no addresses, and token-like path segments are
 * replaced before a path is written (see redactPath).
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

let sink: (line: string) => void = (line) => process.stdout.write(line + "\n");

/** Tests capture lines through this. */
export function setLogSink(next: (line: string) => void) {
  sink = next;
}

function threshold(): number {
  const level = (process.env.LOG_LEVEL ?? "info") as keyof typeof ORDER;
  return ORDER[level] ?? ORDER.info;
}

const EMAIL = /[^\s@/]+@[^\s@/]+\.[^\s@/]+/g;

/** Scrubs strings that might hold personal data (addresses) before they are logged. */
export function scrub(value: unknown): unknown {
  if (typeof value === "string") return value.replace(EMAIL, "[email]");
  if (value instanceof Error) return scrub(value.message);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  }
  return value;
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}) {
  if (ORDER[level] < threshold()) return;
  sink(JSON.stringify({ ...(scrub(fields) as object), time: new Date().toISOString(), level, event }));
}

/**
 * Paths can carry secrets (a reset link's token) or personal data (an address in a
 * verification URL). Segments that look like tokens, ids of 20+ characters, or addresses
 * are replaced; query strings are never logged at all.
 */
export function redactPath(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return ":redacted";
      }
      if (decoded.includes("@")) return ":redacted";
      if (/^[A-Za-z0-9_.~+=-]{20,}$/.test(decoded)) return ":redacted";
      if (decoded.length > 64) return ":redacted";
      return segment;
    })
    .join("/");
}
