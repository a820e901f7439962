/**
 * Parts of a page rendered to HTML once and then placed as that HTML on every request that
 * shows the same (decision record 0032). A page rendered in one pass on the server (a page
 * without scripts, decision 0029) gets a renderer from entry.server.tsx; there `KeptHtml`
 * renders its contents with React's own renderToString, inside the same router and Remix
 * contexts as the page, keeps the string and gives it to its element as
 * `dangerouslySetInnerHTML`. The HTML is byte for byte what React would have written in
 * place: the same components render it, in the same contexts (React supports a renderToString
 * called from within another; it restores the outer render's contexts afterwards). Nothing is
 * hydrated on such a page, so nothing in the browser compares the two.
 *
 * Without a renderer (in the browser, after a client-side navigation from a page with
 * scripts, and on pages rendered as a stream) the contents render as ordinary children.
 *
 * What makes two renders "the same" is the caller's to say, and it must say all of it: `by`,
 * an object whose life the HTML shares (kept in a WeakMap, it goes when the object goes), and
 * `variant`, a string of everything else the contents read (language, query). The contents
 * must not depend on the signed-in user, the request, the clock or anything not in the two.
 */
import { UNSAFE_RemixContext } from "@remix-run/react";
import { cloneElement, createContext, useContext, type Context, type HTMLAttributes, type ReactElement, type ReactNode } from "react";
import {
  UNSAFE_DataRouterContext,
  UNSAFE_DataRouterStateContext,
  UNSAFE_FetchersContext,
  UNSAFE_LocationContext,
  UNSAFE_NavigationContext,
  UNSAFE_RouteContext,
  UNSAFE_ViewTransitionContext,
} from "react-router-dom";

export type HtmlRenderer = (node: ReactNode) => string;

const Renderer = createContext<HtmlRenderer | null>(null);
/** Given by entry.server.tsx around a page it renders in one pass (renderToString). */
export const KeptHtmlRenderer = Renderer.Provider;

/**
 * Every context a kept part may read, handed on to its own render: Remix's and React Router's
 * (links, forms, useT's matches and root data). A context left out would read its default value
 * there (React Router's hooks then throw; the directory's test compares its pages with and
 * without kept parts). The page's nonce is not handed on: a kept part holds no script or style.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- contexts of different value types, handed on as they are
const FORWARDED: readonly Context<any>[] = [
  UNSAFE_RemixContext,
  UNSAFE_DataRouterContext,
  UNSAFE_DataRouterStateContext,
  UNSAFE_FetchersContext,
  UNSAFE_ViewTransitionContext,
  UNSAFE_NavigationContext,
  UNSAFE_LocationContext,
  UNSAFE_RouteContext,
];

/** How many variants of one `by` object are kept (the most recently made). */
const VARIANTS_PER_OBJECT = 16;

/** Where one kind of part keeps its HTML: one store per place on a page (module constant). */
export type KeptHtmlStore = WeakMap<object, Map<string, string>>;
export function keptHtmlStore(): KeptHtmlStore {
  return new WeakMap();
}

function keptInner(store: KeptHtmlStore, by: object, variant: string, make: () => string): string {
  let variants = store.get(by);
  if (!variants) store.set(by, (variants = new Map()));
  let html = variants.get(variant);
  if (html === undefined) {
    html = make();
    if (variants.size >= VARIANTS_PER_OBJECT) variants.delete(variants.keys().next().value as string);
    variants.set(variant, html);
  }
  return html;
}

type Props = {
  /** The element that holds the contents; it is rendered every time, its contents once. */
  element: ReactElement<HTMLAttributes<Element>>;
  store: KeptHtmlStore;
  by: object;
  variant: string;
  /** The contents, made only when they are rendered. */
  children: () => ReactNode;
};

export function KeptHtml({ element, store, by, variant, children }: Props) {
  const render = useContext(Renderer);
  // Read on every render, renderer or not: hooks are called unconditionally.
  const values = FORWARDED.map((context) => useContext(context)); // eslint-disable-line react-hooks/rules-of-hooks
  if (!render) return cloneElement(element, undefined, children());
  const html = keptInner(store, by, variant, () =>
    render(FORWARDED.reduceRight<ReactNode>((inner, context, i) => <context.Provider value={values[i]}>{inner}</context.Provider>, children())),
  );
  return cloneElement(element, { dangerouslySetInnerHTML: { __html: html } });
}
