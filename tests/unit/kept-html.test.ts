/**
 * KeptHtml (app/components/kept-html.tsx, decision 0032): a part of a page rendered to HTML once
 * per object and variant, placed as that HTML, byte for byte what rendering it in place gives.
 */
import { createElement as h, Fragment, useContext, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { UNSAFE_LocationContext, UNSAFE_RouteContext } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { KeptHtml, KeptHtmlRenderer, keptHtmlStore } from "../../app/components/kept-html.tsx";

/** Reads the router's location as a link would: a context the kept part must get from the page. */
function Where() {
  const location = useContext(UNSAFE_LocationContext);
  const route = useContext(UNSAFE_RouteContext);
  return h("i", null, location?.location?.pathname ?? "(no router)", " ", String(route.matches.length));
}

function contents(label: string) {
  return h(Fragment, null, h("li", null, label, " ", "and", h(Where)), h("li", null, "…", label));
}

const LOCATION = { location: { pathname: "/groups", search: "", hash: "", state: null, key: "k" }, navigationType: "POP" } as never;
const ROUTE = { outlet: null, matches: [{}, {}], isDataRoute: true } as never;

/** A page around the part, in a router's contexts, rendered as entry.server.tsx renders a page without scripts (or without the renderer). */
function page(part: ReactNode, withRenderer = true) {
  const tree = h(UNSAFE_LocationContext.Provider, { value: LOCATION }, h(UNSAFE_RouteContext.Provider, { value: ROUTE }, h("main", null, h("p", null, "a", "b"), part, "c")));
  return renderToString(withRenderer ? h(KeptHtmlRenderer, { value: renderToString }, tree) : tree);
}

describe("KeptHtml", () => {
  it("gives the same HTML as the part rendered in place, text separators and contexts included", () => {
    const store = keptHtmlStore();
    const by = {};
    const inPlace = page(h("ul", { className: "x" }, contents("one")), false);
    expect(inPlace).toContain("<i>/groups<!-- --> <!-- -->2</i>");
    const kept = page(h(KeptHtml, { element: h("ul", { className: "x" }), store, by, variant: "ja", children: () => contents("one") }));
    expect(kept).toBe(inPlace);
    // Made, then placed as kept: the same again.
    expect(page(h(KeptHtml, { element: h("ul", { className: "x" }), store, by, variant: "ja", children: () => contents("one") }))).toBe(inPlace);
  });

  it("makes the contents once per object and variant", () => {
    const store = keptHtmlStore();
    const by = {};
    const made: string[] = [];
    const part = (variant: string, of: object = by) =>
      page(
        h(KeptHtml, {
          element: h("ul"),
          store,
          by: of,
          variant,
          children: () => {
            made.push(variant);
            return contents(variant);
          },
        }),
      );
    expect(part("ja")).toContain("<li>ja<!-- --> <!-- -->and");
    expect(part("ja")).toContain("<li>ja<!-- --> <!-- -->and");
    expect(made).toEqual(["ja"]);
    expect(part("en")).toContain("<li>en<!-- --> <!-- -->and");
    expect(made).toEqual(["ja", "en"]);
    // Another object (a new answer after a change): made again.
    expect(part("ja", {})).toContain("<li>ja<!-- --> <!-- -->and");
    expect(made).toEqual(["ja", "en", "ja"]);
    expect(part("ja")).toContain("<li>ja<!-- --> <!-- -->and");
    expect(made).toEqual(["ja", "en", "ja"]);
  });

  it("keeps the 16 most recent variants of an object", () => {
    const store = keptHtmlStore();
    const by = {};
    let made = 0;
    const part = (variant: string) =>
      page(h(KeptHtml, { element: h("ul"), store, by, variant, children: () => (made++, contents(variant)) }));
    for (let i = 0; i < 16; i++) part(`v${i}`);
    part("v0");
    expect(made).toBe(16);
    part("v16"); // the 17th: v0, the oldest, goes
    part("v1");
    expect(made).toBe(17);
    part("v0");
    expect(made).toBe(18);
  });

  it("renders the contents in place, every time, without a renderer (the browser, streamed pages)", () => {
    const store = keptHtmlStore();
    const by = {};
    let made = 0;
    const part = () => h(KeptHtml, { element: h("ul", { className: "x" }), store, by, variant: "ja", children: () => (made++, contents("one")) });
    const inPlace = page(h("ul", { className: "x" }, contents("one")), false);
    expect(page(part(), false)).toBe(inPlace);
    expect(page(part(), false)).toBe(inPlace);
    expect(made).toBe(2);
  });
});
