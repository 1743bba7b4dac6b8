// Prisma migrations (prisma/migrations/<timestamp>_<name>/migration.sql, recorded in `_prisma_migrations`)
// applied and created in-process through the wasm schema engine, so `prisma migrate deploy` stays valid
// wherever Prisma's native engine is available.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { postgresMigrationsDir, postgresSchemaPath } from "./postgres-schema.js";
import { withSchemaEngine, type MigrationList, type SchemaFilter } from "./schema-engine.js";
import type { StoreLocation } from "./store-location.js";

/** Where the migrations and the schema live; tests pass copies to try changes without touching prisma/. */
export interface MigrationSources {
  migrationsDir: string;
  schemaPath: string;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const projectSources: MigrationSources = {
  migrationsDir: path.join(projectRoot, "prisma", "migrations"),
  schemaPath: path.join(projectRoot, "prisma", "schema.prisma"),
};

/** PostgreSQL's migrations, from the schema generated from prisma/schema.prisma (see postgres-schema.ts). */
export const postgresSources: MigrationSources = { migrationsDir: postgresMigrationsDir, schemaPath: postgresSchemaPath };

/** A string is a SQLite file, as before PostgreSQL existed; each provider has its own migrations folder. */
const locationOf = (target: string | StoreLocation): StoreLocation => (typeof target === "string" ? { provider: "sqlite", path: target } : target);
const defaultSourcesOf = (location: StoreLocation): MigrationSources => (location.provider === "postgresql" ? postgresSources : projectSources);

const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };
const lockfileName = "migration_lock.toml";

/** The migrations folder as the engine wants it: every subfolder with its migration.sql, sorted by name. */
function listMigrations(migrationsDir: string): MigrationList {
  const lockfilePath = path.join(migrationsDir, lockfileName);
  const entries = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir, { withFileTypes: true }) : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: fs.existsSync(lockfilePath) ? fs.readFileSync(lockfilePath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort() // Prisma orders migrations by folder name, i.e. by their timestamp prefix
      .map((name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        // A folder without migration.sql is reported by the engine, as `prisma migrate` would.
        const content = fs.existsSync(file)
          ? ({ tag: "ok", value: fs.readFileSync(file, "utf8") } as const)
          : ({ tag: "error", value: `${file} not found` } as const);
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
  };
}

/** Every migration this code knows, in order (a database recording another one is of a newer schema). */
export function knownMigrations(sources: MigrationSources = projectSources): string[] {
  return listMigrations(sources.migrationsDir).migrationDirectories.map((d) => d.path);
}

/**
 * The migration folders not yet recorded as finished in the database, read with a plain connection.
 * The engine takes SQLite's exclusive lock even when there is nothing to do, which fails while the
 * service has the file open; asking first lets the command-line tools run beside a live service.
 */
export function pendingMigrations(databasePath: string, sources: MigrationSources = projectSources): string[] {
  const all = knownMigrations(sources);
  if (!fs.existsSync(databasePath)) return all;
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const rows = db
      .prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { name: string }[];
    const done = new Set(rows.map((r) => r.name));
    return all.filter((name) => !done.has(name));
  } finally {
    db.close();
  }
}

/** The same question asked of a PostgreSQL database: several processes start at once, and most find nothing to do. */
export async function pendingPostgresMigrations(url: string, sources: MigrationSources = postgresSources): Promise<string[]> {
  const all = knownMigrations(sources);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') AS t");
    if (table.rows[0]?.t === null) return all;
    const rows = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const done = new Set(rows.rows.map((r) => r.name));
    return all.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}

/**
 * Applies the migrations not yet recorded in the database's `_prisma_migrations` (creating a SQLite file if
 * needed). On PostgreSQL the engine holds Prisma's advisory lock, so processes starting together apply them once.
 */
export async function applyMigrations(
  target: string | StoreLocation,
  sources: MigrationSources = defaultSourcesOf(locationOf(target)),
): Promise<{ applied: string[] }> {
  const location = locationOf(target);
  if (location.provider === "postgresql") {
    if ((await pendingPostgresMigrations(location.url, sources)).length === 0) return { applied: [] };
  } else {
    if (pendingMigrations(location.path, sources).length === 0) return { applied: [] };
    fs.mkdirSync(path.dirname(path.resolve(location.path)), { recursive: true });
  }
  const out = await withSchemaEngine(location, (engine) =>
    engine.applyMigrations({ migrationsList: listMigrations(sources.migrationsDir), filters: noFilter }),
  );
  return { applied: out.appliedMigrationNames };
}

/**
 * The SQL that would bring a database built from the migrations folder to the schema; empty when they agree.
 * Replays the migrations on a shadow database: in memory for SQLite, touching no file; for PostgreSQL a
 * temporary database on the server at `shadowServer` (created and dropped by the engine).
 */
export async function migrationsDiffFromSchema(sources: MigrationSources = projectSources, shadowServer?: StoreLocation): Promise<string> {
  const migrations = listMigrations(sources.migrationsDir);
  const schema = fs.readFileSync(sources.schemaPath, "utf8");
  const out = await withSchemaEngine(shadowServer ?? ":memory:", (engine) =>
    engine.diff({
      // Without any migration there is no migration_lock.toml to name the connector: diff from nothing.
      from: migrations.migrationDirectories.length > 0 ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: sources.schemaPath, content: schema }] },
      script: true,
      exitCode: true, // 0: no difference, 2: difference (the script alone is never empty: it has comments)
      filters: noFilter,
    }),
  );
  return out.exitCode === 0 ? "" : (out.stdout ?? "");
}

/**
 * Writes <migrationsDir>/<timestamp>_<name>/migration.sql with what the schema adds to the migrations (and
 * migration_lock.toml if missing), like `prisma migrate dev --create-only`: nothing is applied.
 * Returns the folder name, or null when there is nothing to migrate.
 */
export async function createMigration(name: string, sources: MigrationSources = projectSources, shadowServer?: StoreLocation): Promise<string | null> {
  // Not the engine's createMigration: its wasm build gives SQLite no shadow database to replay the existing
  // migrations on ("SQLite shadow DB must be provided through an external factory"), while diff has one.
  // Same SQL renderer; the folder name follows the engine's format (UTC %Y%m%d%H%M%S_<name>).
  const script = await migrationsDiffFromSchema(sources, shadowServer);
  if (script === "") return null;
  const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  fs.mkdirSync(path.join(sources.migrationsDir, folder), { recursive: true });
  fs.writeFileSync(path.join(sources.migrationsDir, folder, "migration.sql"), script);
  const lockfilePath = path.join(sources.migrationsDir, lockfileName);
  if (!fs.existsSync(lockfilePath)) {
    // What Prisma's CLI writes; `prisma migrate` refuses a folder whose provider differs from the schema's.
    fs.writeFileSync(
      lockfilePath,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${shadowServer?.provider ?? "sqlite"}"\n`,
    );
  }
  return folder;
}
