import fs from "node:fs";
import path from "node:path";
import { AppError } from "../errors/app-error.js";
import { SYSTEM_ACTOR } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { progressBar } from "../cli/progress.js";
import type { ImportReport } from "./import-report.js";
import type { ImportFile, ImportOptions, ImportResult } from "./run-import.js";

/**
 * The command-line frame shared by import-vacancies and import-candidates:
 * `<file> [--dry-run]`, a progress bar, then a summary and every rejected row.
 * Exit code 0 when the file was processed (rejected rows included), 1 when the file itself could not
 * be read (missing, not a spreadsheet, required columns absent), 2 for a usage error.
 */

type Importer = (ctx: AppContext, actor: typeof SYSTEM_ACTOR, file: ImportFile, opts: ImportOptions) => Promise<ImportResult>;

export async function runImportCommand(ctx: AppContext, args: string[], command: string, importer: Importer, out = console): Promise<number> {
  const dryRun = args.includes("--dry-run");
  const positional = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--dry-run");
  if (positional.length !== 1 || unknown.length > 0) {
    out.error(`Uso: npm run cli -- ${command} <file.xlsx|file.csv> [--dry-run]`);
    return 2;
  }
  const filePath = positional[0]!;
  let data: Buffer;
  try {
    data = fs.readFileSync(filePath);
  } catch (err) {
    out.error(`File non leggibile: ${filePath} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return 1;
  }
  return printImport(
    (onProgress) => importer(ctx, SYSTEM_ACTOR, { data, name: path.basename(filePath) }, { dryRun, route: `cli ${command}`, onProgress }),
    dryRun,
    out,
  );
}

/** Runs an import in the foreground with a progress bar, then prints its report; 1 for a refused file. */
export async function printImport(work: (onProgress: ImportOptions["onProgress"]) => Promise<ImportResult>, dryRun: boolean, out = console): Promise<number> {
  // The bar starts once the file is read and the number of rows is known.
  let bar: ReturnType<typeof progressBar> | undefined;
  try {
    const { runId, report } = await work((done, total) => {
      bar ??= progressBar(dryRun ? "Verifica" : "Importazione", total);
      bar.update(done);
    });
    bar?.stop();
    out.log(formatReport(report, runId));
    return 0;
  } catch (err) {
    bar?.stop();
    if (err instanceof AppError) return printRefusal(err, out);
    throw err;
  }
}

export function printRefusal(err: AppError, out = console): number {
  out.error([err.message, ...err.fields.map((f) => `  - ${f.message}`)].join("\n"));
  return 1;
}

/** Summary first, then each rejected row with its column and reason, then the warnings. */
export function formatReport(report: ImportReport, runId: string): string {
  const t = report.totals;
  const lines = [
    `${report.dryRun ? "Verifica (nessuna scrittura)" : "Importazione"} di ${report.source}: ${t.rows} righe in ${(report.durationMs / 1000).toFixed(1)} s`,
    `  create ${t.created} · aggiornate ${t.updated} · invariate ${t.unchanged} · scartate ${t.rejected}`,
    `  esecuzione registrata: ${runId}`,
    ...report.fileWarnings.map((w) => `  attenzione: ${w}`),
  ];
  const rejected = report.rows.filter((r) => r.outcome === "rejected");
  if (rejected.length > 0) {
    lines.push("", "Righe scartate:");
    for (const r of rejected) {
      lines.push(`  riga ${r.row}${r.label ? ` (${r.label})` : ""}:`);
      for (const e of r.errors ?? []) lines.push(`    - ${e.column}: ${e.message}`);
    }
  }
  const warned = report.rows.filter((r) => r.outcome !== "rejected" && r.warnings?.length);
  if (warned.length > 0) {
    lines.push("", `Avvisi (${warned.length} righe):`);
    for (const r of warned.slice(0, 50)) for (const w of r.warnings ?? []) lines.push(`  riga ${r.row}: ${w.column}: ${w.message}`);
    if (warned.length > 50) lines.push(`  … e altre ${warned.length - 50} righe (vedi il resoconto registrato)`);
  }
  return lines.join("\n");
}
