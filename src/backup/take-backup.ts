import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { AppError } from "../errors/app-error.js";
import { BACKUP_APPLICATION_ID, countRows, inspectBackupFile, totalRows, type TableCounts } from "./backup-file.js";

export interface BackupOptions {
  /** Pages copied per step; between steps the service keeps reading and writing. */
  pagesPerStep?: number;
  onProgress?: (copiedPages: number, totalPages: number) => void;
}

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
  pages: number;
  bytes: number;
  counts: TableCounts;
}

const DEFAULT_PAGES_PER_STEP = 256;

/**
 * An online backup of the store into `target`, while the service keeps writing. On a connection of its own,
 * a read transaction pins one snapshot (WAL lets writers go on beside it); the row counts are read in it and
 * SQLite's backup API copies that same snapshot step by step. The copy goes to a temporary name, is checked
 * (integrity, row counts equal to the snapshot's), marked as a backup and only then renamed to `target`: a
 * backup killed halfway leaves a temporary file without the mark, which restore refuses.
 */
export async function takeBackup(databasePath: string, target: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (!fs.existsSync(databasePath)) throw new AppError("NOT_FOUND", `Database non trovato: ${databasePath}`, [{ field: "DATABASE_PATH", message: databasePath }]);
  if (path.resolve(target) === path.resolve(databasePath)) throw new AppError("VALIDATION_FAILED", "Il backup non può sovrascrivere il database stesso.", [{ field: "file", message: target }]);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const source = new Database(databasePath, { fileMustExist: true });
  const pagesPerStep = options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP;
  try {
    source.exec("BEGIN");
    const counts = countRows(source); // the first read starts the snapshot the backup then copies
    let pages = 0;
    await source.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        pages = totalPages;
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return pagesPerStep;
      },
    });
    source.exec("COMMIT");
    const copy = inspectBackupFile(partial);
    const differing = Object.keys({ ...counts, ...copy.counts }).filter((t) => counts[t] !== copy.counts[t]);
    if (differing.length > 0) throw new AppError("INTERNAL", `La copia non corrisponde al database: righe diverse in ${differing.join(", ")}.`, []);
    const marking = new Database(partial, { fileMustExist: true });
    try {
      marking.pragma(`application_id = ${BACKUP_APPLICATION_ID}`);
    } finally {
      marking.close();
    }
    fs.renameSync(partial, target);
    return { file: target, tables: Object.keys(counts).length, rows: totalRows(counts), pages, bytes: fs.statSync(target).size, counts };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    if (source.inTransaction) source.exec("ROLLBACK");
    source.close();
  }
}
