import type { AppContext } from "../../context.js";
import { recordedRun } from "../../jobs/job-run.js";
import { retentionCounts, runRetention } from "../../retention/apply-retention.js";
import { retentionRulesOf } from "../../retention/retention-rules.js";
import { progressBar } from "../progress.js";

/** `npm run cli -- retention [--apply]`: what the retention rules would remove now; with --apply, removes it. */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== "--apply");
  if (unknown.length > 0) {
    console.error("Uso: npm run cli -- retention [--apply]");
    return 2;
  }
  const dryRun = !args.includes("--apply");
  const rules = retentionRulesOf(ctx.env);
  let bar: ReturnType<typeof progressBar> | null = null;
  const { counts } = await recordedRun(ctx.db, "retention", "riga di comando", null, async () => {
    const outcome = await runRetention(ctx, rules, { dryRun, onProgress: (done, total) => (bar ??= progressBar("Persone cancellate", total)).update(done) });
    return { counts: retentionCounts(outcome), report: { dryRun, ...outcome } };
  });
  (bar as ReturnType<typeof progressBar> | null)?.stop();
  console.log(`Regole: persone inattive da ${rules.peopleYears} anni, registro accessi oltre ${rules.auditYears} anni, collegamenti scaduti da ${rules.linkGraceDays} giorni.`);
  // Italian past participles agree with the noun: «persone cancellate», «collegamenti cancellati».
  const [feminine, masculine] = dryRun ? ["da cancellare", "da cancellare"] : ["cancellate", "cancellati"];
  const count = (kind: string) => (dryRun ? counts[`planned.${kind}`] : counts[`removed.${kind}`]);
  const withRecords = dryRun ? counts["planned.peopleWithFigureRecords"] : counts["anonymised.figureRecords"];
  console.log(`Persone ${feminine}: ${count("people")}, di cui ${withRecords} in RdC/ADI/SFL (gli indicatori ne conservano un dato anonimo)`);
  console.log(`Persone trattenute in attesa di segnalazione ad ANPAL e INPS: ${counts["planned.peopleKeptForReporting"]}`);
  if (!dryRun) console.log(`Notizie del notiziario cancellate: ${counts["removed.feedItems"]}; e-mail rese anonime: ${counts["anonymised.emails"]}`);
  console.log(`Voci del registro accessi ${feminine}: ${count("auditEntries")}`);
  console.log(`Collegamenti per le aziende ${masculine}: ${count("deliveryLinks")}`);
  if (dryRun) console.log("Prova senza modifiche: per cancellare, «npm run cli -- retention --apply».");
  return 0;
}
