import { parseArgs } from "node:util";
import { ConfigError, loadEnv } from "../src/config/env.js";
import { runMain, withCliContext } from "../src/cli/run-cli.js";
import { seedDemoData } from "../src/demo/seed-demo-data.js";
import { DEMO_SIZES } from "../src/demo/demo-dataset.js";

const USAGE = `Uso: npm run seed -- [--seed N] [--vacancies N] [--candidates N]

Carica i dati dimostrativi (CPI di Piemonte e Lombardia, operatori, aziende, ~${DEMO_SIZES.vacancies} offerte,
~${DEMO_SIZES.candidates} persone) nell'archivio indicato da DATABASE_PATH, solo se non contiene offerte né persone.
Il seed (predefinito: DEMO_SEED, altrimenti 2026) rende i dati riproducibili. Rifiuta con NODE_ENV=production.`;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new ConfigError(`--${name}: atteso un numero intero, ricevuto "${value}"`);
  return Number(value);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: "string" },
      vacancies: { type: "string" },
      candidates: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const env = loadEnv();
  if (env.NODE_ENV === "production") {
    console.error("Rifiutato: i dati dimostrativi non si caricano con NODE_ENV=production.");
    return 1;
  }
  const seed = positiveInt(values.seed, "seed") ?? env.DEMO_SEED;
  const vacancies = positiveInt(values.vacancies, "vacancies");
  const candidates = positiveInt(values.candidates, "candidates");
  return withCliContext(env, async (ctx) => {
    const result = await seedDemoData(ctx, { seed, vacancies, candidates });
    if (!result.seeded) {
      console.error(`${result.reason}\nPer ripartire da zero: cancellare ${env.DATABASE_PATH} (o usare un altro DATABASE_PATH).`);
      return 1;
    }
    const { counts } = result;
    console.log(
      `Dati dimostrativi caricati in ${env.DATABASE_PATH} (seed ${seed}) in ${(result.totalMs / 1000).toFixed(1)} s ` +
        `(generazione ${(result.generationMs / 1000).toFixed(1)} s):\n` +
        `  ${counts.vacancies} offerte, ${counts.candidates} persone, ${counts.employers} aziende, ${counts.users} utenti.\n` +
        `Token degli utenti dimostrativi (uno per ruolo): npm run cli -- demo-tokens`,
    );
    return 0;
  });
}

runMain(main);
