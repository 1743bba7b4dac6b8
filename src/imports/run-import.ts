import { AppError } from "../api/errors.js";
import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { startJobRun } from "../jobs/job-run.js";
import { totalsOf, type ImportReport, type RowReport } from "./import-report.js";
import { formatFromName, readGrid, unsupportedFile } from "./parse-spreadsheet.js";
import { readTable, type ColumnSpec, type Table } from "./table-columns.js";

/**
 * The frame both imports share: recognise the file, record the run, read the table, let the import
 * handle the rows, then close the run with the counts and the row-by-row report. A file that cannot
 * be read at all fails the run (recorded too) and reaches the caller as an error; a bad row never does.
 */

export interface ImportFile {
  data: Buffer;
  name: string;
  mimeType?: string | undefined;
}

export interface ImportOptions {
  /** Reads, checks and reports without writing. */
  dryRun?: boolean;
  /** Recorded in the audit of every written row ("POST /imports/vacancies", "cli import-vacancies"). */
  route: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  runId: string;
  report: ImportReport;
}

export async function runImport<K extends string>(
  ctx: AppContext,
  actor: Actor,
  kind: ImportReport["kind"],
  file: ImportFile,
  columns: readonly ColumnSpec<K>[],
  opts: ImportOptions,
  processRows: (table: Table<K>) => Promise<RowReport[]>,
): Promise<ImportResult> {
  const format = formatFromName(file.name, file.mimeType);
  if (!format) throw unsupportedFile(`«${file.name}» non è un file .xlsx o .csv.`);
  const started = Date.now();
  const run = await startJobRun(ctx.db, kind, opts.dryRun ? `${file.name} (prova)` : file.name, actor);
  try {
    const table = readTable(await readGrid(file.data, format), columns);
    const rows = await processRows(table);
    const report: ImportReport = {
      kind,
      source: file.name,
      dryRun: opts.dryRun ?? false,
      totals: totalsOf(rows),
      fileWarnings: table.ignoredHeaders.length ? [`Colonne ignorate: ${table.ignoredHeaders.map((h) => `«${h}»`).join(", ")}`] : [],
      rows,
      durationMs: Date.now() - started,
    };
    await run.finish("succeeded", { ...report.totals }, report);
    return { runId: run.id, report };
  } catch (err) {
    const failure = err instanceof AppError ? { code: err.code, message: err.message, fields: err.fields } : { message: String(err) };
    await run.finish("failed", {}, { error: failure });
    throw err;
  }
}
