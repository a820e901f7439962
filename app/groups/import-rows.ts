/**
 * The columns of the city's group list and how one row of it becomes the input of
 * groupProfileSchema (the form's own validation). Plain module (no server imports), so the
 * unit tests reach it directly; the database side is import.server.ts, on the platform's import
 * pipeline.
 */
import type { groupProfileSchema, GroupProfileInput } from "./forms.ts";
import { catalogueErrorMap } from "../platform/forms/validation.ts";
import { encodeMessage, translator } from "../i18n/index.ts";
import { activityFieldLabel, groupsMessages } from "./messages/groups.ts";
import { unescapeFormula } from "../platform/csv.ts";
import type { ImportColumn as TableColumn, ImportReason } from "../platform/import/table.ts";
import { isIsoDate } from "../platform/dates.ts";
import { ACTIVITY_FIELDS, type GroupKind } from "./rules.ts";
import { fieldSpec, GROUP_FIELD_NAMES, type GroupField } from "./fields.ts";

/** A column of the import file: its Japanese header and the profile field it fills. */
export type ImportColumn = TableColumn & { field: string };

/**
 * The accepted columns, in the order of the sample file. A required column must be in the
 * header row (else the file is refused); an optional one may be left out (its cells are empty).
 */
export const GROUP_IMPORT_COLUMNS: readonly ImportColumn[] = GROUP_FIELD_NAMES.flatMap((field) => {
  const { csv, required } = fieldSpec(field);
  return csv ? [{ header: csv, field, required }] : [];
});

export const GROUP_IMPORT_HEADERS = GROUP_IMPORT_COLUMNS.map((c) => c.header);

/** The header of the column that fills a profile field ("" when none does). */
export function headerOfField(field: string): string {
  return GROUP_IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? "";
}

const YES = new Set(["はい", "1", "○", "〇", "◯", "●", "✓", "✔", "yes", "y", "true", "有", "あり", "有り"]);
const NO = new Set(["いいえ", "0", "", "no", "n", "false", "無", "なし", "無し", "×", "✕", "-", "ー"]);

/** はい/いいえ, 1/0, ○/empty (and a few spellings of each) → true/false; null when it is neither. */
export function parseYesNo(value: string): boolean | null {
  const v = value.normalize("NFKC").trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

const KINDS = new Map<string, GroupKind>([
  ["npo法人", "npo"],
  ["npo", "npo"],
  ["特定非営利活動法人", "npo"],
  ["ボランティア団体・任意団体", "volunteer"],
  ["ボランティア団体", "volunteer"],
  ["任意団体", "volunteer"],
  ["volunteer", "volunteer"],
  ["その他", "other"],
  ["other", "other"],
]);

/** The kind column: the form's labels (NPO法人 / ボランティア団体・任意団体 / その他) or npo/volunteer/other. */
export function parseKind(value: string): GroupKind | null {
  return KINDS.get(value.normalize("NFKC").replace(/\s+/g, "").toLowerCase()) ?? null;
}

/** Codes as spreadsheets write them: full-width digits, and "1" for "001" once Excel has dropped the zeros. */
export function districtCodeKey(code: string): string {
  const plain = code.normalize("NFKC").trim();
  return /^\d+$/.test(plain) ? plain.replace(/^0+(?=\d)/, "") : plain;
}

/** A list cell: ";" separates (also "；", "、", "," and line breaks, as people type lists). */
export function splitList(value: string): string[] {
  return value
    .split(/[;；、,，\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

const fieldKey = (label: string) => label.normalize("NFKC").replace(/[\s、,]/g, "").toLowerCase();

/** Activity fields by number (1–20) or by name as the catalogue labels them, in Japanese or English. */
const FIELD_BY_NAME = new Map<string, number>(
  ACTIVITY_FIELDS.flatMap((n) => {
    return [
      [fieldKey(activityFieldLabel(translator("ja", groupsMessages), n)), n],
      [fieldKey(activityFieldLabel(translator("en", groupsMessages), n)), n],
    ] as [string, number][];
  }),
);

export function parseActivityField(value: string): number | null {
  const v = value.normalize("NFKC").trim();
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return ACTIVITY_FIELDS.includes(n) ? n : null;
  }
  return FIELD_BY_NAME.get(fieldKey(v)) ?? null;
}

/**
 * The activity-field cell: ";" separates fields. Names themselves hold "、" (保健、医療又は福祉の
 * 増進), so "、" and "," separate only where every piece is a field ("13、2").
 */
export function parseActivityFields(value: string): { fields: number[]; unknown: string[] } {
  const fields: number[] = [];
  const unknown: string[] = [];
  for (const item of value.split(/[;；\n]/).map((v) => v.trim()).filter(Boolean)) {
    const whole = parseActivityField(item);
    if (whole !== null) {
      fields.push(whole);
      continue;
    }
    const pieces = item.split(/[、,，]/).map((v) => v.trim()).filter(Boolean);
    const parsed = pieces.map(parseActivityField);
    if (pieces.length > 1 && parsed.every((n) => n !== null)) fields.push(...(parsed as number[]));
    else unknown.push(item);
  }
  return { fields, unknown };
}

/** YYYY-MM-DD or YYYY/MM/DD (Excel writes 2015/4/1), full- or half-width; other text is left for the schema to refuse. */
export function normalizeDate(value: string): string {
  const v = value.normalize("NFKC").trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (!m) return v;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : v;
}

/** 会員数 as written: full-width digits, thousands separators and a trailing 人 are accepted. */
export function normalizeCount(value: string): string {
  return value.normalize("NFKC").trim().replace(/,/g, "").replace(/\s*(人|名)$/, "");
}

/** Excel shows a 13-digit number typed into a plain cell as 5.07E+12 (and loses digits). */
function isExponent(value: string): boolean {
  return /^\d(\.\d+)?e\+?\d+$/i.test(value.normalize("NFKC").trim());
}

/**
 * One data row (cells by header) → the raw input of groupProfileSchema, plus the reasons found
 * while reading it (a value that is none of the accepted spellings, an unknown district code
 * or field). The representative's name is imported but never public: the city did not ask the
 * group. The schema then checks everything else exactly as the form does.
 */
export function mapImportRow(
  cell: (header: string) => string,
  districtIdByCode: ReadonlyMap<string, number>,
): { input: Record<string, unknown>; reasons: ImportReason[] } {
  const reasons: ImportReason[] = [];
  const value = (header: string) => unescapeFormula(cell(header));

  const yesNo = (header: string): string => {
    const raw = value(header);
    const answer = parseYesNo(raw);
    if (answer === null) reasons.push({ column: header, message: encodeMessage("groupImport.reason.yesNo", { value: raw.trim() }) });
    return answer ? "on" : "";
  };

  const kindCell = value("団体種別");
  const kind = parseKind(kindCell);
  if (kind === null) {
    reasons.push({
      column: "団体種別",
      message: kindCell.trim() === "" ? encodeMessage("errors.required") : encodeMessage("groupImport.reason.kind", { value: kindCell.trim() }),
    });
  }

  const corporateNumber = value("法人番号");
  if (isExponent(corporateNumber)) {
    reasons.push({ column: "法人番号", message: encodeMessage("groupImport.reason.exponent", { value: corporateNumber.trim() }) });
  }

  const districtIdsOf = (header: string, codes: string[]): string[] => {
    const unknown = codes.filter((code) => !districtIdByCode.has(districtCodeKey(code)));
    if (unknown.length > 0) reasons.push({ column: header, message: encodeMessage("groupImport.reason.district", { codes: unknown.join(", ") }) });
    return codes.flatMap((code) => {
      const id = districtIdByCode.get(districtCodeKey(code));
      return id === undefined ? [] : [String(id)];
    });
  };
  const mainDistrictId = districtIdsOf("主な活動地区コード", [value("主な活動地区コード").trim()].filter(Boolean))[0] ?? "";
  const districtIds = districtIdsOf("活動地区コード", splitList(value("活動地区コード")));

  const { fields, unknown: unknownFields } = parseActivityFields(value("活動分野"));
  const activityFields = fields.map(String);
  if (unknownFields.length > 0) {
    reasons.push({ column: "活動分野", message: encodeMessage("groupImport.reason.field", { values: unknownFields.join(", ") }) });
  }

  // Every column by the kind of its field; the kinds read above are set after.
  const cellOf = (field: GroupField): unknown => {
    const { kind: fieldKind, csv } = fieldSpec(field);
    if (!csv) return "";
    switch (fieldKind) {
      case "checkbox":
        return yesNo(csv);
      case "phone":
      case "email":
        return value(csv).normalize("NFKC").trim();
      case "url":
        return value(csv).trim();
      default:
        return value(csv);
    }
  };
  const input: Record<string, unknown> = {
    ...Object.fromEntries(GROUP_FIELD_NAMES.map((field) => [field, cellOf(field)])),
    kind: kind ?? kindCell,
    corporateNumber,
    mainDistrictId,
    districtIds,
    activityFields,
    foundedOn: normalizeDate(value("設立年月日")),
    memberCount: normalizeCount(value("会員数")),
  };
  return { input, reasons };
}

/**
 * A data row read and validated: the profile, or every reason it is refused, each under the
 * column it comes from. A column already refused while reading it (an unknown kind or code)
 * is not refused again by the schema.
 */
export function validateImportRow(
  cell: (header: string) => string,
  districtIdByCode: ReadonlyMap<string, number>,
  schema: ReturnType<typeof groupProfileSchema>,
): { data: GroupProfileInput; reasons: [] } | { data: null; reasons: ImportReason[] } {
  const mapped = mapImportRow(cell, districtIdByCode);
  const reasons = [...mapped.reasons];
  const parsed = schema.safeParse(mapped.input, { error: catalogueErrorMap });
  if (!parsed.success) {
    const flagged = new Set(reasons.map((r) => r.column));
    for (const issue of parsed.error.issues) {
      const column = headerOfField(String(issue.path[0] ?? ""));
      if (column !== "" && flagged.has(column)) continue;
      if (reasons.some((r) => r.column === column && r.message === issue.message)) continue;
      reasons.push({ column, message: issue.message });
    }
  }
  if (parsed.success && reasons.length === 0) return { data: parsed.data, reasons: [] };
  return { data: null, reasons };
}
