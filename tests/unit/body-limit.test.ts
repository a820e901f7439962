/**
 * The server's body limit in pieces (server/body-limit.ts): which route's declaration a path
 * gets, single-fetch paths included, and the counting stream that fails past the limit. The
 * whole server is tested in tests/integration/server-hardening.test.ts.
 */
import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMIT, formatBytes, urlEncodedFormBytes } from "../../app/platform/body-limit.ts";
import { bodyLimitOf, BodyTooLargeError, declaredTooLarge, limitedBody } from "../../server/body-limit.ts";

type Route = { id: string; parentId?: string; path?: string; index?: boolean; bodyLimit?: number };

function buildOf(routes: Route[]): ServerBuild {
  return {
    basename: undefined,
    routes: Object.fromEntries(
      routes.map(({ bodyLimit, ...route }) => [route.id, { ...route, caseSensitive: undefined, module: { handle: bodyLimit ? { bodyLimit } : undefined } }]),
    ),
  } as unknown as ServerBuild;
}

// The app's shape: root, a pathless site layout, an index page, a splat 404 and two upload forms.
const BUILD = buildOf([
  { id: "root", path: "" },
  { id: "site-layout", parentId: "root" },
  { id: "routes/_index", parentId: "site-layout", index: true },
  { id: "routes/$", parentId: "site-layout", path: "*" },
  { id: "routes/groups.new", parentId: "site-layout", path: "groups/new", bodyLimit: 3_000_000 },
  { id: "routes/my.groups.$id.edit", parentId: "site-layout", path: "my/groups/:id/edit", bodyLimit: 2_000_000 },
  { id: "routes/my.groups.$id._index", parentId: "site-layout", path: "my/groups/:id" },
]);

describe("bodyLimitOf", () => {
  it("gives a path its deepest route's declared limit, a .data path its page's, and the default otherwise", () => {
    expect(bodyLimitOf(BUILD, "/groups/new")).toBe(3_000_000);
    expect(bodyLimitOf(BUILD, "/groups/new.data")).toBe(3_000_000);
    expect(bodyLimitOf(BUILD, "/my/groups/12/edit")).toBe(2_000_000);
    expect(bodyLimitOf(BUILD, "/my/groups/12/edit.data")).toBe(2_000_000);
    expect(bodyLimitOf(BUILD, "/my/groups/12")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf(BUILD, "/")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf(BUILD, "/_root.data")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf(BUILD, "/groups/new/extra")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf(BUILD, "/nowhere")).toBe(DEFAULT_BODY_LIMIT);
  });
});

describe("declaredTooLarge", () => {
  const withLength = (length?: string) => ({ headers: length === undefined ? {} : { "content-length": length } }) as IncomingMessage;
  it("compares Content-Length with the limit and counts a malformed one as over", () => {
    expect(declaredTooLarge(withLength("100"), 100)).toBe(false);
    expect(declaredTooLarge(withLength("101"), 100)).toBe(true);
    expect(declaredTooLarge(withLength(undefined), 100)).toBe(false);
    expect(declaredTooLarge(withLength("1e3"), 100)).toBe(true);
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return Buffer.concat(chunks);
}

describe("limitedBody", () => {
  it("passes a body of exactly the limit through whole", async () => {
    const source = new PassThrough();
    let overflows = 0;
    const body = limitedBody(source as unknown as IncomingMessage, 10, () => overflows++);
    source.write("12345");
    source.end("67890");
    expect((await readAll(body)).toString()).toBe("1234567890");
    expect(overflows).toBe(0);
  });

  it("fails once the bytes pass the limit, before the body ends, and says so once", async () => {
    const source = new PassThrough();
    let overflows = 0;
    const body = limitedBody(source as unknown as IncomingMessage, 10, () => overflows++);
    source.write("123456");
    source.write("78901");
    await expect(readAll(body)).rejects.toBeInstanceOf(BodyTooLargeError);
    source.write("more and more");
    expect(overflows).toBe(1);
    expect(source.writableEnded).toBe(false);
  });
});

describe("limits as the pages state them", () => {
  it("formats bytes in KB below a megabyte and MB with one decimal above, never rounding up", () => {
    expect(formatBytes(DEFAULT_BODY_LIMIT)).toBe("64 KB");
    expect(formatBytes(3_211_264)).toBe("3.0 MB");
    expect(formatBytes(1024 * 1024 * 1.99)).toBe("1.9 MB");
  });

  it("allows 9 bytes a character for a URL-encoded form, on top of the default", () => {
    const text = "あ".repeat(1000);
    expect(new URLSearchParams({ t: text }).toString().length).toBeLessThanOrEqual(urlEncodedFormBytes(1000) - DEFAULT_BODY_LIMIT + 2);
    expect(urlEncodedFormBytes(1000)).toBe(DEFAULT_BODY_LIMIT + 9000);
  });
});
