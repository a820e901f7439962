/**
 * Express in front of Remix, in place of @remix-run/express's adapter (decision 0022): the
 * request Remix sees has the portal's public address, never the Host a client or proxy sent,
 * and a body that cannot grow past its route's limit.
 */
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Env } from "../app/platform/env.server.ts";
import { log } from "../app/platform/logger.server.ts";
import { bodyLimitOf, declaredTooLarge, limitedBody } from "./body-limit.ts";
import { badRequestPage, tooLargePage } from "./pages.ts";

/**
 * A Host (or X-Forwarded-Host) as RFC 9110 allows it: a name of letters, digits, '-', '_' and
 * dots (nginx sends an upstream's name, which may hold '_'), or an IPv6 literal, and a port.
 */
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The value the nearest proxy wrote: the last of a comma-separated list. */
function lastValue(header: string | undefined): string | undefined {
  return header?.split(",").at(-1)?.trim() || undefined;
}

/**
 * The origin a request is answered under, kept in `res.locals.origin`: PUBLIC_URL's, or with
 * TRUST_PROXY=1 what the proxy says in X-Forwarded-Proto/-Host. The Host header is never
 * believed (behind nginx it is the upstream's address), but a malformed one, or a malformed
 * forwarded host, is a client mistake: 400, logged at info.
 */
export function requestOrigin(env: Env): RequestHandler {
  const configured = new URL(env.PUBLIC_URL);
  return (req, res, next) => {
    const host = req.headers.host;
    const forwardedHost = env.TRUST_PROXY ? lastValue(req.get("X-Forwarded-Host")) : undefined;
    const forwardedProto = env.TRUST_PROXY ? lastValue(req.get("X-Forwarded-Proto"))?.toLowerCase() : undefined;
    if ((host !== undefined && !HOST.test(host)) || (forwardedHost !== undefined && !HOST.test(forwardedHost)) || !req.originalUrl.startsWith("/")) {
      log("info", "request.refused", { requestId: res.locals.requestId, reason: "malformed host or target" });
      res.status(400).type("html").send(badRequestPage(req, String(res.locals.requestId)));
      return;
    }
    const protocol = forwardedProto === "http" || forwardedProto === "https" ? `${forwardedProto}:` : configured.protocol;
    res.locals.origin = `${protocol}//${forwardedHost ?? configured.host}`;
    next();
  };
}

export type RemixHandlerOptions = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "development" | "production";
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
};

function remixHeaders(req: Request, host: string): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "host" || name === "x-forwarded-host") continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Remix compares a POST's Origin with this Host (throwIfPotentialCSRFAttack).
  headers.set("Host", host);
  return headers;
}

/** Refuses the body with the 413 page and closes the connection, so the rest is never read. */
function refuseTooLarge(req: Request, res: Response, limit: number) {
  log("info", "request.refused", { requestId: res.locals.requestId, reason: "body too large", limit });
  if (res.headersSent) return;
  res.status(413).set("Connection", "close").type("html").send(tooLargePage(req, String(res.locals.requestId), limit));
}

async function sendResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * Runs Remix for a request that `requestOrigin` let through: its URL and Host are the public
 * origin's, its body is limited (bodyLimitOf), and a signal aborts Remix's work when the
 * answer can no longer be sent or the body was refused. A legacy `?_data=` request (this app
 * uses single fetch, so no page sends one) is a client mistake: 400 without running Remix.
 */
export function remixHandler({ build, mode, getLoadContext }: RemixHandlerOptions): RequestHandler {
  const handleRequest = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const url = new URL(`${res.locals.origin as string}${req.originalUrl}`);
      if (url.searchParams.has("_data")) {
        log("info", "request.refused", { requestId: res.locals.requestId, reason: "legacy data request" });
        res.status(400).type("html").send(badRequestPage(req, String(res.locals.requestId)));
        return;
      }
      const limit = bodyLimitOf(typeof build === "function" ? await build() : build, url.pathname);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      if (hasBody && declaredTooLarge(req, limit)) return refuseTooLarge(req, res, limit);

      const controller = new AbortController();
      let answered = false;
      res.on("finish", () => (answered = true));
      res.on("close", () => answered || controller.abort());
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: remixHeaders(req, url.host), signal: controller.signal };
      if (hasBody) {
        init.body = limitedBody(req, limit, () => {
          controller.abort();
          refuseTooLarge(req, res, limit);
        });
        init.duplex = "half";
      }
      const response = await handleRequest(new globalThis.Request(url, init), getLoadContext(req, res));
      // Refused (413) or gone while Remix ran: what it made of the cut-off body is not sent.
      if (res.headersSent || controller.signal.aborted) return;
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
