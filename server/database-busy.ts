import type { ServerBuild } from "@remix-run/node";
import { databaseBusy, isDatabaseBusy } from "../app/platform/database-busy.server.ts";
import { log } from "../app/platform/logger.server.ts";

type RouteFunction = (args: { context?: { requestId?: string } }) => unknown;

const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/**
 * The build with every route's loader and action answering a database that is busy (a lock
 * wait past lock_timeout, a deadlock, SQLite busy, an expired transaction: isDatabaseBusy)
 * with 503 and Retry-After, rendered by the root error boundary in the reader's language,
 * instead of a 500. One place for every route, so no route can forget it (decision record 0024).
 */
export function answerBusyDatabaseWith503(build: ServerBuild): ServerBuild {
  const kept = wrapped.get(build);
  if (kept) return kept;
  const guard = (fn: RouteFunction, routeId: string): RouteFunction =>
    async function guarded(args) {
      try {
        return await fn(args);
      } catch (error) {
        if (error instanceof Response || !isDatabaseBusy(error)) throw error;
        log("warn", "database.busy", { requestId: args.context?.requestId, route: routeId, message: error instanceof Error ? error.message : String(error) });
        throw databaseBusy();
      }
    };
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = route.module as typeof route.module & { loader?: RouteFunction; action?: RouteFunction };
    routes[id] = {
      ...route,
      module: {
        ...module,
        ...(module.loader ? { loader: guard(module.loader, id) } : {}),
        ...(module.action ? { action: guard(module.action, id) } : {}),
      } as typeof route.module,
    };
  }
  const result = { ...build, routes };
  wrapped.set(build, result);
  return result;
}
