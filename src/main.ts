import { ConfigError, loadEnv } from "./config/env.js";
import { createLogger } from "./logging/logger.js";
import { createContext } from "./bootstrap.js";
import { createApp } from "./api/app.js";
import { ensureDemoData } from "./demo/ensure-demo-data.js";
import { SCHEDULED_JOBS, startScheduler } from "./jobs/scheduler.js";
import { recoverAbandonedRuns, startRunSweeper } from "./jobs/abandoned-runs.js";
import { startIndexSync } from "./indexing/index-sync-consumer.js";
import { startJobWorker } from "./jobs/job-worker.js";
import { startServiceHeartbeat } from "./backup/service-heartbeat.js";

async function main() {
  const env = loadEnv();
  const log = createLogger(env);
  const ctx = await createContext(env, log);
  // Runs a previous process left "running" (killed, crashed) are closed as abandoned before anything new starts.
  await recoverAbandonedRuns(ctx);
  // While this row is renewed, `restore` refuses to replace the database under this process.
  const heartbeat = await startServiceHeartbeat(ctx);
  if (env.DEMO_DATA && env.NODE_ENV !== "production") await ensureDemoData(ctx);
  // Lists are built from the index until the people are in memory (seconds at a region's scale, in the background).
  void ctx.locator?.load();
  // Every process enqueues the scheduled slots (each once, by its unique key) and works the queue. The nightly
  // backup copies the SQLite file; a PostgreSQL store is backed up with the server's own tools (pg_dump).
  const schedules = env.DATABASE_URL ? SCHEDULED_JOBS.filter((job) => job.name !== "backup") : SCHEDULED_JOBS;
  const scheduler = env.SCHEDULER ? startScheduler(ctx, schedules) : null;
  const worker = startJobWorker(ctx);
  const sweeper = startRunSweeper(ctx);
  // A networked index is synced from the events by one consumer: the process that runs the scheduler.
  const indexSync = env.SCHEDULER ? startIndexSync(ctx) : null;
  const server = createApp(ctx).listen(env.PORT, env.HOST, () => {
    log.info(`Vetrina in ascolto su http://${env.HOST}:${env.PORT} (documentazione API: /api/openapi.json)`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "arresto in corso: nessuna nuova richiesta, attendo quelle in corso");
    scheduler?.stop();
    sweeper.stop();
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(async () => {
      // A job in hand is finished first; if the force timer wins, its lease lapses and another process takes it.
      await worker.stop();
      await indexSync?.stop();
      await heartbeat.stop();
      await ctx.db.$disconnect();
      clearTimeout(force);
      log.info("arrestato");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error("Avvio fallito:", err);
  }
  process.exit(1);
});
