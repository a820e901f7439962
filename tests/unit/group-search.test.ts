import { describe, expect, it } from "vitest";
import {
  directoryHref,
  excerpt,
  findMatches,
  highlight,
  normaliseWithMap,
  pageWindow,
  parseDirectoryQuery,
  searchWords,
  type Highlighted,
} from "../../app/groups/search.ts";
import { toSearchText } from "../../app/platform/search.ts";

const marked = (parts: Highlighted) => parts.filter((p) => p.mark).map((p) => p.text);
const joined = (parts: Highlighted) => parts.map((p) => p.text).join("");

describe("searchWords", () => {
  it("normalises width and kana like the stored search text", () => {
    expect(searchWords("ｺｿﾀﾞﾃ")).toEqual(["コソダテ"]);
    expect(searchWords("こそだて")).toEqual(["コソダテ"]);
    expect(searchWords("ＮＰＯ法人")).toEqual(["npo法人"]);
    expect(searchWords("子育て")).toEqual([toSearchText("子育て")]);
  });

  it("splits on any spaces (AND), drops repeats and keeps one- and two-character words", () => {
    expect(searchWords("  人権\u3000子育  人権 ")).toEqual(["人権", "子育"]);
    expect(searchWords("碓")).toEqual(["碓"]);
    expect(searchWords("")).toEqual([]);
    expect(searchWords(" \u3000 ")).toEqual([]);
  });

  it("bounds the number of words and the length of the query", () => {
    expect(searchWords("a b c d e f g")).toHaveLength(5);
    expect(searchWords("あ".repeat(500))[0]).toHaveLength(100);
  });

  it("turns LIKE wildcards into ordinary characters on both sides", () => {
    expect(searchWords("100%")).toEqual(["100％"]);
    expect(searchWords("a_b")).toEqual(["a＿b"]);
    expect(searchWords("a\\b")).toEqual(["a＼b"]);
    expect(toSearchText("満足度100%の会")).toContain("100％");
    // Full-width input folds the same way.
    expect(searchWords("１００％")).toEqual(searchWords("100%"));
  });
});

describe("normaliseWithMap", () => {
  it("gives the same text as toSearchText", () => {
    for (const s of ["ｱﾝﾅｶ ｶﾞｯｺｳ", "  子育て\u3000サロン \n ", "ＡＢＣ１２３", "がっこう", "㈱安中", "😀絵文字", "100%_\\"]) {
      expect(normaliseWithMap(s).text.trim(), s).toBe(toSearchText(s));
    }
  });

  it("maps each normalised character back to the original characters", () => {
    const original = "ｶﾞｯｺｳ";
    const map = normaliseWithMap(original);
    expect(map.text).toBe("ガッコウ");
    // ガ came from two half-width characters (ｶ + ﾞ).
    expect(original.slice(map.start[0], map.end[0])).toBe("ｶﾞ");
    expect(original.slice(map.start[1], map.end[1])).toBe("ｯ");
  });
});

describe("findMatches and highlight", () => {
  it("marks the original text whatever width or kana the query used", () => {
    expect(marked(highlight("ｱｵﾊﾞ子育てﾈｯﾄ", searchWords("あおば")))).toEqual(["ｱｵﾊﾞ"]);
    expect(marked(highlight("あおば子育てネット", searchWords("ｱｵﾊﾞ")))).toEqual(["あおば"]);
    expect(marked(highlight("ＮＰＯ法人あおば", searchWords("npo")))).toEqual(["ＮＰＯ"]);
    expect(marked(highlight("人権と平和", searchWords("人権")))).toEqual(["人権"]);
  });

  it("marks every occurrence of every word and merges overlaps", () => {
    expect(marked(highlight("人権の会の人権講座", searchWords("人権")))).toEqual(["人権", "人権"]);
    expect(marked(highlight("子育てサロン", searchWords("子育 育て")))).toEqual(["子育て"]);
    expect(findMatches("abcabc", ["b", "c"])).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 6 },
    ]);
  });

  it("keeps the text intact and marks nothing without a match", () => {
    const parts = highlight("<script>alert(1)</script>", searchWords("人権"));
    expect(parts).toEqual([{ text: "<script>alert(1)</script>", mark: false }]);
    expect(highlight("", ["a"])).toEqual([]);
  });

  it("does not split surrogate pairs", () => {
    expect(marked(highlight("𠮷野家の会", searchWords("𠮷野")))).toEqual(["𠮷野"]);
  });
});

describe("excerpt", () => {
  const long = "安中市内で活動する団体です。".repeat(5) + "毎月第二土曜日に人権について考える講座を開いています。" + "会員を募集しています。".repeat(5);

  it("cuts a window around the first match and marks it", () => {
    const e = excerpt(long, searchWords("人権"), 40);
    expect(e.matched).toBe(true);
    expect(e.before).toBe(true);
    expect(e.after).toBe(true);
    expect(marked(e.parts)).toEqual(["人権"]);
    expect(joined(e.parts).length).toBeLessThanOrEqual(42);
    expect(long).toContain(joined(e.parts));
  });

  it("starts at the beginning when the match is near it", () => {
    const e = excerpt("人権講座の会です。", searchWords("人権"), 40);
    expect(e.before).toBe(false);
    expect(e.after).toBe(false);
    expect(e.parts[0]).toEqual({ text: "人権", mark: true });
  });

  it("shows the beginning, unmarked, when the words are not in this text", () => {
    const e = excerpt(long, searchWords("カワセミ"), 20);
    expect(e.matched).toBe(false);
    expect(e.before).toBe(false);
    expect(e.after).toBe(true);
    expect(joined(e.parts)).toBe(long.slice(0, 20));
    expect(excerpt("", [], 20).parts).toEqual([]);
  });

  it("marks the original characters found by a differently written query", () => {
    const e = excerpt("毎週ｻﾛﾝを開いています", searchWords("さろん"));
    expect(marked(e.parts)).toEqual(["ｻﾛﾝ"]);
  });

  it("folds line breaks into spaces", () => {
    expect(joined(excerpt("一行目\n\n二行目", [], 80).parts)).toBe("一行目 二行目");
  });
});

describe("directory query", () => {
  it("reads the parameters and falls back on anything odd", () => {
    const q = parseDirectoryQuery(new URLSearchParams("q=%E4%BA%BA%E6%A8%A9&field=13&district=7&volunteers=1&sort=new&page=3"));
    expect(q).toMatchObject({ q: "人権", words: ["人権"], field: 13, district: 7, volunteers: true, sort: "new", page: 3 });
    const odd = parseDirectoryQuery(new URLSearchParams("field=21&district=-1&volunteers=yes&sort=drop&page=0"));
    expect(odd).toMatchObject({ field: null, district: null, volunteers: false, sort: "kana", page: 1 });
    expect(parseDirectoryQuery(new URLSearchParams("field=1e1&page=2.5")).field).toBe(null);
    expect(parseDirectoryQuery(new URLSearchParams("")).sort).toBe("kana");
  });

  it("builds page links that keep the search", () => {
    const q = parseDirectoryQuery(new URLSearchParams("q=子育&field=13&volunteers=1"));
    expect(directoryHref(q, 2)).toBe("/groups?q=%E5%AD%90%E8%82%B2&field=13&volunteers=1&page=2");
    expect(directoryHref(q, 1)).toBe("/groups?q=%E5%AD%90%E8%82%B2&field=13&volunteers=1");
    expect(directoryHref(parseDirectoryQuery(new URLSearchParams()), 1)).toBe("/groups");
  });

  it("offers the first, the last and the pages near the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, null, 5]);
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
  });
});
