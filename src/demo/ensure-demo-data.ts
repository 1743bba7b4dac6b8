import type { AppContext } from "../context.js";
import { seedDemoData } from "./seed-demo-data.js";

/**
 * At start (DEMO_DATA, not production): an empty store gets the demo region, so the service can be
 * tried at once. A store with any vacancy or person is left alone.
 */
export async function ensureDemoData(ctx: AppContext): Promise<void> {
  const result = await seedDemoData(ctx, { seed: ctx.env.DEMO_SEED });
  if (!result.seeded) {
    ctx.log.debug({ reason: result.reason }, "dati dimostrativi non caricati");
    return;
  }
  const { counts } = result;
  if (result.region) {
    ctx.log.info(
      result.region,
      `Regione dimostrativa: ${result.region.name}, ${result.region.cpis} CPI${result.region.provisional ? " provvisori (uno per provincia: nessun elenco di CPI caricato)" : " caricati"}.`,
    );
  }
  ctx.log.info(
    { seed: result.seed, ...counts, ms: Math.round(result.totalMs) },
    `Dati dimostrativi caricati (seed ${result.seed}): ${counts.vacancies} offerte, ${counts.candidates} persone, ` +
      `${counts.employers} aziende, ${counts.users} utenti in ${(result.totalMs / 1000).toFixed(1)} s.`,
  );
  ctx.log.info("Per ottenere i token degli utenti dimostrativi (uno per ruolo): npm run cli -- demo-tokens");
}
