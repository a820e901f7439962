/**
 * Japanese search normalisation: NFKC folds full- and half-width forms, hiragana is
 * folded to katakana, Latin letters to lower case, and runs of spaces to one.
 */
export function toSearchText(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
