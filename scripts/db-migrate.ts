// npm run db:migrate: applies pending prisma/migrations to DATABASE_PATH (default ./data/vetrina.db).
// Same folder and `_prisma_migrations` table as `prisma migrate deploy`, run offline (see src/db/schema-engine.ts).
import { applyMigrations } from "../src/db/migrate.js";

const databasePath = process.env.DATABASE_PATH ?? "./data/vetrina.db";

try {
  const { applied } = await applyMigrations(databasePath);
  if (applied.length === 0) console.log(`${databasePath}: already up to date`);
  else console.log(`${databasePath}: applied ${applied.length} migration(s):\n${applied.map((n) => `  ${n}`).join("\n")}`);
} catch (e) {
  console.error(`${databasePath}: migration failed: ${(e as Error).message}`);
  process.exit(1);
}
