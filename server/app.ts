import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import fs from "node:fs";
import path from "node:path";
import type { ViteDevServer } from "vite";
import { log, redactPath } from "../app/platform/logger.server.ts";
import type { Env } from "../app/platform/env.server.ts";
import { answerBusyDatabaseWith503 } from "./database-busy.ts";
import { csrfPage } from "./pages.ts";
import { remixHandler, requestOrigin } from "./remix.ts";
import { csrfGuard, requestContext, securityHeaders } from "./security.ts";

export type ServerOptions = {
  env: Env;
  /** The production build; omitted in development, where Vite serves the app. */
  build?: ServerBuild;
  vite?: ViteDevServer;
  root?: string;
};

export function createApp({ env, build, vite, root = process.cwd() }: ServerOptions) {
  const app = express();
  app.disable("x-powered-by");
  // Only then are X-Forwarded-For/-Proto believed (client address for rate limits, https for HSTS).
  app.set("trust proxy", env.TRUST_PROXY ? 1 : false);

  app.use(requestContext);
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      log("info", "request", {
        requestId: res.locals.requestId,
        method: req.method,
        path: redactPath(req.originalUrl.split("?")[0]),
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    next();
  });
  app.use(securityHeaders({ dev: Boolean(vite) }));
  app.use(compressWhenAsked());
  app.use(requestOrigin(env));
  app.use(csrfGuard((req) => csrfPage(req, String(req.res?.locals.requestId ?? ""))));

  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y", index: false, redirect: false }));
    app.use(publicFiles(path.join(root, "build/client")));
  }

  app.all(
    "*",
    remixHandler({
      build: vite
        ? () => (vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>).then(answerBusyDatabaseWith503)
        : answerBusyDatabaseWith503(build!),
      mode: vite ? "development" : "production",
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId as string,
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    log("error", "server.error", { requestId: res.locals.requestId, message: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) res.status(500).type("text").send(`Internal Server Error (${res.locals.requestId})`);
  });
  return app;
}

/**
 * The few files copied from public/ (favicon, robots.txt), each at its own path. Looked up in
 * a set made at start-up, so that a page never waits for a file-system check that fails.
 */
function publicFiles(dir: string): express.RequestHandler {
  const files = new Set(
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isFile() ? [`/${entry.name}`] : [])),
  );
  const serve = express.static(dir, { maxAge: "1h", index: false, redirect: false });
  return (req, res, next) => (files.has(req.path) ? serve(req, res, next) : next());
}

const COMPRESSIBLE = /\b(?:gzip|br|deflate)\b/i;

/**
 * Compression for clients that ask for it, of bodies worth it: below about one TCP segment
 * nothing is gained. A request without an Accept-Encoding token that compression knows (wrk,
 * curl, many bots) skips the middleware and its hooks on the response altogether, keeping the
 * Vary header it would have set for caches. A reverse proxy that compresses may take this over
 * (README, Performance).
 */
function compressWhenAsked(): express.RequestHandler {
  const compress = compression({ threshold: 1400 });
  return (req, res, next) => {
    if (COMPRESSIBLE.test(req.get("Accept-Encoding") ?? "")) return compress(req, res, next);
    res.vary("Accept-Encoding");
    next();
  };
}
