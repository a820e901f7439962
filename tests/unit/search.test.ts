import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/platform/redirect.ts";
import { searchGrams, toSearchText } from "../../app/platform/search.ts";

describe("toSearchText", () => {
  it("folds half-width katakana, hiragana and katakana to the same text", () => {
    const a = toSearchText("ｱﾝﾅｶ");
    expect(a).toBe("アンナカ");
    expect(toSearchText("あんなか")).toBe(a);
    expect(toSearchText("アンナカ")).toBe(a);
  });

  it("combines half-width voiced marks", () => {
    expect(toSearchText("ｶﾞｯｺｳ")).toBe(toSearchText("がっこう"));
    expect(toSearchText("ﾊﾟﾝ")).toBe("パン");
  });

  it("folds full-width Latin letters and digits to lower-case ASCII", () => {
    expect(toSearchText("ＡＢＣ１２３")).toBe("abc123");
    expect(toSearchText("ABC")).toBe("abc");
  });

  it("collapses runs of spaces, including ideographic spaces, and trims", () => {
    expect(toSearchText("  安中 \u3000 市\t\n役所  ")).toBe("安中 市 役所");
    expect(toSearchText("松井田\u3000町")).toBe("松井田 町");
  });

  it("leaves kanji alone", () => {
    expect(toSearchText("安中市")).toBe("安中市");
  });

  it("folds the small hiragana and ゔ too", () => {
    expect(toSearchText("ぁゃっゔ")).toBe("ァャッヴ");
  });
});

describe("searchGrams", () => {
  it("gives each distinct two-character piece once, none across a space", () => {
    expect(searchGrams("人権の人権 会")).toEqual(["人権", "権の", "の人"]);
    expect(searchGrams("ab")).toEqual(["ab"]);
    expect(searchGrams("a")).toEqual([]);
    expect(searchGrams("")).toEqual([]);
  });

  it("counts a character outside the BMP as one character", () => {
    expect(searchGrams("𠮷野家")).toEqual(["𠮷野", "野家"]);
  });

  it("covers every two-character word of the text", () => {
    const text = toSearchText("碓氷ｶﾞｯｺｳ　子育て支援 ＮＰＯ");
    const grams = new Set(searchGrams(text));
    for (const word of ["碓氷", "ガッ", "子育", "np", "po"]) expect(grams.has(toSearchText(word)), word).toBe(true);
  });
});

describe("safeRedirectPath", () => {
  it.each(["/x?y=1", "/", "/districts", "/centers/12#map", "/search?q=%E5%AE%89"])("keeps same-site path %s", (v) => {
    expect(safeRedirectPath(v)).toBe(v);
  });

  it.each([
    ["//evil.example"],
    ["https://evil"],
    ["http://evil.example/x"],
    ["/\\evil"],
    ["relative"],
    [""],
    ["javascript:alert(1)"],
    ["/\tevil"],
    ["/x\r\nSet-Cookie: a=b"],
  ])("refuses %j", (v) => {
    expect(safeRedirectPath(v)).toBe("/");
  });

  it("refuses non-strings", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(new File(["x"], "x.txt"))).toBe("/");
  });

  it("refuses very long paths", () => {
    expect(safeRedirectPath("/" + "a".repeat(2000))).toBe("/");
    expect(safeRedirectPath("/" + "a".repeat(1999))).toBe("/" + "a".repeat(1999));
  });

  it("uses the given fallback", () => {
    expect(safeRedirectPath("//evil", "/account")).toBe("/account");
    expect(safeRedirectPath("/ok", "/account")).toBe("/ok");
  });
});
