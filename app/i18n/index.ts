/**
 * Translation for pages and server code. The shared strings (layout, errors, form messages) are
 * always there; a domain's catalogue comes in only where it is passed, so a page ships the
 * strings it shows and `t` accepts exactly their keys.
 */
import { useMatches, useRouteLoaderData } from "@remix-run/react";
import { commonMessages } from "./common.ts";
import { DEFAULT_LANG, translatorOf, type ArgsFor, type Combined, type Lang, type Messages, type PlainKey, type Translate } from "./messages.ts";

export {
  DEFAULT_LANG,
  LANGS,
  defineMessages,
  encodeMessage,
  encodeTableMessage,
  lookupMessage,
  translateMessage,
  type AnyCountKey,
  type AnyMessageKey,
  type AnyPlainKey,
  type AnyTranslate,
  type KeySuffix,
  type Lang,
  type Messages,
  type Params,
  type PlainKey,
} from "./messages.ts";
export { commonMessages };

type Common = typeof commonMessages;
/** The translator of the shared strings and `M`'s catalogues. */
export type T<M extends Messages = never> = Translate<Combined<Common | M>>;
/** A key of the shared strings or of `M` whose message takes no parameters: what a function returns for a page to show. */
export type MessageKeyOf<M extends Messages> = PlainKey<Common | M>;
export type MessageKey = MessageKeyOf<never>;
/** The arguments after key `K` of `M` (or of the shared strings): for a function that passes them on to a key it picks at run time. */
export type MessageArgs<M extends Messages, K extends string> = ArgsFor<Combined<Common | M>[K & keyof Combined<Common | M>]>;
export type { Translate };

/** The translator for `lang` over the shared strings and the given catalogues (server code, meta). */
export function translator<const M extends readonly Messages[]>(lang: Lang, ...messages: M): T<M[number]> {
  return translatorOf(lang, [commonMessages, ...messages]);
}

/**
 * What a route declares as `handle` so that shared pieces on its page (form errors, field
 * messages) can render the encoded messages of its domain: `export const handle = { messages: [x] }`.
 */
export type MessagesHandle = { messages: readonly Messages[] };

function handleMessages(handle: unknown): readonly Messages[] {
  if (!handle || typeof handle !== "object" || !("messages" in handle) || !Array.isArray(handle.messages)) return [];
  return handle.messages;
}

export function useLang(): Lang {
  const data = useRouteLoaderData<{ lang: Lang }>("root");
  return data?.lang ?? DEFAULT_LANG;
}

/** The page's translator: typed by the catalogues passed; it also knows those of the matched routes' handles. */
export function useT<const M extends readonly Messages[]>(...messages: M): T<M[number]> {
  const lang = useLang();
  const declared = useMatches().flatMap((match) => handleMessages(match.handle));
  return translatorOf(lang, [commonMessages, ...messages, ...declared]);
}
