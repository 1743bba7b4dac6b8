import fs from "node:fs";
import Database from "better-sqlite3";
import { AppError } from "../errors/app-error.js";

/**
 * Written into the header of a backup (SQLite's `application_id`) only once its copy has been checked:
 * a file that lacks it (a copy cut short, a file copied by hand from a live database) is not a backup.
 */
export const BACKUP_APPLICATION_ID = 0x56455452; // "VETR"

/** Rows per table: what a backup is compared with its source by. */
export type TableCounts = Record<string, number>;

/** The ordinary tables of a database (virtual tables are counted through the tables that hold their data). */
export function countRows(db: Database.Database): TableCounts {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

export const totalRows = (counts: TableCounts) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** What a file holds, read without changing it. */
export interface BackupFileFacts {
  marked: boolean;
  counts: TableCounts;
  /** Migrations recorded as finished. */
  migrations: string[];
}

const refusal = (file: string, message: string) => new AppError("VALIDATION_FAILED", message, [{ field: "file", message: file }]);

/**
 * Opens a backup read-only and checks it whole: a SQLite file, `PRAGMA integrity_check` ok, the backup mark,
 * the migrations table. Any failure is a refusal naming the file.
 */
export function inspectBackupFile(file: string): BackupFileFacts {
  if (!fs.existsSync(file)) throw refusal(file, `File di backup non trovato: ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw refusal(file, `Il file ${file} non è un database SQLite leggibile.`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      throw refusal(file, `Il file ${file} è danneggiato: ${err instanceof Error ? err.message : String(err)}.`);
    }
    if (problems.length !== 1 || problems[0] !== "ok") throw refusal(file, `Il file ${file} non supera il controllo di integrità: ${problems.slice(0, 3).join("; ")}.`);
    const marked = db.pragma("application_id", { simple: true }) === BACKUP_APPLICATION_ID;
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get() !== undefined;
    const migrations = hasMigrations
      ? (db.prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name").all() as { name: string }[]).map((r) => r.name)
      : [];
    return { marked, counts: countRows(db), migrations };
  } finally {
    db.close();
  }
}
