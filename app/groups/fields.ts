/**
 * The one table of a group profile's fields. Everything that lists profile fields is derived
 * from it: the form's schema (forms.ts), the form and the profile view (ui/group-form.tsx), the
 * GroupVersion columns and the form's values (group.server.ts), the review's diff and what its
 * audit entries may hold (review-forms.ts), the import columns (import-rows.ts) and the
 * open-data columns (directory.server.ts). Adding a field: a column in both Prisma schemas, one
 * migration per database, a row here (plus its label in the catalogues), and tests.
 * Plain module: the browser renders and validates from it.
 */
import type { AnyMessageKey } from "../i18n/index.ts";
import type { MessageKey } from "./messages/groupForm.ts";

/**
 * How a field is validated, shown and stored. `text` and `longText` need nothing but a row here;
 * the others have rules of their own in forms.ts (furigana, 法人番号, districts …).
 */
export type GroupFieldKind =
  | "text"
  | "longText"
  | "kana"
  | "kind"
  | "corporateNumber"
  | "checkbox"
  | "phone"
  | "email"
  | "url"
  | "district"
  | "districts"
  | "activityFields"
  | "date"
  | "count";

export type GroupFormSection = "basic" | "representative" | "contact" | "area" | "activity" | "members";

export type GroupFieldSpec = {
  kind: GroupFieldKind;
  /** The catalogue label (form, profile view, review diff, error summary). */
  label: MessageKey;
  /** The hint under the label; its {max} and {min} are the field's limits. */
  hint?: AnyMessageKey;
  /** Longest value in characters (text kinds). */
  max?: number;
  /** A profile submitted for review (or imported, or corrected by staff) must have it. */
  required: boolean;
  /** A draft must have it too (the name: drafts are listed by it); every other answer may wait. */
  requiredInDraft?: boolean;
  section: GroupFormSection;
  /** On the public page and in open data: always, never, or when the group chose so (representativePublic). */
  shown: "public" | "private" | "byChoice";
  /** An audit entry may hold its value; the others (personal data, free texts) by name only. */
  audited: boolean;
  /** The column header of the import file and of the open-data CSV; null when not a column. */
  csv: string | null;
  /** Its key in the open-data JSON when it differs from the field name (the file standard's names). */
  openDataKey?: string;
  /** Only an NPO法人 has it: the form hints so and the profile view leaves it out otherwise. */
  npoOnly?: boolean;
  rows?: number;
  autoComplete?: string;
};

export const GROUP_FIELDS = {
  name: { kind: "text", label: "groups.label.name", hint: "groupForm.hint.name", max: 100, required: true, requiredInDraft: true, section: "basic", shown: "public", audited: true, csv: "団体名" },
  nameKana: { kind: "kana", label: "groups.label.nameKana", hint: "groupForm.hint.nameKana", max: 100, required: true, section: "basic", shown: "public", audited: true, csv: "団体名_カナ" },
  kind: { kind: "kind", label: "groups.label.kind", required: true, section: "basic", shown: "public", audited: true, csv: "団体種別" },
  corporateNumber: { kind: "corporateNumber", label: "groups.label.corporateNumber", hint: "groupForm.hint.corporateNumber", max: 20, required: false, section: "basic", shown: "public", audited: true, csv: "法人番号", npoOnly: true },
  mainOfficeInCity: { kind: "checkbox", label: "groups.label.mainOfficeInCity", hint: "groupForm.hint.mainOfficeInCity", required: false, section: "basic", shown: "public", audited: true, csv: "主たる事務所市内", npoOnly: true },
  volunteerCenter: { kind: "checkbox", label: "groups.label.volunteerCenter", required: false, section: "basic", shown: "public", audited: true, csv: "ボランティアセンター登録" },
  representativeName: { kind: "text", label: "groups.label.representativeName", hint: "groupForm.hint.representativeName", max: 50, required: true, section: "representative", shown: "byChoice", audited: false, csv: "代表者名", autoComplete: "name" },
  representativePublic: { kind: "checkbox", label: "groups.label.representativePublic", required: false, section: "representative", shown: "private", audited: true, csv: null },
  phone: { kind: "phone", label: "groups.label.phone", hint: "groupForm.hint.phone", max: 20, required: false, section: "contact", shown: "public", audited: false, csv: "電話番号" },
  email: { kind: "email", label: "groups.label.email", hint: "groupForm.hint.email", max: 254, required: false, section: "contact", shown: "public", audited: false, csv: "メールアドレス" },
  website: { kind: "url", label: "groups.label.website", hint: "groupForm.hint.url", max: 500, required: false, section: "contact", shown: "public", audited: false, csv: "URL", openDataKey: "url" },
  sns: { kind: "url", label: "groups.label.sns", hint: "groupForm.hint.url", max: 500, required: false, section: "contact", shown: "public", audited: false, csv: "SNS" },
  mainDistrictId: { kind: "district", label: "groups.label.mainDistrictId", required: true, section: "area", shown: "public", audited: true, csv: "主な活動地区コード", openDataKey: "mainDistrictCode" },
  districtIds: { kind: "districts", label: "groups.label.districtIds", hint: "groupForm.hint.districtIds", required: false, section: "area", shown: "public", audited: true, csv: "活動地区コード", openDataKey: "districtCodes" },
  activityFields: { kind: "activityFields", label: "groups.label.activityFields", hint: "groupForm.hint.activityFields", required: true, section: "activity", shown: "public", audited: true, csv: "活動分野" },
  purpose: { kind: "longText", label: "groups.label.purpose", hint: "groupForm.hint.purpose", max: 2000, rows: 5, required: true, section: "activity", shown: "public", audited: false, csv: "目的" },
  activities: { kind: "longText", label: "groups.label.activities", hint: "groupForm.hint.activities", max: 4000, rows: 8, required: true, section: "activity", shown: "public", audited: false, csv: "活動内容" },
  foundedOn: { kind: "date", label: "groups.label.foundedOn", hint: "groupForm.hint.foundedOn", max: 10, required: true, section: "activity", shown: "public", audited: true, csv: "設立年月日" },
  memberCount: { kind: "count", label: "groups.label.memberCount", hint: "groupForm.hint.memberCount", max: 6, required: true, section: "members", shown: "public", audited: true, csv: "会員数" },
  welcomesMembers: { kind: "checkbox", label: "groups.label.welcomesMembers", required: false, section: "members", shown: "public", audited: true, csv: "会員募集" },
  welcomesVolunteers: { kind: "checkbox", label: "groups.label.welcomesVolunteers", required: false, section: "members", shown: "public", audited: true, csv: "ボランティア募集" },
  meetingPlace: { kind: "text", label: "groups.label.meetingPlace", hint: "groupForm.hint.meetingPlace", max: 200, required: false, section: "activity", shown: "public", audited: false, csv: "活動場所" },
} as const satisfies Record<string, GroupFieldSpec>;

export type GroupField = keyof typeof GROUP_FIELDS;
export type GroupFieldOf<K extends GroupFieldKind> = { [F in GroupField]: (typeof GROUP_FIELDS)[F]["kind"] extends K ? F : never }[GroupField];

/** The fields in the table's order: the order of the import file, the open data and the review's diff. */
export const GROUP_FIELD_NAMES = Object.keys(GROUP_FIELDS) as GroupField[];

export const fieldSpec = (name: GroupField): GroupFieldSpec => GROUP_FIELDS[name];

export function fieldsOfKind<K extends GroupFieldKind>(...kinds: K[]): GroupFieldOf<K>[] {
  return GROUP_FIELD_NAMES.filter((name) => (kinds as GroupFieldKind[]).includes(GROUP_FIELDS[name].kind)) as GroupFieldOf<K>[];
}

/** Kinds stored as a JSON list of ids in a GroupVersion column. */
export const LIST_FIELDS = fieldsOfKind("districts", "activityFields");

/** Free texts: validated, stored, imported and exported as they are, with no rule of their own. */
export const PLAIN_TEXT_FIELDS = fieldsOfKind("text", "longText");

/** Free texts everyone may read: copied as they are into the public profile and open data. */
export type PublicTextField = { [F in GroupField]: (typeof GROUP_FIELDS)[F] extends { kind: "text" | "longText"; shown: "public" } ? F : never }[GroupField];
export const PUBLIC_TEXT_FIELDS = PLAIN_TEXT_FIELDS.filter((name) => GROUP_FIELDS[name].shown === "public") as PublicTextField[];

/** The profile's columns of the open data: public fields with a CSV header, under their open-data key. */
export const OPEN_DATA_PROFILE_COLUMNS: readonly (readonly [string, string])[] = GROUP_FIELD_NAMES.flatMap((name) => {
  const { csv, shown, openDataKey } = fieldSpec(name);
  return csv && shown !== "private" ? [[openDataKey ?? name, csv] as const] : [];
});

export const GROUP_FORM_SECTIONS: readonly GroupFormSection[] = ["basic", "representative", "contact", "area", "activity", "members"];

/** The fields of a form section in the table's order. */
export const fieldsOfSection = (section: GroupFormSection): GroupField[] => GROUP_FIELD_NAMES.filter((name) => GROUP_FIELDS[name].section === section);
