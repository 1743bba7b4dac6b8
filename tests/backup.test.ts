import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeBackup } from "../src/backup/take-backup.js";
import { restoreBackup } from "../src/backup/restore-backup.js";
import { backupIntoFolder, listBackups } from "../src/backup/nightly-backup.js";
import { loadEnv } from "../src/config/env.js";
import { applyMigrations, knownMigrations, pendingMigrations, projectSources } from "../src/db/migrate.js";
import { AppError } from "../src/errors/app-error.js";
import { createLogger } from "../src/logging/logger.js";
import { partitaIva } from "./fixtures/italian-codes.js";
import { startVetrina } from "./helpers/processes.js";
import { SYSTEM_ACTOR } from "../src/auth/actor.js";
import { createContext } from "../src/bootstrap.js";
import type { AppContext } from "../src/context.js";
import { createEmployer } from "../src/employers/employer-service.js";

const silent = createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" });
const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-backup-"));
const envAt = (databasePath: string) => loadEnv({ DATABASE_PATH: databasePath, NODE_ENV: "test", LOG_LEVEL: "silent" });

const employerTaxCodes = (file: string): Set<string> => {
  const db = new Database(file, { readonly: true });
  try {
    return new Set((db.prepare("SELECT taxCode FROM Employer").all() as { taxCode: string }[]).map((r) => r.taxCode));
  } finally {
    db.close();
  }
};

/** The refusal a restore gives, as the operator reads it. */
async function restoreRefusal(file: string): Promise<string> {
  const target = path.join(scratch(), "restored.db");
  const err = await restoreBackup(envAt(target), silent, file).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect(fs.existsSync(target)).toBe(false); // nothing was put in place
  return (err as AppError).message;
}

describe("online backup and verified restore", () => {
  // The store as the service opens it (migrated, reference data, embedded index), in a file of its own.
  let ctx: AppContext;
  let databasePath: string;
  beforeAll(async () => {
    databasePath = path.join(scratch(), "vetrina.db");
    ctx = await createContext(envAt(databasePath), silent);
  });
  afterAll(async () => ctx.db.$disconnect());

  it("a backup taken during a burst of writes, restored elsewhere, holds every write acknowledged before it began", async () => {
    const acknowledged: string[] = [];
    let writing = true;
    let failure: unknown;
    const burst = (async () => {
      for (let n = 5000; writing; n++) {
        const taxCode = partitaIva(n);
        // The service's own use-case: once it resolves, the write is committed and acknowledged.
        await createEmployer(ctx, SYSTEM_ACTOR, { name: `Azienda ${n}`, taxCode }, "POST /api/v1/employers");
        acknowledged.push(taxCode);
        await new Promise((r) => setImmediate(r)); // as between two requests: the event loop turns
      }
    })().catch((err: unknown) => void (failure = err));
    while (acknowledged.length < 20 && failure === undefined) await new Promise((r) => setTimeout(r, 5));
    expect(failure).toBeUndefined();
    const beforeBackup = [...acknowledged];
    const file = path.join(scratch(), "backup.db");
    const result = await takeBackup(databasePath, file, { pagesPerStep: 8 });
    const duringBackup = acknowledged.length - beforeBackup.length;
    writing = false;
    await burst;
    expect(failure).toBeUndefined();

    expect(duringBackup).toBeGreaterThan(0); // the service kept writing while the copy was made
    expect(result.rows).toBeGreaterThan(0);
    const restored = path.join(scratch(), "vetrina.db");
    const outcome = await restoreBackup(envAt(restored), silent, file);
    expect(outcome.migrationsApplied).toEqual([]);
    const held = employerTaxCodes(restored);
    expect(beforeBackup.filter((t) => !held.has(t))).toEqual([]);
    // The restored store answers searches: its index was rebuilt from it.
    const runs = new Database(restored, { readonly: true }).prepare("SELECT kind, status FROM JobRun WHERE kind IN ('restore', 'reindex')").all();
    expect(runs).toEqual(expect.arrayContaining([{ kind: "restore", status: "succeeded" }, { kind: "reindex", status: "succeeded" }]));
  });

  it("a backup killed halfway leaves no file that restore accepts", async () => {
    const dir = scratch();
    const target = path.join(dir, "killed.db");
    // A slow copy (one page a step, 2 ms a step) in a process of its own, killed with SIGKILL once a third is copied.
    const code = `
      const { takeBackup } = await import(${JSON.stringify(path.resolve("src/backup/take-backup.ts"))});
      const pause = new Int32Array(new SharedArrayBuffer(4));
      await takeBackup(${JSON.stringify(databasePath)}, ${JSON.stringify(target)}, { pagesPerStep: 1, onProgress: (done, total) => {
        Atomics.wait(pause, 0, 0, 2);
        process.stdout.write("copied " + done + " " + total + "\\n");
      } });
      console.log("finished");`;
    const child = startVetrina(["--input-type=module", "-e", code], {});
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const last = child.output().trim().split("\n").filter((l) => l.startsWith("copied ")).at(-1);
        const [, done, total] = last?.split(" ").map(Number) ?? [];
        if (done !== undefined && total !== undefined && done > total / 3) {
          clearInterval(timer);
          child.child.kill("SIGKILL");
          resolve();
        }
      }, 5);
      void child.exited.then(() => (clearInterval(timer), reject(new Error(`backup ended before it was killed: ${child.output()}`))));
    });
    await child.exited;
    expect(child.output()).not.toContain("finished");
    expect(fs.existsSync(target)).toBe(false);
    const left = fs.readdirSync(dir).map((f) => path.join(dir, f));
    expect(left.length).toBeGreaterThan(0); // the temporary copy it was writing
    for (const f of left) expect(await restoreRefusal(f)).toMatch(/non è un backup completo|danneggiato|integrità|non è un database/);
  });

  it("refuses a damaged file and a file from a newer schema, and brings an older one up to date", async () => {
    const dir = scratch();
    const good = path.join(dir, "good.db");
    await takeBackup(databasePath, good);

    const damaged = path.join(dir, "damaged.db");
    fs.copyFileSync(good, damaged);
    fs.truncateSync(damaged, Math.floor(fs.statSync(damaged).size / 2));
    expect(await restoreRefusal(damaged)).toMatch(/danneggiato|integrità/);

    const newer = path.join(dir, "newer.db");
    fs.copyFileSync(good, newer);
    const db = new Database(newer);
    db.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '29991231000000_future', 0, 0, 1)").run();
    db.close();
    expect(await restoreRefusal(newer)).toContain("versione più recente di Vetrina (migrazioni sconosciute: 29991231000000_future)");

    // An older Vetrina: the same migrations but the latest one.
    const olderMigrations = path.join(dir, "older-migrations");
    fs.cpSync(projectSources.migrationsDir, olderMigrations, { recursive: true });
    const latest = knownMigrations().at(-1)!;
    fs.rmSync(path.join(olderMigrations, latest), { recursive: true });
    const olderDb = path.join(dir, "older-live.db");
    await applyMigrations(olderDb, { ...projectSources, migrationsDir: olderMigrations });
    const older = path.join(dir, "older.db");
    await takeBackup(olderDb, older);

    const restored = path.join(scratch(), "vetrina.db");
    fs.copyFileSync(good, restored); // a database already in place is kept aside, not lost
    const outcome = await restoreBackup(envAt(restored), silent, older);
    expect(outcome.migrationsApplied).toEqual([latest]);
    expect(pendingMigrations(restored)).toEqual([]);
    expect(outcome.previousFile).not.toBeNull();
    expect(fs.existsSync(outcome.previousFile!)).toBe(true);
  });

  it("the nightly backup keeps the configured number of backups", async () => {
    const dir = scratch();
    for (const [i, day] of ["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"].entries()) {
      const r = await backupIntoFolder(databasePath, dir, 3, new Date(`${day}T00:00:00Z`));
      expect(r.removed).toBe(i < 3 ? 0 : 1);
    }
    expect(listBackups(dir).map((f) => path.basename(f))).toEqual(["vetrina-20261129T000000Z.db", "vetrina-20261130T000000Z.db", "vetrina-20261201T000000Z.db"]);
  });
});
