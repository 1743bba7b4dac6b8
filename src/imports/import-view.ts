import type { JobRun } from "../generated/prisma/client.js";
import type { FieldError } from "../errors/app-error.js";
import type { ImportSummary } from "./import-report.js";

export const importLinks = (id: string) => ({ self: `/api/v1/imports/${id}`, rows: `/api/v1/imports/${id}/rows` });

/** An import run as the API shows it: where it stands, never its rows (those are paged apart). */
export function importView(run: JobRun & { file: { name: string; dryRun: boolean } | null }) {
  const summary = (run.report ?? {}) as Partial<ImportSummary> & { error?: { code: string | null; message: string; fields: FieldError[] } };
  return {
    id: run.id,
    kind: run.kind,
    fileName: run.file?.name ?? run.source,
    dryRun: run.file?.dryRun ?? summary.dryRun ?? false,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    byUserId: run.byUserId,
    progress: { done: run.progressDone ?? 0, total: run.progressTotal },
    totals: run.counts ?? null,
    fileWarnings: summary.fileWarnings ?? [],
    error: run.error ? { code: summary.error?.code ?? null, message: run.error, fields: summary.error?.fields ?? [] } : null,
    links: importLinks(run.id),
  };
}
