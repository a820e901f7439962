import { describe, expect, it } from "vitest";
import { MAX_SPELLINGS, spellingsOf } from "../../app/groups/synonyms.ts";
import { searchWords } from "../../app/groups/search.ts";

/** The spellings of what a person types, as the directory searches them (folded to katakana). */
const spellings = (typed: string) => spellingsOf(searchWords(typed)[0]);
const folded = (...words: string[]) => words.map((w) => searchWords(w)[0]);

describe("search spellings (app/groups/synonyms.ts)", () => {
  it("finds the kanji of a word typed in hiragana, and the readings of a word typed in kanji", () => {
    expect(spellings("こども")).toEqual(folded("こども", "子ども", "子供"));
    expect(spellings("子供")).toEqual(folded("子供", "子ども", "こども"));
    expect(spellings("ふくし")).toEqual(folded("ふくし", "福祉"));
    expect(spellings("しょうがい")).toEqual(folded("しょうがい", "障がい", "障害", "障碍"));
    expect(spellings("町づくり")).toEqual(expect.arrayContaining(folded("まちづくり", "街づくり")));
  });

  it("treats katakana and half-width kana as the hiragana they fold to", () => {
    expect(spellings("コドモ")).toEqual(spellings("こども"));
    expect(spellings("ｺﾄﾞﾓ")).toEqual(spellings("こども"));
  });

  it("spells a known word inside a longer one each way, and keeps to a few spellings", () => {
    expect(spellings("子ども食堂")).toEqual(expect.arrayContaining(folded("子ども食堂", "こども食堂", "子供食堂")));
    expect(spellings("こどもしょくどう").length).toBeLessThanOrEqual(MAX_SPELLINGS);
    expect(spellings("こどもしょくどう")).toContain(searchWords("子ども食堂")[0]);
  });

  it("leaves a word it does not know as it is", () => {
    expect(spellings("風早")).toEqual(folded("風早"));
    expect(spellings("ぼらんてぃあ")).toEqual(folded("ボランティア"));
  });
});
