/**
 * A pathless layout around every page. Its error boundary sits below the root, so when a
 * loader or action throws (a 404, a 429 from a rate limit) the root loader has still run and
 * the error page has the reader's language and the request id.
 */
import type { HeadersFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { ErrorPage } from "./components/error-page.tsx";

/** Keeps Retry-After on the 429 page a thrown rate-limit response produces. */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export default function SiteLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
