// Read-then-write transactions of several writers on PostgreSQL: none is lost, as on SQLite's single write lock.
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPostgresDb, type Db } from "../../src/db/client.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { createDatabase } from "../helpers/postgres-server.js";

const server = inject("postgres");
const opened: Db[] = [];
afterAll(async () => Promise.all(opened.map((d) => d.$disconnect())));

describe("PostgreSQL transactions", () => {
  it("two clients (two processes' pools) incrementing one counter by read-then-write lose no increment", async () => {
    const url = await createDatabase(server.serverUrl, `${server.runPrefix}_transactions`);
    await applyMigrations({ provider: "postgresql", url });
    const [a, b] = [createPostgresDb(url, { poolSize: 4 }), createPostgresDb(url, { poolSize: 4 })] as [Db, Db];
    opened.push(a, b);
    await a.eventCursor.create({ data: { consumer: "contatore", lastSeq: 0 } });
    const increment = (db: Db) =>
      db.$transaction(async (tx) => {
        const { lastSeq } = await tx.eventCursor.findUniqueOrThrow({ where: { consumer: "contatore" } });
        await new Promise((resolve) => setTimeout(resolve, 5)); // let the other writers read the same value
        await tx.eventCursor.update({ where: { consumer: "contatore" }, data: { lastSeq: lastSeq + 1 } });
      });
    await Promise.all(Array.from({ length: 30 }, (_, i) => increment(i % 2 === 0 ? a : b)));
    expect((await a.eventCursor.findUniqueOrThrow({ where: { consumer: "contatore" } })).lastSeq).toBe(30);
  });
});
