/**
 * One limit for every request body, applied before Remix reads a byte (decision 0022): the
 * matched route's `handle.bodyLimit`, else DEFAULT_BODY_LIMIT (app/platform/body-limit.ts).
 * A declared Content-Length over it is refused at once; a body without one (chunked) is
 * counted as it arrives and refused the moment it passes the limit. Nothing past the limit is
 * read, so an oversized body is never held in memory.
 */
import type { IncomingMessage } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";

type RouteObject = Parameters<typeof matchRoutes>[0][number];
import { DEFAULT_BODY_LIMIT, type BodyLimitHandle } from "../app/platform/body-limit.ts";

type BuildRoutes = ServerBuild["routes"];

const trees = new WeakMap<BuildRoutes, RouteObject[]>();

/** The build's flat route list as the nested tree the router matches against. */
function routeTree(routes: BuildRoutes, parentId?: string): RouteObject[] {
  return Object.values(routes)
    .filter((route) => route.parentId === parentId)
    .map((route) => ({ id: route.id, path: route.path, index: route.index, caseSensitive: route.caseSensitive, children: routeTree(routes, route.id) }) as RouteObject);
}

/**
 * The limit of a request to this path: its deepest matching route's declaration, else the
 * default. A single-fetch path (`/groups/new.data`, `/_root.data` for `/`) counts as the page
 * it posts to, exactly as Remix resolves it.
 */
export function bodyLimitOf(build: ServerBuild, pathname: string): number {
  let tree = trees.get(build.routes);
  if (!tree) {
    tree = routeTree(build.routes);
    trees.set(build.routes, tree);
  }
  const page = pathname.endsWith(".data") ? pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/") : pathname;
  const deepest = matchRoutes(tree, page, build.basename)?.at(-1)?.route.id;
  const handle = deepest ? (build.routes[deepest]?.module.handle as BodyLimitHandle | undefined) : undefined;
  return handle?.bodyLimit ?? DEFAULT_BODY_LIMIT;
}

/** Content-Length says the body is over the limit (a malformed length counts as over). */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const length = req.headers["content-length"];
  if (length === undefined) return false;
  return !/^\d+$/.test(length) || Number(length) > limit;
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/**
 * The request's body as a web stream for Remix, counted as it is read. Past the limit the
 * stream fails with BodyTooLargeError, reading stops (the socket is paused, never drained)
 * and `onOverflow` runs once, to answer 413 while the client may still be sending.
 */
export function limitedBody(req: IncomingMessage, limit: number, onOverflow: () => void): ReadableStream<Uint8Array> {
  let received = 0;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (done) return;
          received += chunk.byteLength;
          if (received > limit) {
            done = true;
            req.pause();
            controller.error(new BodyTooLargeError(limit));
            onOverflow();
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.on("error", (error) => {
          if (done) return;
          done = true;
          controller.error(error);
        });
        req.pause();
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
