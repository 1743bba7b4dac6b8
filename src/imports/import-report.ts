import { AppError, fieldsFromZod } from "../errors/app-error.js";
import type { z } from "zod";
import { isStoreBusy } from "../db/store-busy.js";

/**
 * The row-by-row report both imports record (one ImportRow per row, read page by page) and print on
 * the command line: each row says what happened to it and, when rejected, which column was wrong and
 * why, in Italian.
 */

export type RowOutcome = "created" | "updated" | "unchanged" | "rejected";

export interface RowProblem {
  /** The column as the file names it (Italian header); "(riga)" when no single column is at fault. */
  column: string;
  message: string;
}

export interface RowReport {
  /** The row number the operator sees in the spreadsheet. */
  row: number;
  outcome: RowOutcome;
  /** Id of the vacancy or person created, updated or found unchanged. */
  id?: string;
  /** What the row is about, to find it without opening the file ("Magazziniere – Logistica Sabauda"). */
  label?: string;
  errors?: RowProblem[];
  warnings?: RowProblem[];
}

export interface ImportTotals {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export type ImportKind = "import-vacancies" | "import-candidates" | "import-cpis";

/** What the run keeps in its record: the totals, not the rows. */
export interface ImportSummary {
  kind: ImportKind;
  source: string;
  dryRun: boolean;
  totals: ImportTotals;
  /** Things about the file rather than a row (ignored columns…). */
  fileWarnings: string[];
  durationMs: number;
}

/** The summary with every row, as the command line prints it. */
export interface ImportReport extends ImportSummary {
  rows: RowReport[];
}

export const emptyTotals = (): ImportTotals => ({ rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 });

export function addToTotals(totals: ImportTotals, rows: readonly RowReport[]): void {
  totals.rows += rows.length;
  for (const r of rows) totals[r.outcome] += 1;
}

/** Collects a row's problems; a row with any error is rejected as a whole. */
export class RowIssues {
  readonly errors: RowProblem[] = [];
  readonly warnings: RowProblem[] = [];
  error(column: string, message: string) {
    this.errors.push({ column, message });
  }
  warn(column: string, message: string) {
    this.warnings.push({ column, message });
  }
  get ok() {
    return this.errors.length === 0;
  }
}

export const ROW = "(riga)";

/**
 * Turns what a use-case or schema throws into row problems, naming the file's column for each field.
 * Unexpected errors are reported too (the row is rejected, the import goes on) but without internals.
 * A busy store says nothing about the row: that error goes on up, to be retried (see busy-retry.ts).
 */
export function problemsFromError(err: unknown, columnOf: (field: string) => string): RowProblem[] {
  if (isStoreBusy(err)) throw err;
  if (err instanceof AppError) {
    if (err.fields.length === 0) return [{ column: ROW, message: err.message }];
    return err.fields.map((f) => ({ column: columnOf(f.field), message: f.message === "Duplicato" ? err.message : f.message }));
  }
  return [{ column: ROW, message: "Errore imprevisto durante la scrittura: riga non importata." }];
}

export function problemsFromZod(error: z.ZodError, columnOf: (field: string) => string): RowProblem[] {
  return fieldsFromZod(error).map((f) => ({ column: columnOf(f.field), message: f.message }));
}

/**
 * The last step of mapping a row: the schema checks what the cells gave even when some cells could not
 * be read, so the report names every error of the row at once rather than the first few. A column whose
 * cell was already refused is not reported again for the value it then lacks.
 */
export function parseRow<S extends z.ZodType>(schema: S, raw: Record<string, unknown>, issues: RowIssues, columnOf: (field: string) => string): z.infer<S> | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return issues.ok ? parsed.data : undefined;
  const refused = new Set(issues.errors.map((e) => e.column));
  for (const p of problemsFromZod(parsed.error, columnOf)) if (!refused.has(p.column)) issues.error(p.column, p.message);
  return undefined;
}

export function rowReport(row: number, outcome: RowOutcome, extra: Omit<RowReport, "row" | "outcome"> = {}): RowReport {
  const report: RowReport = { row, outcome };
  if (extra.id) report.id = extra.id;
  if (extra.label) report.label = extra.label;
  if (extra.errors?.length) report.errors = extra.errors;
  if (extra.warnings?.length) report.warnings = extra.warnings;
  return report;
}
