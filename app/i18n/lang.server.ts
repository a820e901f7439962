import { DEFAULT_LANG, LANGS, type Lang } from "./index.ts";

export const LANG_COOKIE = "lang";

function isLang(value: string | undefined): value is Lang {
  return value !== undefined && (LANGS as readonly string[]).includes(value);
}

export function langFromCookie(cookieHeader: string | null): Lang | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LANG_COOKIE && isLang(value)) return value;
  }
  return undefined;
}

/** The first of ja/en in Accept-Language, by quality. */
export function langFromAcceptLanguage(header: string | null): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((item, index) => {
      const [tag, ...params] = item.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.base).find(isLang);
}

/** Cookie first, then Accept-Language, then Japanese. */
export function getLang(request: Request): Lang {
  return (
    langFromCookie(request.headers.get("Cookie")) ??
    langFromAcceptLanguage(request.headers.get("Accept-Language")) ??
    DEFAULT_LANG
  );
}

export function langCookie(lang: Lang, secure: boolean): string {
  return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}
