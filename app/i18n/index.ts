import { useRouteLoaderData } from "@remix-run/react";
import { en } from "./en.ts";
import { ja, type MessageKey } from "./ja.ts";

export type Lang = "ja" | "en";
export type { MessageKey };
export const LANGS: readonly Lang[] = ["ja", "en"];
export const DEFAULT_LANG: Lang = "ja";

const catalogues: Record<Lang, Record<MessageKey, string>> = { ja, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(ja, value);
}

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) => {
    const text = catalogue[key] ?? ja[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/**
 * Validation messages travel as "key" or "key|{json params}" so that one zod schema serves
 * the server and the browser and is rendered in the language of whoever reads it.
 */
export function encodeMessage(key: MessageKey, params?: Params): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function translateMessage(t: Translate, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const bar = message.indexOf("|");
  const key = bar === -1 ? message : message.slice(0, bar);
  if (!isMessageKey(key)) return message;
  const params = bar === -1 ? undefined : (JSON.parse(message.slice(bar + 1)) as Params);
  return t(key, params);
}

export function useLang(): Lang {
  const data = useRouteLoaderData<{ lang: Lang }>("root");
  return data?.lang ?? DEFAULT_LANG;
}

export function useT(): Translate {
  return translator(useLang());
}
