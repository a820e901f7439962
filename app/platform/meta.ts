import type { MetaArgs } from "@remix-run/node";
import { DEFAULT_LANG, translator, type Lang, type Messages, type T } from "../i18n/index.ts";

/**
 * <title> for a page: "<page> | <site>", in the language of the request. `page` gets the
 * translator of the shared strings and the catalogues passed after it (typically the route's
 * `...handle.messages`); without a page text the title is the site name alone.
 */
export function pageTitle<const M extends readonly Messages[]>(
  args: Pick<MetaArgs, "matches">,
  page: ((t: T<M[number]>) => string | null | undefined) | null,
  ...messages: M
) {
  const root = args.matches.find((m) => m.id === "root")?.data as { lang?: Lang } | undefined;
  const lang = root?.lang ?? DEFAULT_LANG;
  const text = page?.(translator(lang, ...messages));
  const site = translator(lang)("site.name");
  return [{ title: text ? `${text} | ${site}` : site }];
}
