import fs from "node:fs";
import os from "node:os";
import type { AppContext } from "../context.js";
import { createDb, type Db } from "../db/client.js";
import { PROCESS_ID } from "../jobs/job-run.js";

/** A running service renews its row this often… */
const BEAT_EVERY_MS = 15_000;
/** …and a row not renewed for this long belongs to a process that stopped (killed, crashed, power cut). */
export const HEARTBEAT_LAPSES_MS = 60_000;

export interface LiveService {
  host: string;
  pid: number;
  startedAt: Date;
  beatAt: Date;
}

/**
 * The service's heartbeat on its database (ServiceHeartbeat): one row for this process, renewed while it runs,
 * removed when it stops cleanly, left to lapse when it dies. `restore` reads it (liveServicesOn). Only on the
 * SQLite file: `restore` replaces that file, a PostgreSQL store is restored with the server's own tools.
 */
export async function startServiceHeartbeat(ctx: AppContext): Promise<{ stop(): Promise<void> }> {
  if (ctx.env.DATABASE_URL) return { stop: async () => undefined };
  const row = { host: os.hostname(), pid: process.pid, startedAt: new Date() };
  const beat = () => ctx.db.serviceHeartbeat.upsert({ where: { processId: PROCESS_ID }, create: { processId: PROCESS_ID, ...row, beatAt: new Date() }, update: { beatAt: new Date() } });
  await ctx.db.serviceHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(Date.now() - HEARTBEAT_LAPSES_MS) } } });
  await beat();
  const timer = setInterval(() => {
    beat().catch((err: unknown) => ctx.log.warn({ err }, "rinnovo del segnale di servizio attivo non riuscito"));
  }, BEAT_EVERY_MS).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await ctx.db.serviceHeartbeat.deleteMany({ where: { processId: PROCESS_ID } });
    },
  };
}

/** Whether a process of this machine is gone: then its row is stale at once, without waiting for the lapse. */
function goneHere(s: LiveService): boolean {
  if (s.host !== os.hostname()) return false;
  try {
    process.kill(s.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * The services running on the database at `databasePath`: rows renewed within the lapse whose process, when it
 * is of this machine, still exists. A missing or unreadable database, or one older than the heartbeat, has none
 * that can be told: restoring over a broken database is what restore is for.
 */
export async function liveServicesOn(databasePath: string, now = new Date()): Promise<LiveService[]> {
  if (!fs.existsSync(databasePath)) return [];
  let db: Db | undefined;
  try {
    db = createDb(databasePath);
    const rows = await db.serviceHeartbeat.findMany({
      where: { beatAt: { gt: new Date(now.getTime() - HEARTBEAT_LAPSES_MS) } },
      select: { host: true, pid: true, startedAt: true, beatAt: true },
      orderBy: { startedAt: "asc" },
    });
    return rows.filter((s) => !goneHere(s));
  } catch {
    return [];
  } finally {
    await db?.$disconnect().catch(() => undefined);
  }
}
