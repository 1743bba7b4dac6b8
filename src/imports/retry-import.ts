import { AppError, forbidden, notFound } from "../errors/app-error.js";
import type { Actor } from "../auth/actor.js";
import { assertAllowed, canImport } from "../auth/policies.js";
import type { AppContext } from "../context.js";
import { candidatesImport } from "./import-candidates.js";
import { cpisImport } from "../cpis/import-cpis.js";
import type { ImportKind } from "./import-report.js";
import { vacanciesImport } from "./import-vacancies.js";
import type { ImportDefinition, ImportFile, ImportOptions } from "./run-import.js";

/**
 * An import that failed or was abandoned (its process stopped) can run again from the file kept with
 * it: imports are idempotent, so rows already written come out unchanged and nothing is doubled.
 */

const DEFINITIONS: Record<ImportKind, ImportDefinition> = {
  "import-vacancies": vacanciesImport as ImportDefinition,
  "import-candidates": candidatesImport as ImportDefinition,
  "import-cpis": cpisImport as ImportDefinition,
};

export const RETRYABLE = ["failed", "abandoned"];

/** The import run an actor may see: admins every one, referents their own. */
export async function findImportRun(ctx: AppContext, actor: Actor, runId: string) {
  assertAllowed(canImport(actor));
  const run = await ctx.db.jobRun.findUnique({ where: { id: runId }, include: { file: { select: { name: true, mimeType: true, dryRun: true } } } });
  if (!run || !run.kind.startsWith("import-")) throw notFound("Importazione");
  if (actor.role !== "admin" && run.byUserId !== actor.userId) throw forbidden("Un referente vede solo le proprie importazioni.");
  return run;
}

export interface KeptImport {
  definition: ImportDefinition;
  file: ImportFile;
  opts: ImportOptions;
}

export async function keptImport(ctx: AppContext, actor: Actor, runId: string, route: string): Promise<KeptImport> {
  const run = await findImportRun(ctx, actor, runId);
  if (!RETRYABLE.includes(run.status)) {
    throw new AppError("INVALID_TRANSITION", `Si ripete solo un'importazione fallita o interrotta: questa è «${run.status}».`);
  }
  const kept = await ctx.db.importFile.findUnique({ where: { runId } });
  if (!kept) throw new AppError("CONFLICT", "Il file di questa importazione non è stato conservato: caricarlo di nuovo.");
  return {
    definition: DEFINITIONS[run.kind as ImportKind],
    file: { data: Buffer.from(kept.data), name: kept.name, mimeType: kept.mimeType ?? undefined },
    opts: { dryRun: kept.dryRun, route },
  };
}
