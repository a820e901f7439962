/**
 * `npm run import:groups -- FILE.csv [--dry-run] [--lang ja|en]`
 * Imports the city's existing list of NPO and volunteer groups (columns: README, "Importing the
 * city's group list"; sample: docs/samples/groups-import-sample.csv). Prints a report of every
 * row (imported / already registered / refused with the reason) and the totals; a progress bar
 * goes to stderr. Exits 0 once the file was read, even when rows were refused; 1 with one line
 * for bad arguments, an unreadable file or a header row without a required column.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { translator, type Lang, type T } from "../app/i18n/index.ts";
import { groupImportMessages } from "../app/groups/messages/groupImport.ts";
import { progressBar } from "../app/platform/import/progress-bar.ts";

type Translate = T<typeof groupImportMessages>;

const PREFIX = "import:groups: ";

function fail(line: string): never {
  console.error(PREFIX + line.replace(/\s+/g, " ").trim());
  process.exit(1);
}

function readArgs(): { file: string; dryRun: boolean; lang: Lang } {
  const ja = translator("ja", groupImportMessages);
  const usageError = (t: Translate, problem: string) => fail(t("groupImport.errors.args", { problem, usage: t("groupImport.usage") }));
  let parsed;
  try {
    parsed = parseArgs({
      options: { "dry-run": { type: "boolean" }, lang: { type: "string" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return usageError(ja, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && values.lang !== "ja" && values.lang !== "en") usageError(ja, ja("groupImport.errors.lang"));
  const lang: Lang = values.lang === "en" ? "en" : "ja";
  const t = translator(lang, groupImportMessages);
  if (positionals.length === 0) usageError(t, t("groupImport.errors.noFile"));
  if (positionals.length > 1) usageError(t, t("groupImport.errors.tooManyFiles", { files: positionals.join(", ") }));
  return { file: positionals[0], dryRun: values["dry-run"] ?? false, lang };
}

function readFile(file: string, t: Translate): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(t("groupImport.errors.notFound", { file }));
    if (code === "EACCES" || code === "EPERM") return fail(t("groupImport.errors.notAllowed", { file }));
    if (code === "EISDIR") return fail(t("groupImport.errors.directory", { file }));
    return fail(t("groupImport.errors.unreadable", { file, reason: code ?? (error as Error).message }));
  }
}

const args = readArgs();
const t = translator(args.lang, groupImportMessages);
const bytes = readFile(args.file, t);

const { db, connectDb } = await import("../app/platform/db.server.ts");
const { importGroups, importReportLines } = await import("../app/groups/import.server.ts");
const bar = progressBar((percent) => t("groupImport.progress", { percent }));
let exitCode = 0;
try {
  await connectDb();
  const result = await importGroups(db, { bytes, fileName: args.file, dryRun: args.dryRun, onProgress: (done, total) => bar.update(done, total) });
  bar.end();
  const lines = importReportLines(result, t, args.lang);
  if (result.fileError) {
    console.error(PREFIX + lines[0]);
    exitCode = 1;
  } else {
    for (const line of lines) console.log(line);
  }
} catch (error) {
  bar.end();
  console.error(PREFIX + t("groupImport.errors.database", { reason: (error as Error).message.replace(/\s+/g, " ").trim().slice(0, 300) }));
  exitCode = 1;
} finally {
  await db.$disconnect().catch(() => {});
}
process.exit(exitCode);
