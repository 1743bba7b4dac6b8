import type { AppContext } from "../../context.js";
import { AppError } from "../../errors/app-error.js";
import { JOB_HANDLERS } from "../../jobs/job-handlers.js";
import { retryFailedJob } from "../../jobs/job-queue.js";
import { recordedRun, type JobKind } from "../../jobs/job-run.js";
import { jobsOverview } from "../../jobs/jobs-overview.js";

const USAGE = [
  "Uso: npm run cli -- jobs              elenca pianificazioni, coda e lavori non riusciti",
  "     npm run cli -- jobs retry <id>    rimette in coda un lavoro non riuscito",
  `     npm run cli -- jobs run <tipo>    esegue subito un lavoro (${Object.keys(JOB_HANDLERS).join(", ")})`,
].join("\n");

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

/** Runs a job now, in this process, recorded like a scheduled run (a scheduled slot may still run it again: every job is safe to rerun). */
async function runNow(ctx: AppContext, kind: string): Promise<number> {
  const handler = JOB_HANDLERS[kind as JobKind];
  if (!handler) {
    console.error(`Tipo di lavoro sconosciuto: ${kind}.\n${USAGE}`);
    return 2;
  }
  const { counts } = await recordedRun(ctx.db, kind as JobKind, "riga di comando", null, () => handler(ctx, null));
  console.log(`${kind}: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ") || "fatto"}`);
  return 0;
}

export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const [sub, id, ...rest] = args;
  if (sub === undefined) return list(ctx);
  if (sub === "run" && id && rest.length === 0) return runNow(ctx, id);
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
