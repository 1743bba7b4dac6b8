// npm run db:migration:create -- <name>
// Creates prisma/migrations/<timestamp>_<name>/ from the difference between the migrations and
// prisma/schema.prisma, offline (see src/db/schema-engine.ts). Apply it with `npm run db:migrate`.
import { createMigration } from "../src/db/migrate.js";

const raw = process.argv.slice(2).join("_");
// Folder names end up in `_prisma_migrations` and in paths: keep them to lower-case letters, digits and _.
const name = raw.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) {
  console.error("usage: npm run db:migration:create -- <name>");
  process.exit(1);
}

try {
  const created = await createMigration(name);
  console.log(created ? `created prisma/migrations/${created}/migration.sql` : "nothing to do: the migrations already match prisma/schema.prisma");
} catch (e) {
  console.error(`migration not created: ${(e as Error).message}`);
  process.exit(1);
}
