import { backupIntoFolder } from "../../backup/nightly-backup.js";
import type { JobHandler } from "../job-handler.js";

/** The nightly online backup into BACKUP_DIR, keeping the latest BACKUP_KEEP (file names and sizes only in the report). */
export const backupJob: JobHandler = async (ctx, _payload, onProgress) => {
  const result = await backupIntoFolder(ctx.env.DATABASE_PATH, ctx.env.BACKUP_DIR, ctx.env.BACKUP_KEEP, new Date(), { onProgress });
  return {
    counts: { tables: result.tables, rows: result.rows, pages: result.pages, bytes: result.bytes, removed: result.removed },
    report: { file: result.file },
  };
};
