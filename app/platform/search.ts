/**
 * Japanese search normalisation: NFKC folds full- and half-width forms, hiragana is
 * folded to katakana, Latin letters to lower case, and runs of spaces to one.
 */
export function toSearchText(value: string): string {
  return foldSearchCharacters(value).replace(/\s+/g, " ").trim();
}

/**
 * toSearchText without the spacing rules, for mapping normalised text back to the original
 * piece by piece. After NFKC, the LIKE wildcards % and _ and the escape \ become their
 * full-width forms on both sides (stored text and query): Prisma's `contains` does not escape
 * them, and SQLite and PostgreSQL disagree about the escape character.
 */
export function foldSearchCharacters(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[%_\\]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .toLowerCase();
}

/**
 * The distinct two-character pieces (bigrams) of a search text, counting characters as code
 * points and leaving out pieces with a space: the rows of GroupSearchGram. A word of two or
 * more characters can only be in a text that has every piece of the word. The migration that
 * created the table computes the same pieces in SQL (substr, length).
 */
export function searchGrams(text: string): string[] {
  const chars = Array.from(text);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    if (!gram.includes(" ")) grams.add(gram);
  }
  return [...grams];
}
