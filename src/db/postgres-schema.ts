// prisma/schema.prisma (SQLite) is the one source of truth of the models; the PostgreSQL schema is derived
// from it by this pure function (scripts/generate-postgres-schema.ts writes it, a test checks it is current).
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sqliteSchemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const postgresSchemaPath = path.join(projectRoot, "prisma", "postgresql", "schema.prisma");
export const postgresMigrationsDir = path.join(projectRoot, "prisma", "postgresql", "migrations");

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npx tsx scripts/generate-postgres-schema.ts`: do not edit.\n" +
  "// The same models on PostgreSQL, with their own client (src/generated/prisma-postgres) and migrations.\n\n";

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: ${what} not found`);
  return text.replace(pattern, replacement);
}

/**
 * The PostgreSQL schema of the SQLite one: another provider and another client folder, the models as they
 * are (every type the SQLite schema uses has a PostgreSQL column: DateTime → timestamp(3), Json → jsonb,
 * Bytes → bytea, Float → double precision).
 */
export function postgresSchemaFrom(sqliteSchema: string): string {
  let text = replaceOnce(sqliteSchema, /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', "the sqlite datasource");
  text = replaceOnce(text, /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/src\/generated\/prisma"/, '$1"../../src/generated/prisma-postgres"', "the client output");
  return HEADER + text;
}
