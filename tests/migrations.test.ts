import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.js";
import {
  applyMigrations,
  pendingMigrations,
  createMigration,
  migrationsDiffFromSchema,
  projectSources,
  type MigrationSources,
} from "../src/db/migrate.js";
import { freshDatabasePath } from "./helpers/migrated-db-template.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-migrations-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const migrationNames = fs
  .readdirSync(projectSources.migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const modelNames = [...fs.readFileSync(projectSources.schemaPath, "utf8").matchAll(/^model (\w+)/gm)].map((m) => m[1]);

function tableNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
  } finally {
    db.close();
  }
}

/** A copy of prisma/ to change freely. */
function copyOfPrismaFolder(): MigrationSources {
  const dir = fs.mkdtempSync(path.join(tmp, "prisma-"));
  fs.cpSync(path.dirname(projectSources.schemaPath), dir, { recursive: true });
  return { migrationsDir: path.join(dir, "migrations"), schemaPath: path.join(dir, "schema.prisma") };
}

describe("migrations", () => {
  it("creates every table on a fresh file, records each migration, and applies nothing the second time", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    const file = path.join(tmp, "fresh", "nested", "vetrina.db"); // folders do not exist yet

    expect(await applyMigrations(file)).toEqual({ applied: migrationNames });
    expect(tableNames(file)).toEqual(expect.arrayContaining([...modelNames, "_prisma_migrations"]));

    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name")
      .all() as { migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null }[];
    db.close();
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      // Prisma's own record: sha256 of migration.sql, finished, not rolled back; `prisma migrate deploy` agrees.
      const sql = fs.readFileSync(path.join(projectSources.migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }

    expect(await applyMigrations(file)).toEqual({ applied: [] });
  });

  it("prisma/migrations produce exactly prisma/schema.prisma (else: npm run db:migration:create -- <name>)", async () => {
    expect(await migrationsDiffFromSchema()).toBe("");
  });

  it("notices a schema change, and a migration created for it closes the gap and applies", async () => {
    const sources = copyOfPrismaFolder();
    const file = path.join(tmp, "changed", "vetrina.db");
    await applyMigrations(file, sources);
    fs.appendFileSync(sources.schemaPath, "\nmodel MigrationProbe {\n  id   Int     @id\n  note String?\n}\n");

    expect(await migrationsDiffFromSchema(sources)).toContain('CREATE TABLE "MigrationProbe"');
    const created = await createMigration("probe", sources);
    expect(created).toMatch(/^\d{14}_probe$/);
    expect(await migrationsDiffFromSchema(sources)).toBe("");
    expect(await createMigration("again", sources)).toBeNull();
    expect(await applyMigrations(file, sources)).toEqual({ applied: [created] });
    expect(tableNames(file)).toContain("MigrationProbe");
  });
});

describe("migrations beside a running service", () => {
  it("a database already up to date is left alone even while another process holds it open in WAL mode", async () => {
    const file = await freshDatabasePath();
    const service = createDb(file);
    await service.$executeRawUnsafe("PRAGMA journal_mode = WAL");
    await service.cpi.count();
    try {
      expect(pendingMigrations(file)).toEqual([]);
      await expect(applyMigrations(file)).resolves.toEqual({ applied: [] });
    } finally {
      await service.$disconnect();
    }
  });

  it("a new file has every migration pending", () => {
    expect(pendingMigrations(path.join(os.tmpdir(), "does-not-exist", "x.db")).length).toBeGreaterThan(0);
  });
});

describe("freshDatabasePath", () => {
  it("gives separate migrated files the Prisma client can use", async () => {
    const [a, b] = await Promise.all([freshDatabasePath(), freshDatabasePath()]);
    expect(a).not.toBe(b);
    expect(tableNames(b)).toEqual(expect.arrayContaining(modelNames));
    const db = createDb(a!);
    try {
      await db.jobRun.create({ data: { kind: "test", status: "done" } });
      expect(await db.jobRun.count()).toBe(1);
    } finally {
      await db.$disconnect();
    }
    expect((await applyMigrations(b!)).applied).toEqual([]); // already up to date
  });
});
