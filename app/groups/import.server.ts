/**
 * Importing the city's existing group list (`npm run import:groups -- FILE.csv [--dry-run]`).
 *
 * Every row is validated with groupProfileSchema, exactly as the registration form does. A row
 * is the same group as a registered one when its 法人番号 matches, otherwise when its name and
 * furigana match (identityKeyOf); such rows change nothing, so importing a file twice is
 * harmless. Accepted rows become active groups marked imported, with an approved, published
 * version and an approved registration for the current fiscal year; the representative's name
 * is kept but not public. One audit entry records the run (counts and file name only).
 */
import path from "node:path";
import { groupProfileSchema, type GroupProfileInput } from "./forms.ts";
import { encodeMessage, translateMessage, type Lang, type T } from "../i18n/index.ts";
import type { groupImportMessages } from "./messages/groupImport.ts";
import { now } from "../platform/clock.server.ts";
import type { CsvEncoding } from "../platform/csv.ts";
import type { Db, Prisma } from "../platform/db.server.ts";
import { fiscalYearAt, fiscalYearLabel, formatIsoDate, lastValidDay, tokyoDate } from "../platform/dates.ts";
import { recordAudit } from "../platform/audit.server.ts";
import { countRows, runImport, type ImportDefinition, type ImportReason, type ImportTableSpec } from "../platform/import/pipeline.server.ts";
import { districtCodeKey, GROUP_IMPORT_COLUMNS, validateImportRow } from "./import-rows.ts";
import { identityKeyOf } from "./rules.ts";
import { fiscalYearValidity, publishVersion, versionColumns } from "./group.server.ts";

export type GroupImportStatus = "accepted" | "refused" | "present";
export type GroupImportMatch = "corporateNumber" | "name";
const STATUSES: readonly GroupImportStatus[] = ["accepted", "refused", "present"];

export type GroupImportRow = {
  /** The spreadsheet row: the header is row 1, the first data row is row 2. */
  row: number;
  name: string;
  status: GroupImportStatus;
  reasons: ImportReason[];
  /** For "present": the registered group the row matched, and by what. */
  groupId?: number;
  match?: GroupImportMatch;
};

export type GroupImportResult = {
  fileName: string;
  dryRun: boolean;
  /** An encoded catalogue message when the file as a whole cannot be used; then nothing was written. */
  fileError?: string;
  encoding?: CsvEncoding;
  /** Encoded catalogue messages about the header row (columns missing or not used). */
  warnings: string[];
  rows: GroupImportRow[];
  counts: Record<GroupImportStatus, number>;
  /** Groups written by this run (0 in a dry run). */
  createdGroupIds: number[];
  fiscalYear: number;
  validUntil: Date;
};

export type GroupImportOptions = {
  bytes: Uint8Array;
  /** Shown in the report and kept in the audit entry: the base name only. */
  fileName: string;
  dryRun?: boolean;
  /** Called as rows are checked and written: done of total steps. */
  onProgress?: (done: number, total: number) => void;
};

type PlannedRow = GroupImportRow & { input?: GroupProfileInput; identityKey?: string; created?: boolean };

const GROUP_TABLE: ImportTableSpec = {
  columns: GROUP_IMPORT_COLUMNS,
  brokenRecords: "row",
  messages: {
    encoding: "groupImport.errors.encoding",
    empty: "groupImport.errors.empty",
    header: "groupImport.errors.header",
    columns: "groupImport.errors.columns",
    cellCount: "groupImport.reason.cellCount",
    unterminatedQuote: "groupImport.reason.unterminatedQuote",
    textAfterQuote: "groupImport.reason.textAfterQuote",
    missingOptional: "groupImport.warn.missingOptional",
    unknownColumns: "groupImport.warn.unknownColumns",
  },
};

/**
 * The registry's part of the pipeline: rows checked with the registration form's schema and
 * matched against registered groups (by 法人番号, else by name and furigana) and earlier rows;
 * accepted rows written as imported, approved groups. Batches of 25 rows per transaction keep
 * the portal writable while a long list imports.
 */
function groupImport(at: Date, fiscalYear: number, validUntil: Date): ImportDefinition<GroupImportStatus, PlannedRow> {
  return {
    table: GROUP_TABLE,
    batchSize: 25,
    nameOf: (record) => record.cell("団体名").normalize("NFC").trim(),
    async prepare(client) {
      const districts = await client.district.findMany({ select: { id: true, code: true } });
      const districtIdByCode = new Map(districts.map((d) => [districtCodeKey(d.code), d.id]));
      const existing = await client.group.findMany({
        where: { OR: [{ corporateNumber: { not: null } }, { identityKey: { not: "" } }] },
        select: { id: true, corporateNumber: true, identityKey: true },
      });
      const byNumber = new Map(existing.filter((g) => g.corporateNumber).map((g) => [g.corporateNumber!, g.id]));
      const byKey = new Map(existing.filter((g) => g.identityKey).map((g) => [g.identityKey, g.id]));
      const rowOfNumber = new Map<string, number>();
      const rowOfKey = new Map<string, number>();
      const schema = groupProfileSchema(tokyoDate(at));

      return (record) => {
        const { row } = record;
        const refuse = (name: string, reasons: ImportReason[]): PlannedRow => ({ row, name, status: "refused", reasons });
        const checked = validateImportRow(record.cell, districtIdByCode, schema);
        if (!checked.data) return refuse(record.cell("団体名").normalize("NFC").trim(), checked.reasons);

        const input = checked.data;
        const identityKey = identityKeyOf(input.name, input.nameKana);
        const number = input.corporateNumber;
        // The same group: by 法人番号 first, otherwise by name and furigana.
        const registeredId = number ? byNumber.get(number) : undefined;
        if (registeredId !== undefined) return { row, name: input.name, status: "present", reasons: [], groupId: registeredId, match: "corporateNumber" };
        const namedId = byKey.get(identityKey);
        if (namedId !== undefined) return { row, name: input.name, status: "present", reasons: [], groupId: namedId, match: "name" };
        const earlierByNumber = number ? rowOfNumber.get(number) : undefined;
        if (earlierByNumber !== undefined) {
          return refuse(input.name, [{ column: "", message: encodeMessage("groupImport.reason.duplicateNumber", { row: earlierByNumber }) }]);
        }
        const earlierByName = rowOfKey.get(identityKey);
        if (earlierByName !== undefined) {
          return refuse(input.name, [{ column: "", message: encodeMessage("groupImport.reason.duplicateName", { row: earlierByName }) }]);
        }
        if (number) rowOfNumber.set(number, row);
        rowOfKey.set(identityKey, row);
        return { row, name: input.name, status: "accepted", reasons: [], input, identityKey };
      };
    },
    writes: (row) => row.status === "accepted",
    write: (tx, row) => writeGroup(tx, row, at, fiscalYear, validUntil),
  };
}

async function writeGroup(tx: Prisma.TransactionClient, row: PlannedRow, at: Date, fiscalYear: number, validUntil: Date): Promise<PlannedRow> {
  const input = row.input!;
  // Registered meanwhile (say, approved by staff while this ran)? Then it is present.
  const byCorporateNumber = input.corporateNumber
    ? await tx.group.findUnique({ where: { corporateNumber: input.corporateNumber }, select: { id: true } })
    : null;
  const found = byCorporateNumber ?? (await tx.group.findFirst({ where: { identityKey: row.identityKey! }, select: { id: true } }));
  if (found) return { ...row, status: "present", groupId: found.id, match: byCorporateNumber ? "corporateNumber" : "name" };
  const group = await tx.group.create({ data: { state: "active", imported: true, createdAt: at } });
  const version = await tx.groupVersion.create({
    data: {
      groupId: group.id,
      status: "approved",
      ...versionColumns({ ...input, representativePublic: false }),
      createdById: null,
      createdAt: at,
      submittedAt: at,
      decidedAt: at,
      decidedById: null,
    },
  });
  await publishVersion(tx, group.id, version.id);
  await tx.groupRegistration.create({
    data: {
      groupId: group.id,
      fiscalYear,
      kind: "imported",
      status: "approved",
      submittedAt: at,
      decidedAt: at,
      validFrom: at,
      validUntil,
      createdAt: at,
    },
  });
  return { ...row, created: true, groupId: group.id };
}

/** Reads, checks and (unless dryRun) imports a group list. Never throws for bad content. */
export async function importGroups(client: Db, options: GroupImportOptions): Promise<GroupImportResult> {
  const at = now();
  const fiscalYear = fiscalYearAt(at);
  const { validUntil } = fiscalYearValidity(fiscalYear);
  const fileName = path.basename(options.fileName);
  const dryRun = options.dryRun ?? false;
  const run = await runImport(client, groupImport(at, fiscalYear, validUntil), { bytes: options.bytes }, {
    dryRun,
    fileName,
    onProgress: options.onProgress,
    finish: async (db, { rows, encoding }) => {
      const counts = countRows(rows, STATUSES);
      await recordAudit(
        {
          actor: null,
          action: "groups.imported",
          targetType: "group",
          targetId: "import",
          details: {
            file: fileName,
            encoding,
            rows: rows.length,
            imported: rows.filter((r) => r.created).length,
            present: counts.present,
            refused: counts.refused,
            fiscalYear,
          },
        },
        db,
      );
    },
  });
  const rows = run.rows.map(({ row, name, status, reasons, groupId, match, created }) => ({
    row,
    name,
    status: created ? ("accepted" as const) : status,
    reasons,
    ...(groupId !== undefined && !created ? { groupId, match } : {}),
  }));
  return {
    fileName,
    dryRun,
    fileError: run.fileError,
    encoding: run.encoding,
    warnings: run.warnings,
    rows,
    counts: countRows(rows, STATUSES),
    createdGroupIds: run.rows.filter((r) => r.created).map((r) => r.groupId!),
    fiscalYear,
    validUntil,
  };
}

/** The report as lines of text in the reader's language: rows, reasons, totals. */
export function importReportLines(result: GroupImportResult, t: T<typeof groupImportMessages>, lang: Lang): string[] {
  const message = (encoded: string) => translateMessage(t, encoded) ?? encoded;
  if (result.fileError) return [message(result.fileError)];
  const lines: string[] = [t("groupImport.file.read", { file: result.fileName, encoding: result.encoding === "shift_jis" ? "Shift_JIS" : "UTF-8", rows: result.rows.length })];
  if (result.dryRun) lines.push(t("groupImport.file.dryRun"));
  for (const warning of result.warnings) lines.push(message(warning));
  for (const r of result.rows) {
    const name = oneLine(r.name) || t("groupImport.row.noName");
    if (r.status === "present") {
      const match = t(r.match === "corporateNumber" ? "groupImport.match.corporateNumber" : "groupImport.match.name");
      lines.push(t("groupImport.row.present", { row: r.row, name, match, id: r.groupId ?? "" }));
    } else if (r.status === "accepted") {
      lines.push(t(result.dryRun ? "groupImport.row.acceptable" : "groupImport.row.imported", { row: r.row, name }));
    } else {
      lines.push(t("groupImport.row.refused", { row: r.row, name }));
      for (const reason of r.reasons) {
        const text = message(reason.message);
        lines.push(reason.column ? t("groupImport.row.reason", { column: reason.column, message: text }) : t("groupImport.row.reasonRow", { message: text }));
      }
    }
  }
  const counts = { rows: result.rows.length, accepted: result.counts.accepted, present: result.counts.present, refused: result.counts.refused };
  lines.push(t(result.dryRun ? "groupImport.totalsDryRun" : "groupImport.totals", counts));
  if (!result.dryRun && result.createdGroupIds.length > 0) {
    lines.push(t("groupImport.registered", { fiscalYear: fiscalYearLabel(result.fiscalYear, lang), until: formatIsoDate(lastValidDay(result.validUntil), lang) }));
  }
  return lines;
}

/** Names in the report stay on one line whatever the cell held. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 100);
}
