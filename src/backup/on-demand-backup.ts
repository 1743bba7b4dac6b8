import path from "node:path";
import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import type { Db } from "../db/client.js";
import { sqliteFileOnly } from "../db/store-location.js";
import { AppError } from "../errors/app-error.js";
import { recordedRun } from "../jobs/job-run.js";
import { backupIntoFolder } from "./nightly-backup.js";

export interface OnDemandBackup {
  /** The file's name in BACKUP_DIR. */
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  /** Older backups removed so that BACKUP_KEEP remain. */
  removed: number;
}

/**
 * 409 while another backup is running (the nightly one, or another asked for): a live `backup` run, its lease
 * renewed by the process doing it. With `mine`, only a run that began before it counts, so of two backups asked
 * for at the same instant exactly the earlier goes on.
 */
async function refuseWhileAnotherRuns(db: Db, mine?: { id: string; startedAt: Date }): Promise<void> {
  const other = await db.jobRun.findFirst({
    where: {
      kind: "backup",
      status: "running",
      leaseExpiresAt: { gt: new Date() },
      ...(mine ? { OR: [{ startedAt: { lt: mine.startedAt } }, { startedAt: mine.startedAt, id: { lt: mine.id } }] } : {}),
    },
    select: { startedAt: true },
  });
  if (other) {
    throw new AppError("CONFLICT", `Un altro backup è in corso (iniziato alle ${other.startedAt.toISOString()}): riprovare quando è finito.`, [{ field: "backup", message: "Backup già in corso" }]);
  }
}

/**
 * A backup taken now, as the nightly job takes it (into BACKUP_DIR, named by its time, checked, the oldest
 * removed so that BACKUP_KEEP remain), recorded as a `backup` run by whoever asked: with it, no acknowledged
 * write is lost. The SQLite file only (a PostgreSQL store has its own tools).
 */
export async function backupOnDemand(ctx: AppContext, actor: Actor, source: string): Promise<OnDemandBackup> {
  const notHere = sqliteFileOnly(ctx.env, "Il backup");
  if (notHere) throw new AppError("CONFLICT", notHere, [{ field: "backup", message: "Archivio PostgreSQL" }]);
  await refuseWhileAnotherRuns(ctx.db);
  const { backup } = await recordedRun(ctx.db, "backup", source, actor, async (runId) => {
    await refuseWhileAnotherRuns(ctx.db, await ctx.db.jobRun.findUniqueOrThrow({ where: { id: runId }, select: { id: true, startedAt: true } }));
    const r = await backupIntoFolder(ctx.env.DATABASE_PATH, ctx.env.BACKUP_DIR, ctx.env.BACKUP_KEEP, new Date());
    const file = path.basename(r.file);
    return { backup: { file, bytes: r.bytes, tables: r.tables, rows: r.rows, removed: r.removed }, counts: { tables: r.tables, rows: r.rows, pages: r.pages, bytes: r.bytes, removed: r.removed }, report: { file } };
  });
  return backup;
}
