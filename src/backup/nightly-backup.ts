import fs from "node:fs";
import path from "node:path";
import { takeBackup, type BackupOptions, type BackupResult } from "./take-backup.js";

const NAME = /^vetrina-(\d{8}T\d{6}Z)\.db$/;

/** `vetrina-20261202T013000Z.db`: sorted by name is sorted by time. */
export const backupFileName = (at: Date) => `vetrina-${at.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z.db`;

/** The backups of a folder, oldest first (only finished ones carry the name). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => NAME.test(f)).sort().map((f) => path.join(dir, f));
}

/** A backup into `dir` named by its time, then the oldest removed so that `keep` remain. */
export async function backupIntoFolder(databasePath: string, dir: string, keep: number, at: Date, options: BackupOptions = {}): Promise<BackupResult & { removed: number }> {
  const result = await takeBackup(databasePath, path.join(dir, backupFileName(at)), options);
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const f of old) fs.rmSync(f);
  return { ...result, removed: old.length };
}
