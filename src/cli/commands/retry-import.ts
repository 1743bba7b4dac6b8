import { AppError } from "../../errors/app-error.js";
import { SYSTEM_ACTOR } from "../../auth/actor.js";
import type { AppContext } from "../../context.js";
import { printImport, printRefusal } from "../../imports/import-command.js";
import { keptImport, RETRYABLE, type KeptImport } from "../../imports/retry-import.js";
import { importNow } from "../../imports/run-import.js";

/**
 * `npm run cli -- retry-import <id>`: runs a failed or abandoned import again from its kept file, in
 * the foreground with the progress bar and the report. Without an id, lists the imports that can be.
 */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const [runId, ...rest] = args;
  if (!runId || rest.length > 0) {
    const runs = await ctx.db.jobRun.findMany({
      where: { kind: { startsWith: "import-" }, status: { in: RETRYABLE }, file: { isNot: null } },
      orderBy: { startedAt: "desc" },
      take: 20,
    });
    console.error("Uso: npm run cli -- retry-import <id dell'importazione>");
    if (runs.length > 0) console.error(["Importazioni da ripetere:", ...runs.map((r) => `  ${r.id}  ${r.kind}  ${r.source ?? ""}  (${r.status}) ${r.error ?? ""}`)].join("\n"));
    return 2;
  }
  let kept: KeptImport;
  try {
    kept = await keptImport(ctx, SYSTEM_ACTOR, runId, "cli retry-import");
  } catch (err) {
    if (err instanceof AppError) return printRefusal(err);
    throw err;
  }
  return printImport((onProgress) => importNow(ctx, SYSTEM_ACTOR, kept.definition, kept.file, { ...kept.opts, onProgress }), kept.opts.dryRun ?? false);
}
