import type { MetaArgs } from "@remix-run/node";
import { translator, type Lang, type MessageKey } from "../i18n/index.ts";

/** <title> for a page: "<page> | <site>", in the language of the request. */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: MessageKey | null, text?: string) {
  const root = args.matches.find((m) => m.id === "root")?.data as { lang?: Lang } | undefined;
  const t = translator(root?.lang ?? "ja");
  const page = text ?? (key ? t(key) : "");
  return [{ title: page ? `${page} | ${t("site.name")}` : t("site.name") }];
}
