// prisma/schema.prisma is the one source of the models; the PostgreSQL schema is generated from it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresSchemaFrom, postgresSchemaPath, sqliteSchemaPath } from "../src/db/postgres-schema.js";

describe("the PostgreSQL schema", () => {
  it("is the one generated from prisma/schema.prisma (else run: npx tsx scripts/generate-postgres-schema.ts --migration <name>)", () => {
    expect(fs.readFileSync(postgresSchemaPath, "utf8")).toBe(postgresSchemaFrom(fs.readFileSync(sqliteSchemaPath, "utf8")));
  });

  it("has the same models and fields, on PostgreSQL, with a client of its own", () => {
    const sqlite = fs.readFileSync(sqliteSchemaPath, "utf8");
    const generated = postgresSchemaFrom(sqlite);
    const models = (text: string) => text.slice(text.indexOf("\nmodel "));
    expect(models(generated)).toBe(models(sqlite));
    expect(generated).toMatch(/datasource db \{\s*provider = "postgresql"/);
    expect(generated).toContain('output       = "../../src/generated/prisma-postgres"');
  });
});
