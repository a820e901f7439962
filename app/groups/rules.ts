/**
 * Rules of the group registry that the form, the import and the review share. Plain module:
 * the browser uses it to validate as the server does.
 */
import { UPLOAD_KINDS } from "../platform/uploads/kinds.ts";

export const GROUP_KINDS = ["npo", "volunteer", "other"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The 20 activity fields of NPO法 別表 (labels in the catalogue: groups.field.N). */
export const ACTIVITY_FIELDS = Array.from({ length: 20 }, (_, i) => i + 1);

/**
 * Furigana: hiragana or katakana (full- or half-width), long vowel mark, middle dot and spaces.
 * Stored as full-width katakana.
 */
export function normalizeFurigana(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

export function isFurigana(normalized: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB\u3000 ]+$/.test(normalized);
}

/** The identity of a group without 法人番号: NFKC name and furigana, spaces removed. */
export function identityKeyOf(name: string, nameKana: string): string {
  const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return `${fold(name)}|${fold(normalizeFurigana(nameKana))}`;
}

/** Limits that are not a profile field's length (those are in fields.ts). */
export const GROUP_LIMITS = {
  /** Municipal registration rules usually require at least five members. */
  minMembers: 5,
  maxMembers: 99_999,
  logoBytes: UPLOAD_KINDS.logo.maxBytes,
} as const;

/** The two reasons indicator 6-1 (NPO・ボランティア登録団体数) counts a registered group for. */
export type GroupsRegisteredReasons = { npoInCity: boolean; volunteerCenter: boolean };

/**
 * Why 6-1 counts a group with this profile (the version in force), or null when it does not:
 * an NPO法人 with its main office (主たる事務所) in the city, or a group registered at the
 * 社会福祉協議会 ボランティアセンター (domain.md). A group that is both counts once.
 */
export function groupsRegisteredReasons(profile: { kind: string; mainOfficeInCity: boolean; volunteerCenter: boolean }): GroupsRegisteredReasons | null {
  const npoInCity = profile.kind === "npo" && profile.mainOfficeInCity;
  if (!npoInCity && !profile.volunteerCenter) return null;
  return { npoInCity, volunteerCenter: profile.volunteerCenter };
}

/**
 * A draft may leave the number of members unanswered; its column holds this then, below the
 * minimum any submitted profile has (GROUP_LIMITS.minMembers).
 */
export const UNANSWERED_MEMBER_COUNT = 0;

/** The number of members as given, or null where a draft left it unanswered (never shown as 0人). */
export function givenMemberCount(stored: number | null | undefined): number | null {
  return stored === null || stored === undefined || stored === UNANSWERED_MEMBER_COUNT ? null : stored;
}
