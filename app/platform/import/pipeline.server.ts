/**
 * The one import pipeline: read the file (table.ts) → check every row with the domain's own
 * rules → a report of what each row would do (a dry run stops here) → write the accepted rows
 * in transactions, with progress. The groups and the centres import run on it; events and
 * councils will too. The domain supplies the row check and the write; the pipeline owns the
 * order of the steps, the transactions, the counts and the progress.
 */
import type { CsvEncoding } from "../csv.ts";
import type { Db, Prisma } from "../db.server.ts";
import { readImportTable, type ImportHeader, type ImportReason, type ImportRecord, type ImportTableSpec } from "./table.ts";

export type { ImportColumn, ImportReason, ImportRecord, ImportTableSpec } from "./table.ts";

type Client = Db | Prisma.TransactionClient;

/** What one row does (the domain's statuses, "refused" among them) and why not, by column. */
export type ImportRowPlan<S extends string> = { row: number; name: string; status: S | "refused"; reasons: ImportReason[] };

export type ImportRun<P> = {
  dryRun: boolean;
  /** An encoded message when the file as a whole cannot be used; then there are no rows and nothing was written. */
  fileError?: string;
  encoding?: CsvEncoding;
  warnings: string[];
  rows: P[];
};

export type ImportDefinition<S extends string, P extends ImportRowPlan<S>> = {
  table: ImportTableSpec;
  /** Loads what the check needs (codes, records already there) and returns the check of one row. */
  prepare: (client: Client, header: ImportHeader) => Promise<(record: ImportRecord & { refused?: undefined }) => P>;
  /** The name a refused-while-reading row is reported under. */
  nameOf: (record: ImportRecord) => string;
  /** Whether a planned row writes anything. */
  writes: (row: P) => boolean;
  /** Writes one row; returns it as written (it may have found the record there meanwhile). */
  write: (tx: Prisma.TransactionClient, row: P) => Promise<P>;
  /**
   * Rows per transaction. Without it the whole import, check included, is one transaction:
   * all or nothing, judged against the data as it is then. With it, long imports let other
   * writers in between batches, and `write` must re-check what may have changed.
   */
  batchSize?: number;
};

export type ImportOptions<P> = {
  dryRun?: boolean;
  /** Shown in messages about the file. */
  fileName?: string;
  /** Checking a row is one step and writing it another: done of total. */
  onProgress?: (done: number, total: number) => void;
  /** After the writes, in the import's transaction when it has one: the audit entry of the run. */
  finish?: (client: Client, run: ImportRun<P>) => Promise<void>;
};

async function planRows<S extends string, P extends ImportRowPlan<S>>(
  client: Client,
  definition: ImportDefinition<S, P>,
  records: ImportRecord[],
  header: ImportHeader,
  step: () => void,
): Promise<P[]> {
  const check = await definition.prepare(client, header);
  return records.map((record) => {
    const planned: P = record.refused
      ? ({ row: record.row, name: definition.nameOf(record), status: "refused", reasons: record.refused } as P)
      : check(record as ImportRecord & { refused?: undefined });
    step();
    return planned;
  });
}

/** Runs an import of `input` (bytes of a file, or its text already decoded). Never throws for bad content. */
export async function runImport<S extends string, P extends ImportRowPlan<S>>(
  db: Db,
  definition: ImportDefinition<S, P>,
  input: { bytes: Uint8Array } | { text: string },
  options: ImportOptions<P> = {},
): Promise<ImportRun<P>> {
  const dryRun = options.dryRun ?? false;
  const read = readImportTable(input, definition.table, { fileName: options.fileName });
  if (!read.ok) return { dryRun, fileError: read.fileError, warnings: [], rows: [] };
  const { table } = read;
  const run = (rows: P[]): ImportRun<P> => ({ dryRun, encoding: table.encoding, warnings: table.warnings, rows });

  let done = 0;
  const total = table.records.length * (dryRun ? 1 : 2);
  const progress = () => options.onProgress?.(done, total);
  const step = () => {
    done++;
    if (done % 10 === 0) progress();
  };
  progress();

  if (dryRun) {
    const rows = await planRows(db, definition, table.records, table.header, step);
    done = total;
    progress();
    return run(rows);
  }

  const writeAll = async (tx: Prisma.TransactionClient, rows: P[]) => {
    const written: P[] = [];
    for (const row of rows) {
      written.push(definition.writes(row) ? await definition.write(tx, row) : row);
      step();
    }
    return written;
  };

  let rows: P[];
  if (definition.batchSize === undefined) {
    rows = await db.$transaction(
      async (tx) => {
        const planned = await planRows(tx, definition, table.records, table.header, step);
        const written = await writeAll(tx, planned);
        await options.finish?.(tx, run(written));
        return written;
      },
      { timeout: 120_000 },
    );
  } else {
    const planned = await planRows(db, definition, table.records, table.header, step);
    // A row that writes nothing has no second step.
    done += planned.filter((r) => !definition.writes(r)).length;
    progress();
    const written = new Map<P, P>();
    const writing = planned.filter(definition.writes);
    for (let start = 0; start < writing.length; start += definition.batchSize) {
      const batch = writing.slice(start, start + definition.batchSize);
      const results = await db.$transaction((tx) => writeAll(tx, batch), { timeout: 60_000 });
      batch.forEach((row, i) => written.set(row, results[i]));
      progress();
    }
    rows = planned.map((row) => written.get(row) ?? row);
    await options.finish?.(db, run(rows));
  }
  done = total;
  progress();
  return run(rows);
}

/** How many rows ended in each status. */
export function countRows<S extends string>(rows: readonly { status: S }[], statuses: readonly S[]): Record<S, number> {
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}
