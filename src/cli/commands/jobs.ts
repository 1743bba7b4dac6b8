import type { AppContext } from "../../context.js";
import { AppError } from "../../errors/app-error.js";
import { retryFailedJob } from "../../jobs/job-queue.js";
import { jobsOverview } from "../../jobs/jobs-overview.js";

const USAGE = "Uso: npm run cli -- jobs            elenca pianificazioni, coda e lavori non riusciti\n     npm run cli -- jobs retry <id>  rimette in coda un lavoro non riuscito";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("it-IT", { timeZone: "Europe/Rome" }) : "–");

async function list(ctx: AppContext): Promise<number> {
  const { schedules, backlog, failures } = await jobsOverview(ctx.db);
  console.log("Pianificazioni:");
  for (const s of schedules) {
    const last = s.lastRun ? `${s.lastRun.status} il ${when(s.lastRun.startedAt)}${s.lastRun.error ? ` (${s.lastRun.error})` : ""}` : "mai eseguito";
    console.log(`  ${s.name.padEnd(18)} ${s.cron.padEnd(14)} ultima: ${last}; prossima: ${when(s.nextRunAt)}`);
  }
  console.log(backlog.length === 0 ? "In coda: nessun lavoro." : "In coda:");
  for (const b of backlog) console.log(`  ${b.kind.padEnd(18)} in attesa ${b.queued}, in corso ${b.running}`);
  console.log(failures.length === 0 ? "Lavori non riusciti: nessuno." : "Lavori non riusciti:");
  for (const f of failures) console.log(`  ${f.id}  ${f.kind}  ${f.attempts}/${f.maxAttempts} tentativi, ${when(f.finishedAt)}: ${f.lastError ?? "–"}`);
  return 0;
}

export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const [sub, id, ...rest] = args;
  if (sub === undefined) return list(ctx);
  if (sub !== "retry" || !id || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  try {
    await retryFailedJob(ctx.db, id);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(err.message);
    return 1;
  }
  console.log(`Lavoro ${id} rimesso in coda: lo eseguirà il primo processo del servizio libero.`);
  return 0;
}
