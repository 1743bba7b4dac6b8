// Loads comuni and CPIs into the database at DATABASE_PATH (default ./data/vetrina.db). Safe to re-run.
// Usage: npx tsx scripts/load-reference.ts   (after the migrations have created the tables)
import { loadEnv } from "../src/config/env.js";
import { createDb } from "../src/db/client.js";
import { loadReferenceData } from "../src/reference/load-reference-data.js";

const { DATABASE_PATH } = loadEnv();
const db = createDb(DATABASE_PATH);
try {
  // Say what to do instead of a driver error when the schema is not there yet.
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('Comune', 'Cpi')`,
  );
  if (tables.length < 2) {
    console.error(`${DATABASE_PATH}: tabelle Comune/Cpi assenti, applicare prima le migrazioni (npm run db:migrate).`);
    process.exitCode = 1;
  } else {
    const started = Date.now();
    await loadReferenceData(db, (message) => console.log(message));
    console.log(`dati di riferimento caricati in ${DATABASE_PATH} (${Date.now() - started} ms)`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
