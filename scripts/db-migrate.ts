// npm run db:migrate: applies pending migrations to the store: DATABASE_URL (PostgreSQL, prisma/postgresql/migrations)
// or DATABASE_PATH (SQLite, prisma/migrations; default ./data/vetrina.db).
// Same folders and `_prisma_migrations` table as `prisma migrate deploy`, run offline (see src/db/schema-engine.ts).
import { applyMigrations } from "../src/db/migrate.js";
import { loadStoreLocation } from "../src/config/env.js";
import { describeStore } from "../src/db/store-location.js";

const store = loadStoreLocation();
const name = describeStore(store);

try {
  const { applied } = await applyMigrations(store);
  if (applied.length === 0) console.log(`${name}: already up to date`);
  else console.log(`${name}: applied ${applied.length} migration(s):\n${applied.map((n) => `  ${n}`).join("\n")}`);
} catch (e) {
  console.error(`${name}: migration failed: ${(e as Error).message}`);
  process.exit(1);
}
