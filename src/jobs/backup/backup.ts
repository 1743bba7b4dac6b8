import { backupIntoFolder } from "../../backup/nightly-backup.js";
import { sqliteFileOnly } from "../../db/store-location.js";
import { AppError } from "../../errors/app-error.js";
import type { JobHandler } from "../job-handler.js";

/** The nightly online backup into BACKUP_DIR, keeping the latest BACKUP_KEEP (file names and sizes only in the report). */
export const backupJob: JobHandler = async (ctx, _payload, onProgress) => {
  const notHere = sqliteFileOnly(ctx.env, "Il backup notturno");
  if (notHere) throw new AppError("CONFLICT", notHere);
  const result = await backupIntoFolder(ctx.env.DATABASE_PATH, ctx.env.BACKUP_DIR, ctx.env.BACKUP_KEEP, new Date(), { onProgress });
  return {
    counts: { tables: result.tables, rows: result.rows, pages: result.pages, bytes: result.bytes, removed: result.removed },
    report: { file: result.file },
  };
};
