import fs from "node:fs";
import Database from "better-sqlite3";
import type { Logger } from "pino";
import { createContext } from "../bootstrap.js";
import type { Env } from "../config/env.js";
import { applyMigrations, knownMigrations, projectSources, type MigrationSources } from "../db/migrate.js";
import { AppError } from "../errors/app-error.js";
import { rebuildIndex, type RebuildProgress } from "../indexing/rebuild-index.js";
import { recordedRun } from "../jobs/job-run.js";
import { inspectBackupFile, totalRows } from "./backup-file.js";
import { HEARTBEAT_LAPSES_MS, liveServicesOn } from "./service-heartbeat.js";

export interface RestoreOptions {
  sources?: MigrationSources;
  indexProgress?: RebuildProgress;
}

export interface RestoreResult {
  /** Migrations the restored file lacked, applied to it before the swap. */
  migrationsApplied: string[];
  rows: number;
  /** Where the database the restore replaced was moved to (null when there was none). */
  previousFile: string | null;
}

const refusal = (file: string, message: string) => new AppError("VALIDATION_FAILED", message, [{ field: "file", message: file }]);

const DATABASE_FILES = ["", "-wal", "-shm", "-journal"];

/** Moves a database and its WAL companions aside together, so the old WAL can never be applied to the new file. */
function moveDatabase(from: string, to: string): void {
  for (const suffix of DATABASE_FILES) if (fs.existsSync(from + suffix)) fs.renameSync(from + suffix, to + suffix);
}

const removeDatabase = (file: string) => DATABASE_FILES.forEach((suffix) => fs.rmSync(file + suffix, { force: true }));

/** 409 while a service runs on the database: replacing the file under it would lose its writes and confuse it. */
async function refuseUnderLiveService(databasePath: string): Promise<void> {
  const live = await liveServicesOn(databasePath);
  if (live.length === 0) return;
  const who = live.map((s) => `processo ${s.pid} su ${s.host}, ultimo segnale alle ${s.beatAt.toISOString()}`).join("; ");
  throw new AppError(
    "CONFLICT",
    `Vetrina è in esecuzione su ${databasePath} (${who}): fermare il servizio prima del ripristino. Un servizio di un'altra macchina fermatosi in modo anomalo smette di contare dopo ${HEARTBEAT_LAPSES_MS / 1000} secondi.`,
    [{ field: "DATABASE_PATH", message: "Servizio in esecuzione sul database" }],
  );
}

/** The backup was taken under a running service: its heartbeat rows describe processes of another time. */
function forgetHeartbeats(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.prepare('DELETE FROM "ServiceHeartbeat"').run();
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the store at `env.DATABASE_PATH` (the service stopped: refused while one runs on
 * it, by its heartbeat): refuses a file that fails
 * the integrity check, is not a finished backup, or records migrations this code does not know (a newer
 * schema); brings an older one up to date with the pending migrations on a working copy; swaps the copy in
 * (the replaced database is kept beside it) and rebuilds the search index from the restored store.
 */
export async function restoreBackup(env: Env, log: Logger, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const sources = options.sources ?? projectSources;
  await refuseUnderLiveService(env.DATABASE_PATH);
  const facts = inspectBackupFile(file);
  if (!facts.marked) throw refusal(file, `Il file ${file} non è un backup completo di Vetrina (copia interrotta o non fatta con «backup»).`);
  if (facts.migrations.length === 0) throw refusal(file, `Il file ${file} non contiene lo schema di Vetrina.`);
  const known = new Set(knownMigrations(sources));
  const unknown = facts.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw refusal(file, `Il backup ${file} viene da una versione più recente di Vetrina (migrazioni sconosciute: ${unknown.join(", ")}): ripristinarlo con quella versione.`);
  }

  const databasePath = env.DATABASE_PATH;
  const working = `${databasePath}.restoring-${process.pid}`;
  removeDatabase(working); // a copy an interrupted restore left behind
  fs.copyFileSync(file, working); // the backup is a closed file, not a live database: a plain copy is exact
  let applied: string[];
  try {
    ({ applied } = await applyMigrations(working, sources));
    forgetHeartbeats(working);
    inspectBackupFile(working);
  } catch (err) {
    removeDatabase(working);
    throw err;
  }

  const previousFile = fs.existsSync(databasePath) ? `${databasePath}.before-restore-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}` : null;
  if (previousFile) moveDatabase(databasePath, previousFile);
  moveDatabase(working, databasePath);

  const ctx = await createContext(env, log);
  try {
    await recordedRun(ctx.db, "restore", file, null, async () => {
      const counts = await rebuildIndex(ctx, ["vacancies", "candidates"], options.indexProgress);
      return { counts: { rows: totalRows(facts.counts), migrationsApplied: applied.length, ...counts } };
    });
  } finally {
    await ctx.db.$disconnect();
  }
  return { migrationsApplied: applied, rows: totalRows(facts.counts), previousFile };
}
