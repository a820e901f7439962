/**
 * Directory search words and "the match in context". Plain module (no server imports) so the
 * unit tests reach it directly.
 *
 * The database matches each word against Group.searchText (toSearchText of the public
 * profile). To show where a word matched, the original text is normalised the same way piece
 * by piece, remembering which original characters each normalised character came from; a
 * match found in the normalised text then maps back to the exact original characters, so
 * "ｺｿﾀﾞﾃ", "こそだて" and "コソダテ" all mark the text the reader wrote.
 */
import { foldSearchCharacters, toSearchText } from "../platform/search.ts";
import { spellingsOf } from "./synonyms.ts";

export const MAX_QUERY_LENGTH = 100;
export const MAX_QUERY_WORDS = 5;

/** The words of a query, normalised like searchText: spaces (any width) separate words (AND). */
export function searchWords(query: string): string[] {
  const words = toSearchText(query.slice(0, MAX_QUERY_LENGTH)).split(" ").filter(Boolean);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** Marks that belong to the character before them (combining marks, half-width ﾞ and ﾟ). */
const COMBINING = /^[\p{M}\uFF9E\uFF9F]$/u;

type NormalisedText = {
  /** The text as toSearchText would give it (apart from the trimming of the end). */
  text: string;
  /** For each UTF-16 unit of `text`, the original range [start, end) it came from. */
  start: number[];
  end: number[];
};

/**
 * foldSearchCharacters of one character (with its marks), remembered: NFKC for every
 * character of every text shown was a large part of a directory page's time, and the texts
 * are made of a few thousand distinct characters. Bounded, in case of unusual input.
 */
const foldedPieces = new Map<string, string>();
function foldPiece(piece: string): string {
  let folded = foldedPieces.get(piece);
  if (folded === undefined) {
    folded = foldSearchCharacters(piece).replace(/\s+/g, " ");
    if (foldedPieces.size < 20_000) foldedPieces.set(piece, folded);
  }
  return folded;
}

/** toSearchText applied piece by piece with a map back to the original positions. */
export function normaliseWithMap(original: string): NormalisedText {
  const pieces: { start: number; end: number }[] = [];
  let i = 0;
  while (i < original.length) {
    const start = i;
    i += original.codePointAt(i)! > 0xffff ? 2 : 1;
    while (i < original.length) {
      const next = String.fromCodePoint(original.codePointAt(i)!);
      if (!COMBINING.test(next)) break;
      i += next.length;
    }
    pieces.push({ start, end: i });
  }
  let text = "";
  const startMap: number[] = [];
  const endMap: number[] = [];
  for (const piece of pieces) {
    const folded = foldPiece(original.slice(piece.start, piece.end));
    for (const unit of folded) {
      // Runs of spaces become one, and none at the start (as toSearchText trims).
      if (unit === " " && (text === "" || text.endsWith(" "))) continue;
      text += unit;
      for (let k = 0; k < unit.length; k++) {
        startMap.push(piece.start);
        endMap.push(piece.end);
      }
    }
  }
  return { text, start: startMap, end: endMap };
}

export type Range = { start: number; end: number };

/** Every occurrence of every word in the original text, as original ranges, sorted and merged. */
export function findMatches(original: string, words: readonly string[], normalised = normaliseWithMap(original)): Range[] {
  const ranges: Range[] = [];
  for (const word of words) {
    if (!word) continue;
    let from = 0;
    for (;;) {
      const at = normalised.text.indexOf(word, from);
      if (at === -1) break;
      ranges.push({ start: normalised.start[at], end: normalised.end[at + word.length - 1] });
      from = at + word.length;
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Text in pieces, each marked or not: rendered as <mark> without any HTML string. */
export type Highlighted = { text: string; mark: boolean }[];

function split(text: string, ranges: readonly Range[], offset: number): Highlighted {
  const out: Highlighted = [];
  let at = 0;
  for (const r of ranges) {
    const start = Math.max(r.start - offset, at);
    const end = Math.min(r.end - offset, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** The whole text with every match marked (for a group's name). */
export function highlight(original: string, words: readonly string[]): Highlighted {
  return split(original, findMatches(original, words), 0);
}

/** Keeps a cut from splitting a surrogate pair or separating a mark from its base. */
function safeCut(text: string, at: number, direction: -1 | 1): number {
  let i = Math.max(0, Math.min(text.length, at));
  const code = (k: number) => text.charCodeAt(k);
  const isLowSurrogate = (k: number) => k > 0 && k < text.length && code(k) >= 0xdc00 && code(k) <= 0xdfff;
  const isMark = (k: number) => k > 0 && k < text.length && COMBINING.test(String.fromCodePoint(text.codePointAt(k)!));
  while (isLowSurrogate(i) || isMark(i)) i += direction;
  return i;
}

export type Excerpt = { parts: Highlighted; before: boolean; after: boolean; matched: boolean };

/**
 * A short piece of `original` around the first match of any word, matches marked, with an
 * ellipsis flag on each side where text was cut. Without a match (the words matched another
 * part of the profile, or there are none), the beginning of the text.
 */
export function excerpt(original: string, words: readonly string[], length = 80): Excerpt {
  const text = original.replace(/\s+/g, " ").trim();
  const matches = words.length ? findMatches(text, words) : [];
  if (matches.length === 0) {
    const end = safeCut(text, length, -1);
    return { parts: text ? [{ text: text.slice(0, end), mark: false }] : [], before: false, after: end < text.length, matched: false };
  }
  const first = matches[0];
  const lead = Math.floor(length / 3);
  let start = Math.max(0, first.start - lead);
  let end = Math.min(text.length, Math.max(first.end, start + length));
  if (end - start < length) start = Math.max(0, end - length);
  start = safeCut(text, start, -1);
  end = safeCut(text, end, 1);
  const window = text.slice(start, end);
  return { parts: split(window, matches, start), before: start > 0, after: end < text.length, matched: true };
}

export const DIRECTORY_PAGE_SIZE = 20;
/** ふりがな順 and 新しい順: an order by the name as written (kanji by code point) meant nothing to a reader. */
export const DIRECTORY_SORTS = ["kana", "new"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export type DirectoryQuery = {
  /** The search box as typed (trimmed, bounded), kept for the form. */
  q: string;
  words: string[];
  /** Each word's spellings (synonyms.ts), the word first: a group matches a word when it has any of them. */
  spellings: string[][];
  field: number | null;
  district: number | null;
  volunteers: boolean;
  sort: DirectorySort;
  page: number;
};

function positiveInt(value: string | null, max: number): number | null {
  if (!value || !/^\d{1,9}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 && n <= max ? n : null;
}

/** The directory's URL parameters; anything unexpected falls back to "no filter". */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const q = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH).trim();
  const sort = params.get("sort");
  const words = searchWords(q);
  return {
    q,
    words,
    spellings: words.map(spellingsOf),
    field: positiveInt(params.get("field"), 20),
    district: positiveInt(params.get("district"), 2 ** 31 - 1),
    volunteers: ["1", "on", "true"].includes(params.get("volunteers") ?? ""),
    sort: DIRECTORY_SORTS.find((s) => s === sort) ?? "kana",
    page: positiveInt(params.get("page"), 1_000_000) ?? 1,
  };
}

/** The URL of a directory page with the same search (for pagination links). */
export function directoryHref(query: DirectoryQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.field) params.set("field", String(query.field));
  if (query.district) params.set("district", String(query.district));
  if (query.volunteers) params.set("volunteers", "1");
  if (query.sort !== "kana") params.set("sort", query.sort);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/groups?${search}` : "/groups";
}

/**
 * The page numbers to offer: the first, the last, and two either side of the current one,
 * with null where numbers are left out (shown as an ellipsis).
 */
export function pageWindow(current: number, count: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - current) <= 2) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}
