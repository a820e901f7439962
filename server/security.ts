import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { shortReference } from "../app/platform/reference.ts";

/** Per-request id (also on error pages) and CSP nonce. */
export function requestContext(req: Request, res: Response, next: NextFunction) {
  res.locals.requestId = shortReference();
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.setHeader("X-Request-Id", res.locals.requestId);
  next();
}

export function securityHeaders({ dev }: { dev: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = res.locals.cspNonce as string;
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-inline'" : ""}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${dev ? " ws: wss:" : ""}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; ");
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    // Not no-referrer: under it Chromium sends Origin: null on plain form posts (docs/decisions/0004).
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence as Lucia's guide gives it: a state-changing request must carry an Origin
 * equal to the portal's: PUBLIC_URL's, or the one a trusted proxy states (server/remix.ts,
 * requestOrigin, which runs first). Missing or foreign Origin → 403 before any route runs.
 */
export function csrfGuard(render403: (req: Request) => string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("Origin");
    if (origin && origin === res.locals.origin) return next();
    res.status(403).type("html").send(render403(req));
  };
}
