import type { AppContext } from "../../context.js";
import { AppError } from "../../errors/app-error.js";
import { recordedRun } from "../../jobs/job-run.js";
import { takeBackup } from "../../backup/take-backup.js";
import { progressBar } from "../progress.js";
import { sqliteFileOnly } from "../../db/store-location.js";

/** `npm run cli -- backup FILE`: an online backup of the store, checked, while the service keeps running. */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const [file, ...rest] = args;
  const notHere = sqliteFileOnly(ctx.env, "Il backup");
  if (notHere) {
    console.error(notHere);
    return 2;
  }
  if (!file || rest.length > 0) {
    console.error("Uso: npm run cli -- backup FILE");
    return 2;
  }
  let bar: ReturnType<typeof progressBar> | null = null;
  try {
    const result = await recordedRun(ctx.db, "backup", "riga di comando", null, async () => {
      const r = await takeBackup(ctx.env.DATABASE_PATH, file, {
        onProgress: (done, total) => (bar ??= progressBar("Backup (pagine)", total)).update(done),
      });
      return { ...r, counts: { tables: r.tables, rows: r.rows, pages: r.pages, bytes: r.bytes } };
    });
    (bar as ReturnType<typeof progressBar> | null)?.stop();
    console.log(`Backup scritto in ${result.file}: ${result.tables} tabelle, ${result.rows} righe, ${(result.bytes / 1_048_576).toFixed(1)} MB; controllo di integrità e conteggi superati.`);
    return 0;
  } catch (err) {
    (bar as ReturnType<typeof progressBar> | null)?.stop();
    if (!(err instanceof AppError)) throw err;
    console.error(err.message);
    return 1;
  }
}
