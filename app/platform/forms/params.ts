/**
 * The id in a URL (/groups/:id, /admin/centers/:id …): a plain positive integer that fits a
 * database Int, or a 404. "012", "1e3", "1.5", " 1" and ids beyond 2³¹−1 are not ids: they
 * would otherwise reach Prisma as NaN or overflow, or give one record several addresses.
 */
const INT_MAX = 2_147_483_647;

export function idParam(value: string | undefined): number {
  if (value && /^[1-9]\d{0,9}$/.test(value)) {
    const id = Number(value);
    if (id <= INT_MAX) return id;
  }
  throw new Response("Not Found", { status: 404 });
}
