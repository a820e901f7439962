/**
 * How large a request body may be. The server (server/body-limit.ts) enforces it for every
 * request before Remix reads a byte: DEFAULT_BODY_LIMIT unless the matched route declares more
 * in its handle, e.g. a form with a file field:
 *
 *   export const handle = { messages: [...], bodyLimit: maxBodyBytes(FORM_LIMITS) } satisfies BodyLimitHandle;
 *
 * Plain module: route handles are part of the browser's bundle too (decision 0022).
 */

/** Every URL-encoded form of the portal fits: its longest free texts are a few thousand characters. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

export type BodyLimitHandle = {
  /** The most bytes a request to this route may send (over the wire, before decoding). */
  bodyLimit?: number;
};

/**
 * A URL-encoded form whose text fields together hold at most `chars` characters: 9 bytes a
 * character at worst (a Japanese character is 3 UTF-8 bytes, each sent as %XX), plus the
 * default for names, hidden fields and separators.
 */
export function urlEncodedFormBytes(chars: number): number {
  return DEFAULT_BODY_LIMIT + 9 * chars;
}

/** "64 KB", "3.1 MB": the limit as the 413 page states it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${(Math.floor((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}
