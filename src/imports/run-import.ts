import { AppError } from "../errors/app-error.js";
import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { runInBackground } from "../jobs/background-queue.js";
import { claimJobRun, queueJobRun, reportJobProgress } from "../jobs/job-run.js";
import { letOthersThrough } from "../jobs/let-others-through.js";
import { addToTotals, emptyTotals, type ImportKind, type ImportReport, type ImportSummary, type RowReport } from "./import-report.js";
import { allRowReports, saveRowReports } from "./import-row-store.js";
import { formatFromName, gridRows, unsupportedFile, type SpreadsheetFormat } from "./parse-spreadsheet.js";
import { assertInflatesWithin, checkUpload, tooManyRows, type ImportLimits } from "./spreadsheet-bounds.js";
import { readTable, type ColumnSpec, type TableRow } from "./table-columns.js";

/**
 * The frame both imports share. Accepting a file (in the request) checks its format and bounds, keeps
 * it with a queued run and returns at once; executing the run (in the background of the service, or
 * in the foreground of the command line) reads the table as a stream, hands the rows to the import in
 * chunks, records each chunk's row reports and the progress, and pauses between chunks so other
 * requests get through. A file that cannot be read at all fails the run, with the reason; a bad row never does.
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

/** Turns a chunk of rows into their reports; made once per run, so it may remember earlier chunks. */
export type ChunkImporter<K extends string> = (rows: TableRow<K>[]) => Promise<RowReport[]>;

export interface ImportDefinition<K extends string = string> {
  kind: ImportKind;
  columns: readonly ColumnSpec<K>[];
  chunkSize: number;
  /** `runId`: the run the rows belong to, for what they record (a status change names its import). */
  prepare(ctx: AppContext, actor: Actor, opts: ImportOptions, runId: string): Promise<ChunkImporter<K>>;
}

export const importLimits = (ctx: AppContext): ImportLimits => ({
  maxRows: ctx.env.IMPORT_MAX_ROWS,
  maxInflatedBytes: ctx.env.IMPORT_MAX_UNCOMPRESSED_MB * 1024 ** 2,
});

function formatOf(file: ImportFile): SpreadsheetFormat {
  const format = formatFromName(file.name, file.mimeType);
  if (!format) throw unsupportedFile(`«${file.name}» non è un file .xlsx o .csv.`);
  return format;
}

/** Checks the file and records a queued run that keeps it; throws the 4xx a refused file deserves. */
export async function acceptImport(ctx: AppContext, actor: Actor, def: ImportDefinition, file: ImportFile, opts: ImportOptions): Promise<string> {
  const { rows } = checkUpload(file.data, formatOf(file), importLimits(ctx));
  const source = opts.dryRun ? `${file.name} (prova)` : file.name;
  return queueJobRun(ctx.db, def.kind, source, actor, rows ?? null, {
    name: file.name,
    mimeType: file.mimeType ?? null,
    dryRun: opts.dryRun ?? false,
    data: new Uint8Array(file.data),
  });
}

/** The upload's answer: the run is accepted and carried on in the background, one run at a time. */
export async function importInBackground(ctx: AppContext, actor: Actor, def: ImportDefinition, file: ImportFile, opts: ImportOptions): Promise<string> {
  const runId = await acceptImport(ctx, actor, def, file, opts);
  runInBackground(ctx, `importazione ${runId}`, () => executeImport(ctx, actor, def, runId, file, opts));
  return runId;
}

/** The command line's way: the same run, waited for, with every row report read back for printing. */
export async function importNow(ctx: AppContext, actor: Actor, def: ImportDefinition, file: ImportFile, opts: ImportOptions): Promise<ImportResult> {
  const runId = await acceptImport(ctx, actor, def, file, opts);
  const summary = await executeImport(ctx, actor, def, runId, file, opts);
  return { runId, report: { ...summary, rows: await allRowReports(ctx.db, runId) } };
}

const UNEXPECTED = "Importazione interrotta da un errore imprevisto (dettagli nel log del servizio): ripeterla; le righe già scritte risulteranno invariate.";

export async function executeImport<K extends string>(
  ctx: AppContext,
  actor: Actor,
  def: ImportDefinition<K>,
  runId: string,
  file: ImportFile,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const run = await claimJobRun(ctx.db, runId);
  if (!run) throw new AppError("CONFLICT", "L'importazione non è più in attesa: è stata interrotta o già eseguita.");
  const started = Date.now();
  const limits = importLimits(ctx);
  const summary: ImportSummary = { kind: def.kind, source: file.name, dryRun: opts.dryRun ?? false, totals: emptyTotals(), fileWarnings: [], durationMs: 0 };
  try {
    const format = formatOf(file);
    await assertInflatesWithin(file.data, format, limits);
    const declared = (await ctx.db.jobRun.findUniqueOrThrow({ where: { id: runId }, select: { progressTotal: true } })).progressTotal;
    const table = await readTable(gridRows(file.data, format), def.columns);
    if (table.ignoredHeaders.length) summary.fileWarnings.push(`Colonne ignorate: ${table.ignoredHeaders.map((h) => `«${h}»`).join(", ")}`);
    const importChunk = await def.prepare(ctx, actor, opts, runId);
    let chunk: TableRow<K>[] = [];
    const flush = async () => {
      const reports = await importChunk(chunk);
      chunk = [];
      await saveRowReports(ctx.db, runId, reports);
      addToTotals(summary.totals, reports);
      const done = summary.totals.rows;
      const total = Math.max(declared ?? 0, done);
      await reportJobProgress(ctx.db, runId, done, declared === null ? null : total);
      opts.onProgress?.(done, total);
      await letOthersThrough();
    };
    let read = 0;
    for await (const row of table.rows) {
      if (++read > limits.maxRows) throw tooManyRows(`il file supera le ${limits.maxRows.toLocaleString("it-IT")} righe`, limits.maxRows);
      chunk.push(row);
      if (chunk.length >= def.chunkSize) await flush();
      await letOthersThrough();
    }
    if (chunk.length > 0) await flush();
    summary.durationMs = Date.now() - started;
    await run.finish("succeeded", { ...summary.totals }, summary);
    return summary;
  } catch (err) {
    summary.durationMs = Date.now() - started;
    const failure = err instanceof AppError ? { code: err.code, message: err.message, fields: err.fields } : { code: null, message: UNEXPECTED, fields: [] };
    if (!(err instanceof AppError)) ctx.log.error({ err, runId }, "importazione interrotta da un errore imprevisto");
    await run.finish("failed", { ...summary.totals }, { ...summary, error: failure }, failure.message);
    throw err;
  }
}
