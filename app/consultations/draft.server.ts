/**
 * A consultation's draft (案) is Markdown written in the portal. marked turns it into HTML and
 * sanitize-html keeps only plain document markup: raw HTML, scripts, event handlers, styles,
 * `javascript:` and other non-web links and images from elsewhere never reach a page.
 *
 * The draft is divided into numbered sections so a comment can say which part it is about and
 * the results can be read section by section: each heading of the draft's main level starts a
 * section (a single title heading above deeper ones does not count as a level); a draft without
 * headings is divided at paragraphs that begin 第N条.
 */
import { Marked, type Links, type Token, type Tokens, type TokensList } from "marked";
import sanitizeHtml from "sanitize-html";

export type DraftSection = { number: number; heading: string; html: string };
export type RenderedDraft = { preamble: string; sections: DraftSection[] };

const marked = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "hr", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "del", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "a", "span"],
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }),
    // An image from elsewhere would be fetched from another site by every reader: its
    // description stays, the image does not.
    img: (_tagName, attribs) => ({ tagName: "span", attribs: {}, text: attribs.alt ?? "" }),
  },
};

/**
 * Sanitised HTML of Markdown shown under a heading of the page (the final text): its own top
 * headings become h3 and the deeper ones follow, so that `#` and `##` keep their words and
 * their order instead of being dropped as tags the page does not allow at that level.
 */
export function markdownToHtml(markdown: string): string {
  const tokens = marked.lexer(markdown);
  const depths = tokens.filter((t): t is Tokens.Heading => t.type === "heading").map((h) => h.depth);
  return render([...tokens], depths.length > 0 ? Math.min(...depths) - 1 : null, tokens.links);
}

function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => ("tokens" in t && t.tokens ? plainText(t.tokens) : t.type === "br" ? " " : "text" in t ? String(t.text) : ""))
    .join("");
}

const ARTICLE = /^第[0-9０-９一二三四五六七八九十百千]+条/;

/** The depth whose headings divide the draft, or null when it has no headings. */
function sectionDepth(headings: readonly Tokens.Heading[]): number | null {
  if (headings.length === 0) return null;
  const top = Math.min(...headings.map((h) => h.depth));
  const atTop = headings.filter((h) => h.depth === top);
  const deeper = headings.filter((h) => h.depth > top);
  if (atTop.length === 1 && headings[0] === atTop[0] && deeper.length > 0) return Math.min(...deeper.map((h) => h.depth));
  return top;
}

type Part = { heading: string | null; tokens: Token[] };

function divide(tokens: Token[]): { depth: number | null; parts: Part[] } {
  const headings = tokens.filter((t): t is Tokens.Heading => t.type === "heading");
  const depth = sectionDepth(headings);
  const starts = (t: Token): string | null => {
    if (depth !== null) return t.type === "heading" && t.depth === depth ? plainText(t.tokens).trim() : null;
    if (t.type !== "paragraph") return null;
    const text = plainText(t.tokens).trim();
    return ARTICLE.test(text) ? text.split("\n", 1)[0].slice(0, 40) : null;
  };
  const parts: Part[] = [{ heading: null, tokens: [] }];
  for (const token of tokens) {
    const heading = starts(token);
    if (heading !== null) {
      // A heading starts its section and is shown by the page; a 第N条 paragraph stays in it.
      parts.push({ heading, tokens: depth !== null ? [] : [token] });
    } else {
      parts[parts.length - 1].tokens.push(token);
    }
  }
  return { depth, parts };
}

/** Headings inside a section sit below the page's section heading (h2): h3 and down. */
function shiftHeadings(tokens: Token[], depth: number | null) {
  const base = depth ?? 0;
  for (const t of tokens) if (t.type === "heading") t.depth = Math.min(6, Math.max(3, t.depth - base + 2));
}

function render(tokens: Token[], depth: number | null, links: Links): string {
  shiftHeadings(tokens, depth);
  const list: TokensList = Object.assign([...tokens], { links });
  return sanitizeHtml(marked.parser(list) as string, SANITIZE);
}

/** The draft as the public page shows it: what comes before the first section, then each numbered section. */
export function renderDraft(markdown: string): RenderedDraft {
  const tokens = marked.lexer(markdown);
  const { depth, parts } = divide([...tokens]);
  const [preamble, ...sections] = parts;
  return {
    preamble: render(preamble.tokens, depth, tokens.links),
    sections: sections.map((part, i) => ({ number: i + 1, heading: part.heading ?? "", html: render(part.tokens, depth, tokens.links) })),
  };
}

/** The numbered sections of a draft, as stored when it is saved. */
export function draftSections(markdown: string): { number: number; heading: string }[] {
  const tokens = marked.lexer(markdown);
  return divide([...tokens]).parts.slice(1).map((part, i) => ({ number: i + 1, heading: part.heading ?? "" }));
}
