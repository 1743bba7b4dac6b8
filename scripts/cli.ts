import { loadEnv } from "../src/config/env.js";
import { runMain, withCliContext } from "../src/cli/run-cli.js";
import type { AppContext } from "../src/context.js";

/** One command per module under src/cli/commands; each returns its exit code. */
type Command = { summary: string; load: () => Promise<{ run(ctx: AppContext, args: string[]): Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  "create-user": { summary: "crea un utente e stampa il suo token (una volta)", load: () => import("../src/cli/commands/create-user.js") },
  "create-token": { summary: "emette un nuovo token per un utente e lo stampa (una volta)", load: () => import("../src/cli/commands/create-token.js") },
  "list-tokens": { summary: "elenca i token di un utente (stato, scadenza, ultimo uso)", load: () => import("../src/cli/commands/list-tokens.js") },
  "revoke-token": { summary: "revoca un token o tutti i token di un utente", load: () => import("../src/cli/commands/revoke-token.js") },
  "deactivate-user": { summary: "disattiva un utente: i suoi token smettono subito di funzionare", load: () => import("../src/cli/commands/deactivate-user.js") },
  "reactivate-user": { summary: "riattiva un utente disattivato", load: () => import("../src/cli/commands/reactivate-user.js") },
  "demo-tokens": { summary: "emette nuovi token per gli utenti dimostrativi (non in produzione)", load: () => import("../src/cli/commands/demo-tokens.js") },
  "import-vacancies": { summary: "importa la vetrina da .xlsx o .csv", load: () => import("../src/cli/commands/import-vacancies.js") },
  "import-candidates": { summary: "importa persone da .xlsx o .csv", load: () => import("../src/cli/commands/import-candidates.js") },
  cpis: { summary: "CPI e bacini: list, create, update, close, bacino, import (elenco dei CPI da .xlsx o .csv)", load: () => import("../src/cli/commands/cpis.js") },
  "retry-import": { summary: "ripete un'importazione fallita o interrotta dal file conservato", load: () => import("../src/cli/commands/retry-import.js") },
  "export-vacancies": { summary: "esporta la vetrina in .xlsx", load: () => import("../src/cli/commands/export-vacancies.js") },
  "expire-vacancies": { summary: "porta a «Scaduta» le offerte con data di chiusura superata", load: () => import("../src/cli/commands/expire-vacancies.js") },
  rematch: { summary: "riesegue l'abbinamento di tutte le offerte aperte e ne salva i risultati", load: () => import("../src/cli/commands/rematch.js") },
  jobs: { summary: "elenca pianificazioni, coda e lavori non riusciti; «jobs retry <id>» rimette in coda un lavoro non riuscito", load: () => import("../src/cli/commands/jobs.js") },
  reindex: { summary: "ricostruisce l'indice di ricerca dall'archivio", load: () => import("../src/cli/commands/reindex.js") },
  backup: { summary: "backup a caldo dell'archivio in un file, controllato", load: () => import("../src/cli/commands/backup.js") },
  restore: { summary: "ripristina un backup (a servizio fermo) e ricostruisce l'indice", load: () => import("../src/cli/commands/restore.js") },
  "move-to-postgres": { summary: "sposta la regione dal file SQLite a PostgreSQL (tabelle, conteggi, indice Meilisearch); riprende se interrotto", load: () => import("../src/cli/commands/move-to-postgres.js") },
  retention: { summary: "conservazione dei dati personali: cosa cancellerebbe; «--apply» lo cancella", load: () => import("../src/cli/commands/retention.js") },
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error("Uso: npm run cli -- <comando> [argomenti]\n\nComandi:");
    for (const [n, c] of Object.entries(COMMANDS)) console.error(`  ${n.padEnd(18)} ${c.summary}`);
    return name ? 2 : 0;
  }
  const loaded = await command.load();
  return withCliContext(loadEnv(), (ctx) => loaded.run(ctx, args));
}

runMain(main);
