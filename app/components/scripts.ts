/**
 * A page whose route says `handle = { hydrate: false }` is sent as HTML only, without the app's
 * scripts and data: every control on it must be a link or a plain form (decision 0012). The
 * root layout leaves `<Scripts>` out on such a page, and entry.server.tsx then renders it in one
 * synchronous pass (decision 0029): both ask this function, so they cannot disagree.
 */
export function sendsScripts(handles: readonly unknown[]): boolean {
  return !handles.some((handle) => (handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}
