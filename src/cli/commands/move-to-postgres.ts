import { createContext } from "../../bootstrap.js";
import type { AppContext } from "../../context.js";
import { createPostgresDb } from "../../db/client.js";
import { copyStore, finishCopy } from "../../db/copy-store.js";
import { applyMigrations } from "../../db/migrate.js";
import { describeStore, isPostgresUrl } from "../../db/store-location.js";
import { AppError } from "../../errors/app-error.js";
import { advanceCursor } from "../../events/event-cursor.js";
import { latestEventSeq } from "../../events/read-events.js";
import { indexConsumer } from "../../indexing/index-sync-consumer.js";
import { INDEX_NAMES } from "../../indexing/index-schema.js";
import { rebuildIndex } from "../../indexing/rebuild-index.js";
import { indexRebuildProgress, progressBar } from "../progress.js";

const USAGE = "Uso: npm run cli -- move-to-postgres postgresql://utente@host:porta/database (con MEILISEARCH_URL e MEILISEARCH_API_KEY della nuova installazione)";

/**
 * `npm run cli -- move-to-postgres <url>`: moves the region in the SQLite file (DATABASE_PATH) to an empty
 * PostgreSQL database: migrations, every table in foreign-key order with a progress bar, counts checked,
 * then the Meilisearch index rebuilt from the new store. Run with the service stopped; if interrupted,
 * the same command resumes from the first unfinished table.
 */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const [url, ...rest] = args;
  if (!url || rest.length > 0 || !isPostgresUrl(url)) {
    console.error(USAGE);
    return 2;
  }
  if (ctx.env.DATABASE_URL) {
    console.error("move-to-postgres copia dal file SQLite (DATABASE_PATH): togliere DATABASE_URL dall'ambiente.");
    return 2;
  }
  if (!ctx.env.MEILISEARCH_URL) {
    console.error(`Con PostgreSQL il motore di ricerca è Meilisearch: impostare MEILISEARCH_URL (e MEILISEARCH_API_KEY).\n${USAGE}`);
    return 2;
  }
  const target = { provider: "postgresql" as const, url };
  const { applied } = await applyMigrations(target);
  if (applied.length > 0) console.log(`${describeStore(target)}: ${applied.length} migrazioni applicate`);

  const db = createPostgresDb(url);
  let bar: ReturnType<typeof progressBar> | null = null;
  try {
    const copies = await copyStore(ctx.db, db, {
      start: (total) => (bar = progressBar("Copia delle tabelle (righe)", total)),
      rows: (done) => bar?.update(done),
    });
    (bar as ReturnType<typeof progressBar> | null)?.stop();
    const resumed = copies.filter((c) => c.resumed).length;
    const rows = copies.reduce((n, c) => n + c.rows, 0);
    console.log(`${copies.length} tabelle, ${rows} righe copiate e contate${resumed ? ` (${resumed} tabelle già copiate da un'esecuzione interrotta)` : ""}.`);
  } catch (err) {
    (bar as ReturnType<typeof progressBar> | null)?.stop();
    await db.$disconnect();
    if (!(err instanceof AppError)) throw err;
    console.error(err.message);
    return 1;
  }

  // The new deployment's context: PostgreSQL and Meilisearch, as the service will open them.
  const moved = await createContext({ ...ctx.env, DATABASE_URL: url, SEARCH_BACKEND: "meilisearch" }, ctx.log);
  try {
    await rebuildIndex(moved, [...INDEX_NAMES], indexRebuildProgress());
    // The rebuilt index holds every event so far: the consumer of the new deployment starts after them.
    const last = await latestEventSeq(moved.db);
    for (const name of INDEX_NAMES) await advanceCursor(moved.db, indexConsumer(name), last);
    await finishCopy(moved.db);
  } finally {
    await moved.db.$disconnect();
    await db.$disconnect();
  }
  console.log(`Regione spostata in ${describeStore(target)}. Avviare il servizio con DATABASE_URL, SEARCH_BACKEND=meilisearch e MEILISEARCH_URL.`);
  return 0;
}
