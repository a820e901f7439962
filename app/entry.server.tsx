import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { KeptHtmlRenderer } from "./components/kept-html.tsx";
import { NonceProvider } from "./components/nonce.tsx";
import { sendsScripts } from "./components/scripts.ts";
import { log, redactPath } from "./platform/logger.server.ts";

const ABORT_DELAY = 5_000;

/**
 * React 18's renderToPipeableStream sends its whole 2,048-byte buffer when the next multi-byte
 * character does not fit, unused tail included: one to three zero bytes appear in the middle of
 * Japanese text (facebook/react#24985; the fix, #26228, is not in 18.x). Such a chunk is exactly
 * 2,048 bytes long and ends in zeros; HTML never ends a chunk with NUL otherwise.
 */
const REACT_VIEW_SIZE = 2048;
function withoutZeroPadding() {
  return new Transform({
    // React aborts its render when the destination closes and, the render being complete by
    // then, builds an ERR_STREAM_ALREADY_FINISHED error with its stack for every page.
    emitClose: false,
    transform(chunk: Uint8Array, _encoding, callback) {
      let end = chunk.length;
      if (end === REACT_VIEW_SIZE) while (end > REACT_VIEW_SIZE - 3 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}

export const streamTimeout = ABORT_DELAY;

/**
 * The server process registers the scheduled jobs from the app's own build: the domains' jobs
 * are found by Vite's glob, which only a module Vite built or serves can use (decision 0017).
 */
export { registerDefaultJobs } from "./platform/jobs/index.server.ts";

/**
 * Every page is rendered whole, then sent as one body with its Content-Length. No route defers
 * data, so streaming the shell first gained nothing, and a body written in React's 2 KB chunks
 * cost the server an event-loop turn per chunk: under load every page waited behind other
 * pages' chunks, the longest pages most (README, Performance).
 *
 * A page without the app's scripts (`hydrate: false`, decision 0012) is rendered by
 * renderToString in one synchronous pass: nothing on it suspends (no route defers data, and the
 * only Suspense Remix renders, the hydration data's StreamTransfer, renders nothing without
 * `<Scripts>`), and the stream's chunking, buffering and callbacks were about a seventh of such
 * a page's CPU (decision 0029). A page with scripts needs the stream: Remix's hydration data
 * arrives through that Suspense boundary.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const { matches } = remixContext.staticHandlerContext;
  if (!sendsScripts(matches.map((match) => remixContext.routeModules[match.route.id]?.handle))) {
    return renderWhole(request, responseStatusCode, responseHeaders, remixContext, loadContext);
  }
  return renderStreamed(request, responseStatusCode, responseHeaders, remixContext, loadContext);
}

function page(remixContext: EntryContext, url: string, nonce: string) {
  return (
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>
  );
}

/** renderToPipeableStream writes the doctype before a root <html>; renderToString does not. */
const DOCTYPE = "<!DOCTYPE html>";

/**
 * Parts a page rendered in one pass keeps as HTML (components/kept-html.tsx, decision 0032)
 * are rendered by the same renderToString. TEST_NO_KEPT_HTML=1 renders every part in place
 * instead: for the test that compares the two, byte for byte.
 */
const KEEPS_HTML = process.env.TEST_NO_KEPT_HTML !== "1";

/**
 * The page in one pass. An error while rendering throws, as onShellError rejects in the
 * streamed render: Remix then renders the route's error boundary (or answers its last-resort 500).
 */
function renderWhole(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const tree = page(remixContext, request.url, loadContext.cspNonce);
  const html = Buffer.from(DOCTYPE + renderToString(KEEPS_HTML ? <KeptHtmlRenderer value={renderToString}>{tree}</KeptHtmlRenderer> : tree));
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Length", String(html.byteLength));
  return new Response(html, { headers: responseHeaders, status: responseStatusCode });
}

function renderStreamed(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let abortRender = () => {};
    const timeout = setTimeout(() => abortRender(), ABORT_DELAY + 1000);
    const { pipe, abort } = renderToPipeableStream(page(remixContext, request.url, nonce), {
      nonce,
      onAllReady() {
        clearTimeout(timeout);
        const body = withoutZeroPadding();
        const chunks: Uint8Array[] = [];
        body.on("data", (chunk: Uint8Array) => chunks.push(chunk));
        body.on("error", reject);
        body.on("end", () => {
          const html = Buffer.concat(chunks);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Content-Length", String(html.byteLength));
          resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
        });
        pipe(body);
      },
      onShellError(error: unknown) {
        clearTimeout(timeout);
        reject(error);
      },
      onError(error: unknown) {
        // Nothing is sent before the whole page is ready, so the status can still change.
        responseStatusCode = 500;
        log("error", "render.failed", { requestId: loadContext.requestId, message: String(error) });
      },
    });
    abortRender = abort;
  });
}

/**
 * Errors Remix reports. What the router itself refused (a POST to a page without an action:
 * 405; a route that does not match: 404) is a client's mistake, logged at warn with what was
 * asked, so that outsiders cannot fill the error log; everything else is the server's, with
 * its stack.
 */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) {
    const { pathname } = new URL(request.url);
    log("warn", "request.refused", { requestId: context.requestId, status: error.status, reason: error.statusText, method: request.method, path: redactPath(pathname) });
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  log("error", "request.error", { requestId: context.requestId, message, stack });
}
