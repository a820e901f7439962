/**
 * Content kept in Japanese whatever the reader's language — group names and descriptions,
 * district and centre names, anything from the database — carries lang="ja" on a page in
 * another language, so that a screen reader speaks it with a Japanese voice (WCAG 3.1.2).
 */
import type { ReactNode } from "react";
import { useLang } from "../i18n/index.ts";

/** The lang attribute for an element holding Japanese content: "ja" on a page in another language, else none. */
export function useJapaneseContent(): "ja" | undefined {
  return useLang() === "ja" ? undefined : "ja";
}

/** Japanese content inline: a <span lang="ja"> on a page in another language, the text alone on a Japanese one. */
export function Ja({ children }: { children: ReactNode }) {
  const lang = useJapaneseContent();
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}
