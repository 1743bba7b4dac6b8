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
import request from "supertest";
import { freePort, startVetrina, untilHealthy } from "./helpers/processes.js";
import { createPersonas, createTestApp } from "./helpers/test-app.js";
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
  // A real service on a copy of the store, started now so that its start overlaps the tests before its own.
  const running = { dir: scratch(), port: 0, process: undefined as ReturnType<typeof startVetrina> | undefined };
  const runningDb = path.join(running.dir, "vetrina.db");
  const runningBackup = path.join(running.dir, "backup.db");
  beforeAll(async () => {
    databasePath = path.join(scratch(), "vetrina.db");
    ctx = await createContext(envAt(databasePath), silent);
    await takeBackup(databasePath, runningBackup);
    fs.copyFileSync(runningBackup, runningDb);
    running.port = await freePort();
    running.process = startVetrina(["src/main.ts"], { DATABASE_PATH: runningDb, PORT: String(running.port), HOST: "127.0.0.1" });
  });
  afterAll(async () => {
    running.process?.child.kill("SIGKILL");
    await ctx.db.$disconnect();
  });

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

  it("restore refuses while the service runs on the database, and goes ahead once it was killed", async () => {
    const service = running.process!;
    try {
      await untilHealthy(running.port);
      const refusal = await restoreBackup(envAt(runningDb), silent, runningBackup).then(() => null, (e: unknown) => e);
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe("CONFLICT");
      expect((refusal as AppError).message).toContain(`Vetrina è in esecuzione su ${runningDb} (processo ${service.child.pid} su ${os.hostname()}`);
      expect(fs.readdirSync(running.dir).filter((f) => f.includes("before-restore"))).toEqual([]); // nothing was replaced
    } finally {
      service.child.kill("SIGKILL"); // a crash: its heartbeat is left behind, unrenewed
      await service.exited;
    }
    // A backup of that database holds the dead service's heartbeat; its restore does not count it (this machine,
    // no such process, without waiting for the lapse) and does not carry it into the restored store.
    const heartbeats = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT count(*) AS n FROM "ServiceHeartbeat"').get();
      } finally {
        db.close();
      }
    };
    const afterCrash = path.join(running.dir, "after-crash.db");
    await takeBackup(runningDb, afterCrash);
    expect(heartbeats(afterCrash)).toEqual({ n: 1 });
    const outcome = await restoreBackup(envAt(runningDb), silent, afterCrash);
    expect(outcome.previousFile).not.toBeNull();
    expect(heartbeats(runningDb)).toEqual({ n: 0 });
  });

  it("an administrator takes a backup through the API, which restores with every write made before it; others may not; 409 while another runs", async () => {
    const backups = scratch();
    const t = await createTestApp({ BACKUP_DIR: backups, BACKUP_KEEP: "2" });
    try {
      const p = await createPersonas(t.ctx);
      const as = (token: string) => request(t.app).post("/api/v1/backups").set("authorization", `Bearer ${token}`).send({});
      const written = await request(t.app).post("/api/v1/employers").set("authorization", `Bearer ${p.admin}`).send({ name: "Azienda appena scritta", taxCode: partitaIva(9001) });
      expect(written.status).toBe(201);

      expect((await request(t.app).post("/api/v1/backups").send({})).status).toBe(401);
      for (const token of [p.referent, p.tutor, p.navigator, p.employer]) expect((await as(token)).status).toBe(403);
      const res = await as(p.admin);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ file: expect.stringMatching(/^vetrina-\d{8}T\d{6}Z\.db$/), tables: expect.any(Number), removed: 0 });
      expect(res.body.rows).toBeGreaterThan(0);
      expect(fs.statSync(path.join(backups, res.body.file)).size).toBe(res.body.bytes);
      const run = await t.ctx.db.jobRun.findFirstOrThrow({ where: { kind: "backup" }, orderBy: { startedAt: "desc" } });
      expect(run).toMatchObject({ status: "succeeded", source: "POST /backups" });

      const restored = path.join(scratch(), "vetrina.db");
      await restoreBackup(envAt(restored), silent, path.join(backups, res.body.file));
      expect(employerTaxCodes(restored)).toContain(partitaIva(9001));

      // Another backup running (its lease renewed by the process taking it): refused, nothing written.
      const other = await t.ctx.db.jobRun.create({ data: { kind: "backup", source: "job notturno", status: "running", leaseOwner: "altro-processo", leaseExpiresAt: new Date(Date.now() + 60_000) } });
      const refused = await as(p.admin);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Un altro backup è in corso") });
      expect(listBackups(backups)).toHaveLength(1);
      // Once that process is gone (its lease lapsed), backups go ahead again; of two asked for at once, one.
      await t.ctx.db.jobRun.update({ where: { id: other.id }, data: { leaseExpiresAt: new Date(Date.now() - 1) } });
      expect((await Promise.all([as(p.admin), as(p.admin)])).map((r) => r.status).sort()).toEqual([201, 409]);
    } finally {
      await t.close();
    }
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
