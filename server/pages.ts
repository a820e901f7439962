import type { Request } from "express";
import { translator } from "../app/i18n/index.ts";
import { formatBytes } from "../app/platform/body-limit.ts";
import { getLang } from "../app/i18n/lang.server.ts";

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function langOf(req: Request) {
  const headers = new Headers();
  if (req.get("Cookie")) headers.set("Cookie", req.get("Cookie")!);
  if (req.get("Accept-Language")) headers.set("Accept-Language", req.get("Accept-Language")!);
  return getLang(new Request("http://localhost/", { headers }));
}

/** A minimal page for answers given before Remix runs (the CSRF refusal, a malformed request, a body too large). */
export function plainPage(req: Request, title: string, body: string, requestId: string) {
  const lang = langOf(req);
  const t = translator(lang);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} | ${escapeHtml(t("site.name"))}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p>${escapeHtml(t("error.reference", { id: requestId }))}</p><p><a href="/">${escapeHtml(t("error.home"))}</a></p></main></body></html>`;
}

export function csrfPage(req: Request, requestId: string) {
  const t = translator(langOf(req));
  return plainPage(req, t("error.403.title"), t("error.csrf.body"), requestId);
}

export function badRequestPage(req: Request, requestId: string) {
  const t = translator(langOf(req));
  return plainPage(req, t("error.400.title"), t("error.400.body"), requestId);
}

export function tooLargePage(req: Request, requestId: string, limit: number) {
  const t = translator(langOf(req));
  return plainPage(req, t("error.413.title"), t("error.413.body", { limit: formatBytes(limit) }), requestId);
}
