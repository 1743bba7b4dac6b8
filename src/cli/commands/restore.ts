import type { AppContext } from "../../context.js";
import { AppError } from "../../errors/app-error.js";
import { restoreBackup } from "../../backup/restore-backup.js";
import { indexRebuildProgress } from "../progress.js";
import { sqliteFileOnly } from "../../db/store-location.js";

/**
 * `npm run cli -- restore FILE`: puts a backup in place of the store (with the service stopped), migrates an
 * older one, and rebuilds the search index from it.
 */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const [file, ...rest] = args;
  const notHere = sqliteFileOnly(ctx.env, "Il ripristino");
  if (notHere) {
    console.error(notHere);
    return 2;
  }
  if (!file || rest.length > 0) {
    console.error("Uso: npm run cli -- restore FILE   (a servizio fermo)");
    return 2;
  }
  await ctx.db.$disconnect(); // the store is about to be replaced: nothing may keep the old file open
  try {
    const result = await restoreBackup(ctx.env, ctx.log, file, {
      indexProgress: indexRebuildProgress(),
    });
    if (result.migrationsApplied.length > 0) console.log(`Migrazioni applicate al backup: ${result.migrationsApplied.join(", ")}.`);
    if (result.previousFile) console.log(`Il database sostituito è conservato in ${result.previousFile}.`);
    console.log(`Ripristino completato: ${result.rows} righe, indice di ricerca ricostruito.`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(`Ripristino rifiutato: ${err.message}`);
    return 1;
  }
}
