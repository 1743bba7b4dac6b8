// npx tsx scripts/generate-postgres-schema.ts [--migration <name>]
// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (see src/db/postgres-schema.ts), then
// regenerates the Prisma clients. With --migration, also writes prisma/postgresql/migrations/<timestamp>_<name>/
// from the difference between those migrations and the schema, offline with the wasm schema engine; its shadow
// database needs a PostgreSQL server: TEST_POSTGRES_URL or DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createMigration, postgresSources } from "../src/db/migrate.js";
import { postgresSchemaFrom, postgresSchemaPath, sqliteSchemaPath } from "../src/db/postgres-schema.js";

const args = process.argv.slice(2);
const migrationAt = args.indexOf("--migration");
const name = migrationAt >= 0 ? (args[migrationAt + 1] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") : null;
if (migrationAt >= 0 && !name) {
  console.error("usage: npx tsx scripts/generate-postgres-schema.ts [--migration <name>]");
  process.exit(1);
}

const schema = postgresSchemaFrom(fs.readFileSync(sqliteSchemaPath, "utf8"));
const changed = !fs.existsSync(postgresSchemaPath) || fs.readFileSync(postgresSchemaPath, "utf8") !== schema;
fs.mkdirSync(postgresSources.migrationsDir, { recursive: true });
if (changed) fs.writeFileSync(postgresSchemaPath, schema);
console.log(changed ? "prisma/postgresql/schema.prisma written" : "prisma/postgresql/schema.prisma already current");

if (changed) {
  const generated = spawnSync("npx", ["tsx", "scripts/prisma-generate.ts"], { stdio: "inherit" });
  if (generated.status !== 0) process.exit(1);
}

if (name) {
  const url = process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  try {
    const created = await createMigration(name, postgresSources, { provider: "postgresql", url });
    console.log(created ? `created prisma/postgresql/migrations/${created}/migration.sql` : "nothing to do: the PostgreSQL migrations already match the schema");
  } catch (e) {
    console.error(`migration not created: ${(e as Error).message}`);
    process.exit(1);
  }
}
