// Loads comuni and CPIs into the store: DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite; default
// ./data/vetrina.db). Safe to re-run.
// Usage: npx tsx scripts/load-reference.ts   (after the migrations have created the tables)
import { openStore } from "../src/db/client.js";
import { loadStoreLocation } from "../src/config/env.js";
import { describeStore } from "../src/db/store-location.js";
import { loadReferenceData } from "../src/reference/load-reference-data.js";

const store = loadStoreLocation();
const name = describeStore(store);
const db = openStore(store);
try {
  await db.comune.count();
  await db.cpi.count();
  const started = Date.now();
  await loadReferenceData(db, (message) => console.log(message));
  console.log(`dati di riferimento caricati in ${name} (${Date.now() - started} ms)`);
} catch (error) {
  // Say what to do instead of a driver error when the schema is not there yet.
  if ((error as { code?: string }).code === "P2021") {
    console.error(`${name}: tabelle Comune/Cpi assenti, applicare prima le migrazioni (npm run db:migrate).`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
