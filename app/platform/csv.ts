/**
 * CSV as the municipal open-data rules use it (RFC 4180; UTF-8 with BOM and CRLF when we
 * write), and as people actually send it: UTF-8 with or without BOM, or Shift_JIS from Excel.
 * Plain module: no server-only imports.
 *
 * One reader (parseCsvRows; parseCsv is its strict form) and one writer (toCsv, csv-stringify).
 * The reader is our own: csv-parse drops every record after an unclosed quote and cannot keep
 * a quote inside an unquoted cell while refusing text after a closing quote (decision 0016).
 */
import { stringify } from "csv-stringify/sync";

const UTF8_BOM = "\uFEFF";

export type CsvEncoding = "utf-8" | "shift_jis";

export class CsvError extends Error {
  constructor(
    /** What went wrong: "unterminated-quote", "text-after-quote", "undecodable". */
    readonly kind: "unterminated-quote" | "text-after-quote" | "undecodable",
    /** 1-based record number (the spreadsheet row) where it happened; 0 when not about a record. */
    readonly record: number,
  ) {
    super(`csv: ${kind}${record ? ` at record ${record}` : ""}`);
  }
}

/**
 * Bytes of an uploaded file to text. A UTF-8 BOM decides; otherwise strict UTF-8 is tried
 * first (plain ASCII is both), then Shift_JIS (the WHATWG decoder is Windows-31J, which is
 * what Excel writes). Bytes neither decodes cleanly are refused rather than guessed.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), encoding: "utf-8" };
    } catch {
      throw new CsvError("undecodable", 0);
    }
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // not UTF-8: try Shift_JIS below
  }
  try {
    return { text: new TextDecoder("shift_jis", { fatal: true }).decode(bytes), encoding: "shift_jis" };
  } catch {
    throw new CsvError("undecodable", 0);
  }
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell that a spreadsheet would run as a formula with an apostrophe. */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes escapeFormula, so that an exported file imports back to the same values. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Records to CSV text for download: UTF-8 BOM, CRLF after every record, fields quoted when
 * they need it, and every cell escaped against formula injection. csv-stringify quotes only
 * what holds the whole record delimiter, so a lone LF or CR, and edge spaces (which
 * spreadsheets trim), are asked for explicitly.
 */
export function toCsv(records: readonly (readonly string[])[], { bom = true }: { bom?: boolean } = {}): string {
  return stringify(
    records.map((r) => r.map(escapeFormula)),
    { bom, record_delimiter: "\r\n", quoted_match: /[\r\n]|^\s|\s$/ },
  );
}

/** One record as the reader reads it: its cells, or why it could not be read. */
export type CsvRow = {
  /** 1-based record number: the spreadsheet row (a quoted line break stays inside its record). */
  record: number;
  cells: string[];
  error?: "unterminated-quote" | "text-after-quote";
};

/**
 * Parses CSV text into records, for imports that report row by row. Quoted fields may hold
 * commas, line breaks and "" (a quote); CRLF, LF and CR all end a record; a BOM at the start
 * is dropped; the line break after the last record does not make an empty record (a blank
 * line in between does: [""]). A broken record (a quote that never closes, text after a
 * closing quote) does not stop the file: it is returned with its error and no cells, and
 * reading resumes on the line after the one its broken quoted field began on, so the records
 * after it keep their numbers.
 */
export function parseCsvRows(input: string): CsvRow[] {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let record: string[] = [];
  let cell = "";
  let started = false;
  let i = 0;
  const n = text.length;
  const reset = () => {
    record = [];
    cell = "";
    started = false;
  };
  const endRecord = () => {
    record.push(cell);
    rows.push({ record: rows.length + 1, cells: record });
    reset();
  };
  const breakRecord = (error: NonNullable<CsvRow["error"]>, quoteAt: number) => {
    rows.push({ record: rows.length + 1, cells: [], error });
    reset();
    let j = quoteAt;
    while (j < n && text[j] !== "\r" && text[j] !== "\n") j++;
    i = j >= n ? n : j + (text[j] === "\r" && text[j + 1] === "\n" ? 2 : 1);
  };
  while (i < n) {
    const c = text[i];
    if (c !== "\r" && c !== "\n") started = true;
    if (c === '"' && cell === "") {
      const quoteAt = i;
      let closed = false;
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        cell += text[i];
        i++;
      }
      if (!closed) {
        breakRecord("unterminated-quote", quoteAt);
      } else if (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        // Closed only by a quote on a later line: the quote on this line was never closed.
        breakRecord(/[\r\n]/.test(text.slice(quoteAt, i)) ? "unterminated-quote" : "text-after-quote", quoteAt);
      }
      continue;
    }
    if (c === ",") {
      record.push(cell);
      cell = "";
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    cell += c;
    i++;
  }
  if (started) endRecord();
  return rows;
}

/** The reader for files that must be whole: records of cells, or a CsvError naming the first broken record. */
export function parseCsv(input: string): string[][] {
  const rows = parseCsvRows(input);
  const broken = rows.find((r) => r.error);
  if (broken?.error) throw new CsvError(broken.error, broken.record);
  return rows.map((r) => r.cells);
}
