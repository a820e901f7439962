/**
 * Readings and other spellings of common activity words, so that a search in hiragana finds
 * what is written in kanji (こども → 子ども, 子供; ふくし → 福祉) and the other way round.
 * Katakana and full/half width need no entry: the search folds them (platform/search.ts).
 * A word that contains one of these (子ども食堂) is searched in each spelling (こども食堂, 子供食堂),
 * any of them matching. A plain module: the unit tests and the directory read it.
 */
import { toSearchText } from "../platform/search.ts";

/** Each line: the spellings of one word. Add a line to teach the directory a new word. */
const SPELLINGS: readonly (readonly string[])[] = [
  ["子ども", "こども", "子供"],
  ["子育て", "こそだて"],
  ["福祉", "ふくし"],
  ["高齢者", "こうれいしゃ", "お年寄り", "おとしより"],
  ["障がい", "障害", "しょうがい", "障碍"],
  ["環境", "かんきょう"],
  ["まちづくり", "街づくり", "町づくり", "まち作り", "街作り", "町作り"],
  ["国際交流", "こくさいこうりゅう"],
  ["外国人", "がいこくじん"],
  ["防災", "ぼうさい"],
  ["防犯", "ぼうはん"],
  ["交通安全", "こうつうあんぜん"],
  ["人権", "じんけん"],
  ["男女共同参画", "だんじょきょうどうさんかく"],
  ["介護", "かいご"],
  ["健康", "けんこう"],
  ["文化", "ぶんか"],
  ["芸術", "げいじゅつ"],
  ["観光", "かんこう"],
  ["歴史", "れきし"],
  ["自然", "しぜん"],
  ["森林", "しんりん"],
  ["里山", "さとやま"],
  ["農業", "のうぎょう"],
  ["読み聞かせ", "よみきかせ", "読みきかせ"],
  ["見守り", "みまもり"],
  ["食堂", "しょくどう"],
  ["食育", "しょくいく"],
  ["料理", "りょうり"],
  ["地域", "ちいき"],
  ["手話", "しゅわ"],
  ["点字", "てんじ"],
  ["青少年", "せいしょうねん"],
  ["教育", "きょういく"],
  ["学習", "がくしゅう"],
  ["清掃", "せいそう"],
  ["美化", "びか"],
  ["温泉", "おんせん"],
  ["祭り", "まつり"],
  ["音楽", "おんがく"],
  ["相談", "そうだん"],
  ["支援", "しえん"],
  ["居場所", "いばしょ"],
  ["子育て支援", "こそだてしえん"],
];

/** At most this many spellings of one search word go into the query. */
export const MAX_SPELLINGS = 6;

/** The table as the search compares it (folded like searchText), the lines with the longest spellings first. */
const FOLDED = SPELLINGS.map((line) => [...new Set(line.map(toSearchText))]).sort(
  (a, b) => Math.max(...b.map((s) => s.length)) - Math.max(...a.map((s) => s.length)),
);

/**
 * The spellings to search for one search word (folded as searchWords gives it): the word
 * itself first, then the word with a known word in it written each other way.
 */
export function spellingsOf(word: string): string[] {
  const found = [word];
  for (const line of FOLDED) {
    for (const spelling of [...found]) {
      const known = line.find((s) => spelling.includes(s));
      if (!known) continue;
      for (const other of line) {
        const variant = spelling.replace(known, other);
        if (found.length < MAX_SPELLINGS && !found.includes(variant)) found.push(variant);
      }
    }
  }
  return found;
}
