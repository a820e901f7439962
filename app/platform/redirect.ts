/** Only same-site paths: "/x" yes; "//evil", "https://…", "/\\evil" no. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.length > 2000 || /[\u0000-\u001F]/.test(value)) return fallback;
  return value;
}

/** `path` with the same-site path to come back to as its redirectTo query (none for the home page). */
export function withRedirectTo(path: string, redirectTo: string): string {
  const back = safeRedirectPath(redirectTo);
  return back === "/" ? path : `${path}${path.includes("?") ? "&" : "?"}redirectTo=${encodeURIComponent(back)}`;
}
