/**
 * Districts and their 住民センター as staff manage them: list, edit, create, and the CSV
 * import/export in the 公共施設一覧 columns (自治体標準オープンデータセット) plus 行政区コード.
 * Every change writes its audit entry in the same transaction.
 */
import type { Actor } from "../auth/permissions.ts";
import { city } from "../config/city.ts";
import { CENTER_FIELDS, centerSchema, type CenterFields, type CenterInput, type DistrictInput } from "./forms.ts";
import { catalogueErrorMap } from "../platform/forms/validation.ts";
import { encodeMessage } from "../i18n/index.ts";
import { toCsv, unescapeFormula } from "../platform/csv.ts";
import { countRows, runImport, type ImportDefinition, type ImportReason, type ImportRun } from "../platform/import/pipeline.server.ts";
import { db, type Prisma } from "../platform/db.server.ts";
import { toSearchText } from "../platform/search.ts";
import { recordAudit } from "../platform/audit.server.ts";

type Tx = Prisma.TransactionClient;
type AuditActor = Pick<Actor, "id" | "role">;

// ---------------------------------------------------------------------------------------
// Districts

export type DistrictFilter = "" | "no-center" | "no-representative";

/** Districts in code order with their centres and representatives, filtered by text and by what they lack. */
export async function listDistrictsForAdmin({ q = "", filter = "" }: { q?: string; filter?: DistrictFilter } = {}) {
  const districts = await db.district.findMany({
    orderBy: { code: "asc" },
    where:
      filter === "no-center" ? { centers: { none: {} } } : filter === "no-representative" ? { members: { none: {} } } : undefined,
    include: {
      centers: { include: { center: { select: { id: true, name: true } } }, orderBy: { centerId: "asc" } },
      members: { include: { user: { select: { id: true, displayName: true, active: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const rows = districts.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    nameKana: d.nameKana,
    area: d.area,
    centers: d.centers.map((c) => c.center),
    representatives: d.members.map((m) => m.user),
  }));
  const needle = toSearchText(q);
  if (!needle) return rows;
  return rows.filter((d) => toSearchText([d.code, d.name, d.nameKana, d.area, ...d.centers.map((c) => c.name)].join(" ")).includes(needle));
}

export async function getDistrictForAdmin(id: number) {
  return db.district.findUnique({
    where: { id },
    include: {
      centers: { include: { center: { select: { id: true, name: true } } } },
      members: { include: { user: { select: { id: true, displayName: true, active: true } } } },
    },
  });
}

/** Every district for pick lists: code order. */
export async function listDistrictChoices() {
  return db.district.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true, area: true } });
}

const DISTRICT_FIELDS = ["name", "nameKana", "area"] as const;

/** Saves a district's name, kana and area; returns false when it does not exist. No change, no entry. */
export async function updateDistrict(actor: AuditActor, id: number, input: DistrictInput): Promise<{ found: boolean; changed: boolean }> {
  const outcome = await db.$transaction(async (tx) => {
    const before = await tx.district.findUnique({ where: { id } });
    if (!before) return { found: false, changed: false };
    const changes: Record<string, { from: string; to: string }> = {};
    for (const field of DISTRICT_FIELDS) {
      if (before[field] !== input[field]) changes[field] = { from: before[field], to: input[field] };
    }
    if (Object.keys(changes).length === 0) return { found: true, changed: false };
    await tx.district.update({ where: { id }, data: { name: input.name, nameKana: input.nameKana, area: input.area } });
    await recordAudit(
      { actor, action: "district.updated", targetType: "district", targetId: id, reason: input.reason, details: { code: before.code, changes } },
      tx,
    );
    return { found: true, changed: true };
  });
  // Every server's directory filter shows the new name on its next request: the rename raises
  // the directory's change counter, which keys the district list (listDistrictOptions).
  return outcome;
}

// ---------------------------------------------------------------------------------------
// Centres

export async function listCentersForAdmin(q = "") {
  const centers = await db.communityCenter.findMany({
    orderBy: { name: "asc" },
    include: { districts: { include: { district: { select: { id: true, code: true, name: true } } } } },
  });
  const rows = centers.map((c) => ({
    id: c.id,
    name: c.name,
    nameKana: c.nameKana,
    address: c.address,
    phone: c.phone,
    districts: c.districts.map((d) => d.district).sort((a, b) => a.code.localeCompare(b.code)),
  }));
  const needle = toSearchText(q);
  if (!needle) return rows;
  return rows.filter((c) =>
    toSearchText([c.name, c.nameKana, c.address, ...c.districts.flatMap((d) => [d.code, d.name])].join(" ")).includes(needle),
  );
}

export async function getCenterForAdmin(id: number) {
  const center = await db.communityCenter.findUnique({ where: { id }, include: { districts: { select: { districtId: true } } } });
  if (!center) return null;
  return { ...pickFields(center), id: center.id, districtIds: center.districts.map((d) => d.districtId) };
}

function pickFields(source: CenterFields): CenterFields {
  return Object.fromEntries(CENTER_FIELDS.map((f) => [f, source[f]])) as CenterFields;
}

export type CenterSaveResult =
  | { ok: true; id: number; changed: boolean }
  | { ok: false; notFound?: true; errors: Record<string, string> };

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

async function districtIdsOrError(tx: Tx, raw: string[]): Promise<number[] | null> {
  const ids = [...new Set(raw.map(Number))];
  if (ids.length === 0) return [];
  const found = await tx.district.count({ where: { id: { in: ids } } });
  return found === ids.length ? ids.sort((a, b) => a - b) : null;
}

async function codesOf(tx: Tx, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await tx.district.findMany({ where: { id: { in: ids } }, select: { code: true }, orderBy: { code: "asc" } });
  return rows.map((r) => r.code);
}

const NAME_TAKEN = { name: encodeMessage("admin.errors.centerNameTaken") };
const UNKNOWN_DISTRICT = { districtIds: encodeMessage("errors.choice") };

export async function createCenter(actor: AuditActor, input: CenterInput): Promise<CenterSaveResult> {
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.communityCenter.findUnique({ where: { name: input.name }, select: { id: true } })) return { ok: false, errors: NAME_TAKEN };
      const districtIds = await districtIdsOrError(tx, input.districtIds);
      if (!districtIds) return { ok: false, errors: UNKNOWN_DISTRICT };
      const center = await tx.communityCenter.create({
        data: { ...pickFields(input), districts: { create: districtIds.map((districtId) => ({ districtId })) } },
      });
      await recordAudit(
        {
          actor,
          action: "center.created",
          targetType: "center",
          targetId: center.id,
          reason: input.reason,
          details: { districtCodes: await codesOf(tx, districtIds) },
        },
        tx,
      );
      return { ok: true, id: center.id, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: NAME_TAKEN };
    throw error;
  }
}

export async function updateCenter(actor: AuditActor, id: number, input: CenterInput): Promise<CenterSaveResult> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.communityCenter.findUnique({ where: { id }, include: { districts: { select: { districtId: true } } } });
      if (!before) return { ok: false, notFound: true, errors: {} };
      const clash = await tx.communityCenter.findUnique({ where: { name: input.name }, select: { id: true } });
      if (clash && clash.id !== id) return { ok: false, errors: NAME_TAKEN };
      const districtIds = await districtIdsOrError(tx, input.districtIds);
      if (!districtIds) return { ok: false, errors: UNKNOWN_DISTRICT };
      const diff = diffCenter(before, before.districts.map((d) => d.districtId), input, districtIds);
      if (!diff.changed) return { ok: true, id, changed: false };
      await writeCenter(tx, id, input, districtIds, diff.districtsChanged);
      await recordAudit(
        {
          actor,
          action: "center.updated",
          targetType: "center",
          targetId: id,
          reason: input.reason,
          details: {
            fields: diff.fields,
            districtsAdded: await codesOf(tx, diff.added),
            districtsRemoved: await codesOf(tx, diff.removed),
          },
        },
        tx,
      );
      return { ok: true, id, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: NAME_TAKEN };
    throw error;
  }
}

function diffCenter(before: CenterFields, beforeDistricts: number[], after: CenterFields, afterDistricts: number[]) {
  const fields = CENTER_FIELDS.filter((f) => before[f] !== after[f]);
  const old = new Set(beforeDistricts);
  const next = new Set(afterDistricts);
  const added = afterDistricts.filter((d) => !old.has(d));
  const removed = beforeDistricts.filter((d) => !next.has(d));
  const districtsChanged = added.length > 0 || removed.length > 0;
  return { fields, added, removed, districtsChanged, changed: fields.length > 0 || districtsChanged };
}

async function writeCenter(tx: Tx, id: number, fields: CenterFields, districtIds: number[], districtsChanged: boolean) {
  await tx.communityCenter.update({ where: { id }, data: pickFields(fields) });
  if (!districtsChanged) return;
  await tx.districtCenter.deleteMany({ where: { centerId: id } });
  if (districtIds.length > 0) await tx.districtCenter.createMany({ data: districtIds.map((districtId) => ({ districtId, centerId: id })) });
}

// ---------------------------------------------------------------------------------------
// CSV: the 公共施設一覧 columns, in the standard's order, plus 行政区コード.

type CenterColumn =
  | { header: string; field: keyof CenterFields }
  | { header: string; fixed: (index: number) => string }
  | { header: string; districts: true };

export const CENTER_CSV_COLUMNS: readonly CenterColumn[] = [
  { header: "都道府県コード又は市区町村コード", fixed: () => city.code },
  { header: "NO", fixed: (index) => String(index + 1) },
  { header: "都道府県名", fixed: () => city.prefecture.ja },
  { header: "市区町村名", fixed: () => city.name.ja },
  { header: "名称", field: "name" },
  { header: "名称_カナ", field: "nameKana" },
  { header: "名称_通称", field: "alias" },
  { header: "POIコード", field: "poiCode" },
  { header: "住所", field: "address" },
  { header: "方書", field: "addressExtra" },
  { header: "緯度", field: "latitude" },
  { header: "経度", field: "longitude" },
  { header: "電話番号", field: "phone" },
  { header: "内線番号", field: "extension" },
  { header: "法人番号", field: "corporateNumber" },
  { header: "団体名", field: "organization" },
  { header: "利用可能曜日", field: "availableDays" },
  { header: "開始時間", field: "openTime" },
  { header: "終了時間", field: "closeTime" },
  { header: "利用可能日時特記事項", field: "availabilityNote" },
  { header: "説明", field: "description" },
  { header: "バリアフリー情報", field: "barrierFree" },
  { header: "URL", field: "url" },
  { header: "備考", field: "note" },
  { header: "行政区コード", districts: true },
];

export const CENTER_CSV_HEADERS = CENTER_CSV_COLUMNS.map((c) => c.header);
const DISTRICT_CODE_SEPARATOR = ";";

/** All centres as CSV (UTF-8 BOM, CRLF, formula-escaped), in the columns the import reads. */
export async function exportCentersCsv(): Promise<string> {
  const centers = await db.communityCenter.findMany({
    orderBy: { id: "asc" },
    include: { districts: { include: { district: { select: { code: true } } } } },
  });
  const rows = centers.map((center, index) =>
    CENTER_CSV_COLUMNS.map((column) => {
      if ("field" in column) return center[column.field];
      if ("fixed" in column) return column.fixed(index);
      return center.districts
        .map((d) => d.district.code)
        .sort()
        .join(DISTRICT_CODE_SEPARATOR);
    }),
  );
  return toCsv([CENTER_CSV_HEADERS, ...rows]);
}

export type ImportStatus = "create" | "update" | "unchanged" | "refused";
const STATUSES: readonly ImportStatus[] = ["create", "update", "unchanged", "refused"];
export type ImportRow = { row: number; name: string; status: ImportStatus; reasons: ImportReason[]; districtCodes: string[] };
export type ImportPreview = {
  /** A catalogue message when the file as a whole cannot be read; then there are no rows. */
  fileError?: string;
  rows: ImportRow[];
  counts: Record<ImportStatus, number>;
};

type PlannedRow = ImportRow & { fields?: CenterFields; districtIds?: number[]; centerId?: number; districtsChanged?: boolean };

/** Codes as people and spreadsheets write them: full-width digits, and "1" for "001" once Excel has dropped the zeros. */
function codeKey(code: string): string {
  const plain = code.normalize("NFKC").trim();
  return /^\d+$/.test(plain) ? plain.replace(/^0+(?=\d)/, "") : plain;
}

/**
 * The centres' part of the import pipeline. The file is applied whole, in one transaction
 * that also checks it, so a broken quote refuses the file and every row is judged against
 * the centres as they are when it is written. A centre with the same 名称 is updated, else
 * created; its district links become exactly the codes given.
 */
const CENTER_IMPORT: ImportDefinition<ImportStatus, PlannedRow> = {
  table: {
    columns: CENTER_CSV_HEADERS.map((header) => ({ header, required: true })),
    brokenRecords: "file",
    messages: {
      encoding: "admin.import.errors.encoding",
      empty: "admin.import.errors.empty",
      columns: "admin.import.errors.columns",
      cellCount: "admin.import.errors.cellCount",
      syntax: "admin.import.errors.syntax",
    },
  },
  nameOf: (record) => unescapeFormula(record.cell("名称")).normalize("NFC").trim(),
  async prepare(client) {
    const districts = await client.district.findMany({ select: { id: true, code: true } });
    const districtByKey = new Map(districts.map((d) => [codeKey(d.code), d]));
    const existing = await client.communityCenter.findMany({ include: { districts: { select: { districtId: true } } } });
    const existingByName = new Map(existing.map((c) => [c.name, c]));
    const firstRowOfName = new Map<string, number>();

    return ({ row, cell: raw }) => {
      const cell = (h: string) => unescapeFormula(raw(h));
      const name = cell("名称").normalize("NFC").trim();
      const reasons: ImportReason[] = [];
      const codes = cell("行政区コード")
        .split(/[;；]/)
        .map((c) => c.normalize("NFKC").trim())
        .filter(Boolean);
      const districtIds: number[] = [];
      const unknown: string[] = [];
      for (const code of codes) {
        const district = districtByKey.get(codeKey(code));
        if (district) districtIds.push(district.id);
        else unknown.push(code);
      }
      if (unknown.length > 0) reasons.push({ column: "行政区コード", message: encodeMessage("admin.import.errors.unknownDistrict", { codes: unknown.join(", ") }) });
      const input: Record<string, unknown> = { districtIds: districtIds.map(String) };
      for (const column of CENTER_CSV_COLUMNS) if ("field" in column) input[column.field] = cell(column.header);
      const parsed = centerSchema.safeParse(input, { error: catalogueErrorMap });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "");
          const column = CENTER_CSV_COLUMNS.find((c) => "field" in c && c.field === field)?.header ?? "";
          reasons.push({ column, message: issue.message });
        }
      }
      if (name) {
        const first = firstRowOfName.get(name);
        if (first !== undefined) reasons.push({ column: "名称", message: encodeMessage("admin.import.errors.duplicateName", { row: first }) });
        else firstRowOfName.set(name, row);
      }
      if (reasons.length > 0 || !parsed.success) return { row, name, status: "refused", reasons, districtCodes: codes };
      const fields = pickFields(parsed.data);
      const ids = [...new Set(districtIds)].sort((a, b) => a - b);
      const current = existingByName.get(fields.name);
      if (!current) return { row, name: fields.name, status: "create", reasons: [], districtCodes: codes, fields, districtIds: ids };
      const diff = diffCenter(current, current.districts.map((d) => d.districtId), fields, ids);
      return {
        row,
        name: fields.name,
        status: diff.changed ? "update" : "unchanged",
        reasons: [],
        districtCodes: codes,
        fields,
        districtIds: ids,
        centerId: current.id,
        districtsChanged: diff.districtsChanged,
      };
    };
  },
  writes: (row) => row.status === "create" || row.status === "update",
  async write(tx, row) {
    if (row.status === "update") {
      await writeCenter(tx, row.centerId!, row.fields!, row.districtIds!, row.districtsChanged!);
      return row;
    }
    const center = await tx.communityCenter.create({
      data: { ...row.fields!, districts: { create: row.districtIds!.map((districtId) => ({ districtId })) } },
    });
    return { ...row, centerId: center.id };
  },
};

function summarise(run: ImportRun<PlannedRow>): ImportPreview {
  return {
    fileError: run.fileError,
    counts: countRows(run.rows, STATUSES),
    rows: run.rows.map(({ row, name, status, reasons, districtCodes }) => ({ row, name, status, reasons, districtCodes })),
  };
}

/** What an import of this text would do, row by row. Nothing is written. */
export async function previewCenterImport(text: string): Promise<ImportPreview> {
  return summarise(await runImport(db, CENTER_IMPORT, { text }, { dryRun: true }));
}

/** Applies the rows the preview accepts (refused rows are skipped); one audit entry records the counts and the centres changed. */
export async function applyCenterImport(actor: AuditActor, text: string, reason: string): Promise<ImportPreview> {
  const run = await runImport(db, CENTER_IMPORT, { text }, {
    finish: async (tx, { rows }) => {
      const counts = countRows(rows, STATUSES);
      await recordAudit(
        {
          actor,
          action: "center.imported",
          targetType: "center",
          targetId: "csv",
          reason,
          details: {
            created: counts.create,
            updated: counts.update,
            unchanged: counts.unchanged,
            refused: counts.refused,
            createdIds: rows.filter((r) => r.status === "create").map((r) => r.centerId!),
            updatedIds: rows.filter((r) => r.status === "update").map((r) => r.centerId!),
          },
        },
        tx,
      );
    },
  });
  return summarise(run);
}
