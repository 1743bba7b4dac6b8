// The PostgreSQL migrations (prisma/postgresql/migrations) against the generated schema, on a real server.
import fs from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPostgresDb } from "../../src/db/client.js";
import { applyMigrations, knownMigrations, migrationsDiffFromSchema, pendingPostgresMigrations, postgresSources } from "../../src/db/migrate.js";
import { createDatabase } from "../helpers/postgres-server.js";

const server = inject("postgres");
const opened: { $disconnect(): Promise<void> }[] = [];
afterAll(async () => Promise.all(opened.map((d) => d.$disconnect())));

describe("PostgreSQL migrations", () => {
  it("match the schema generated from prisma/schema.prisma (else run: npx tsx scripts/generate-postgres-schema.ts --migration <name>)", async () => {
    expect(await migrationsDiffFromSchema(postgresSources, { provider: "postgresql", url: server.serverUrl })).toBe("");
  });

  it("create every table on an empty database, are recorded as Prisma records them, and apply nothing the second time", async () => {
    const url = await createDatabase(server.serverUrl, `${server.runPrefix}_migrations`);
    const names = knownMigrations(postgresSources);
    expect(await pendingPostgresMigrations(url)).toEqual(names);
    // Two processes starting at once: the migrations are applied once.
    const both = await Promise.all([applyMigrations({ provider: "postgresql", url }), applyMigrations({ provider: "postgresql", url })]);
    expect(both.flatMap((r) => r.applied).sort()).toEqual(names);
    expect(await applyMigrations({ provider: "postgresql", url })).toEqual({ applied: [] });
    const db = createPostgresDb(url, { poolSize: 1 });
    opened.push(db);
    const tables = await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    const models = [...fs.readFileSync(postgresSources.schemaPath, "utf8").matchAll(/^model (\w+)/gm)].map((m) => m[1]);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([...models, "_prisma_migrations"]));
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name");
    expect(rows.map((r) => r.migration_name)).toEqual(names);
  });
});
