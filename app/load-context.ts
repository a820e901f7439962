import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Also sent as X-Request-Id and shown on error pages. */
    requestId: string;
    /** The per-request Content-Security-Policy nonce. */
    cspNonce: string;
    /** The client's address as Express determined it (TRUST_PROXY decides about X-Forwarded-For). */
    clientAddress: string;
  }
}

export {};
