import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import { insertRows } from "../db/insert-rows.js";
import type { RowOutcome, RowProblem, RowReport } from "./import-report.js";

/** The row-by-row report of a run, kept one row per record so it can be read page by page. */

export async function saveRowReports(db: Db, runId: string, reports: readonly RowReport[]): Promise<void> {
  await insertRows(
    db,
    "ImportRow",
    reports.map((r) => ({ id: randomUUID(), runId, row: r.row, outcome: r.outcome, entityId: r.id ?? null, label: r.label ?? null, errors: r.errors ?? null, warnings: r.warnings ?? null })),
  );
}

export interface RowPageQuery {
  page: number;
  pageSize: number;
  outcome?: RowOutcome | undefined;
}

export async function readRowReports(db: Db, runId: string, q: RowPageQuery): Promise<{ total: number; items: RowReport[] }> {
  const where = { runId, ...(q.outcome ? { outcome: q.outcome } : {}) };
  const [total, rows] = await Promise.all([
    db.importRow.count({ where }),
    db.importRow.findMany({ where, orderBy: { row: "asc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { total, items: rows.map(toRowReport) };
}

/** Every row of a run, for the command line's printed report. */
export async function allRowReports(db: Db, runId: string): Promise<RowReport[]> {
  return (await db.importRow.findMany({ where: { runId }, orderBy: { row: "asc" } })).map(toRowReport);
}

function toRowReport(r: { row: number; outcome: string; entityId: string | null; label: string | null; errors: unknown; warnings: unknown }): RowReport {
  const report: RowReport = { row: r.row, outcome: r.outcome as RowOutcome };
  if (r.entityId) report.id = r.entityId;
  if (r.label) report.label = r.label;
  if (Array.isArray(r.errors) && r.errors.length) report.errors = r.errors as RowProblem[];
  if (Array.isArray(r.warnings) && r.warnings.length) report.warnings = r.warnings as RowProblem[];
  return report;
}
