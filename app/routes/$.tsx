/**
 * Unmatched URLs. Remix runs no root loader for a URL no route matches; this splat route
 * makes it run, so the 404 page has its language and request id.
 */
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export async function action() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
