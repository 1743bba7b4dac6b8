import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate`; migrations run through scripts/db-migrate.ts (see README).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: `file:${process.env.DATABASE_PATH ?? "./data/vetrina.db"}` },
});
