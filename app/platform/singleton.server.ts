/**
 * The Express server and the Remix build are separate module graphs in production;
 * keeping process-wide objects on globalThis gives both the same database client and clock.
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __portalSingletons?: Map<string, unknown> };
  store.__portalSingletons ??= new Map();
  if (!store.__portalSingletons.has(name)) store.__portalSingletons.set(name, create());
  return store.__portalSingletons.get(name) as T;
}
