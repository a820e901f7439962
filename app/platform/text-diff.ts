/**
 * What changed within a text, for a reviewer: jsdiff's word diff with the words found by
 * Intl.Segmenter, so Japanese (which has no spaces) is compared word by word, not letter by
 * letter (decision 0028). Whitespace is kept as typed.
 */
import { diffWordsWithSpace } from "diff";

export type TextChange = { kind: "same" | "added" | "removed"; text: string };

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

export function textChanges(before: string, after: string): TextChange[] {
  return diffWordsWithSpace(before, after, { intlSegmenter: segmenter }).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
