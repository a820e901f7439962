/**
 * The first steps of every import: bytes → text (UTF-8 or Shift_JIS) → records → a header
 * row matched to the domain's columns → data rows, each either readable cells or the reason it
 * is refused (a broken quote, a wrong number of cells). Plain module: no server imports.
 * The wording is the domain's: it names its catalogue keys in ImportTableSpec.messages.
 */
import { encodeTableMessage, type AnyMessageKey } from "../../i18n/index.ts";
import { CsvError, decodeCsvBytes, parseCsvRows, type CsvEncoding } from "../csv.ts";

export type ImportColumn = { header: string; required: boolean };

/** Why a row is refused: the column's header ("" for the whole row) and an encoded catalogue message. */
export type ImportReason = { column: string; message: string };

type CommonMessages = {
  /** With { file } when the import names its file. */
  encoding: AnyMessageKey;
  empty: AnyMessageKey;
  /** { columns }: the required columns missing. */
  columns: AnyMessageKey;
  /** { count, expected } */
  cellCount: AnyMessageKey;
  /** { columns }: warnings about the header row, when the domain reports them. */
  missingOptional?: AnyMessageKey;
  unknownColumns?: AnyMessageKey;
};

export type ImportTableSpec = { columns: readonly ImportColumn[] } & (
  | {
      /** A record with a broken quote is refused by itself and reading goes on: a report of every row. */
      brokenRecords: "row";
      messages: CommonMessages & { header: AnyMessageKey; unterminatedQuote: AnyMessageKey; textAfterQuote: AnyMessageKey };
    }
  | {
      /** A broken quote anywhere refuses the file ({ row }): for an import applied as a whole. */
      brokenRecords: "file";
      messages: CommonMessages & { syntax: AnyMessageKey };
    }
);

/** Headers compared as people type them: NFKC (full-width letters, half-width kana), no spaces. */
export function headerKey(header: string): string {
  return header.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

export type ImportHeader = {
  /** Where each known column is, by its header as the spec spells it. */
  index: Map<string, number>;
  unknown: string[];
  missingRequired: string[];
  missingOptional: string[];
};

/** What the header row says: where each known column is, and what is missing or unknown. */
export function readHeader(cells: string[], columns: readonly ImportColumn[]): ImportHeader {
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const known = new Map(columns.map((c) => [headerKey(c.header), c.header]));
  cells.forEach((cell, i) => {
    const header = known.get(headerKey(cell));
    if (header === undefined) {
      if (cell.trim() !== "") unknown.push(cell.trim());
    } else if (!index.has(header)) {
      index.set(header, i);
    }
  });
  const missingRequired = columns.filter((c) => c.required && !index.has(c.header)).map((c) => c.header);
  const missingOptional = columns.filter((c) => !c.required && !index.has(c.header)).map((c) => c.header);
  return { index, unknown, missingRequired, missingOptional };
}

/**
 * A data row by its spreadsheet row number (the header is row 1) and its cells by header;
 * `refused` when it cannot be read at all (its cells are then "" or what could be read).
 */
export type ImportRecord = { row: number; cell: (header: string) => string; refused?: ImportReason[] };

export type ImportTable = {
  encoding?: CsvEncoding;
  header: ImportHeader;
  /** Encoded messages about the header row (columns missing or not used). */
  warnings: string[];
  /** Data rows, blank ones left out. */
  records: ImportRecord[];
};

/** Bytes of the file to text, or null when they are neither UTF-8 nor Shift_JIS. */
export function decodeImportBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | null {
  try {
    return decodeCsvBytes(bytes);
  } catch (error) {
    if (error instanceof CsvError) return null;
    throw error;
  }
}

/**
 * Reads an import file (bytes, or text already decoded) as the spec says. Never throws for
 * bad content: a file that cannot be used as a whole comes back as `fileError`.
 */
export function readImportTable(
  input: { bytes: Uint8Array } | { text: string },
  spec: ImportTableSpec,
  { fileName }: { fileName?: string } = {},
): { ok: true; table: ImportTable } | { ok: false; fileError: string } {
  const fileParams = fileName === undefined ? undefined : { file: fileName };
  const refuseFile = (fileError: string) => ({ ok: false as const, fileError });
  let text: string;
  let encoding: CsvEncoding | undefined;
  if ("bytes" in input) {
    const decoded = decodeImportBytes(input.bytes);
    if (!decoded) return refuseFile(encodeTableMessage(spec.messages.encoding, fileParams));
    ({ text, encoding } = decoded);
  } else {
    text = input.text;
  }
  const records = parseCsvRows(text);
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord || (!headerRecord.error && headerRecord.cells.every((c) => c.trim() === ""))) {
    return refuseFile(encodeTableMessage(spec.messages.empty, fileParams));
  }
  if (spec.brokenRecords === "file") {
    const broken = records.find((r) => r.error);
    if (broken) return refuseFile(encodeTableMessage(spec.messages.syntax, { row: broken.record }));
  } else if (headerRecord.error) {
    return refuseFile(encodeTableMessage(spec.messages.header, fileParams));
  }

  const header = readHeader(headerRecord.cells, spec.columns);
  if (header.missingRequired.length > 0) return refuseFile(encodeTableMessage(spec.messages.columns, { columns: header.missingRequired.join(", ") }));
  const warnings: string[] = [];
  if (header.missingOptional.length > 0 && spec.messages.missingOptional) {
    warnings.push(encodeTableMessage(spec.messages.missingOptional, { columns: header.missingOptional.join(", ") }));
  }
  if (header.unknown.length > 0 && spec.messages.unknownColumns) {
    warnings.push(encodeTableMessage(spec.messages.unknownColumns, { columns: header.unknown.join(", ") }));
  }

  const expected = headerRecord.cells.length;
  const rows: ImportRecord[] = [];
  for (const { record: row, cells, error } of dataRecords) {
    const cell = (h: string) => {
      const i = header.index.get(h);
      return i === undefined ? "" : (cells[i] ?? "");
    };
    if (error && spec.brokenRecords === "row") {
      const key = error === "unterminated-quote" ? spec.messages.unterminatedQuote : spec.messages.textAfterQuote;
      rows.push({ row, cell, refused: [{ column: "", message: encodeTableMessage(key) }] });
    } else if (cells.every((c) => c.trim() === "")) {
      continue;
    } else if (cells.length !== expected) {
      rows.push({ row, cell, refused: [{ column: "", message: encodeTableMessage(spec.messages.cellCount, { count: cells.length, expected }) }] });
    } else {
      rows.push({ row, cell });
    }
  }
  return { ok: true, table: { encoding, header, warnings, records: rows } };
}
