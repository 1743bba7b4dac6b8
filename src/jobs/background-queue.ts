import { AppError } from "../errors/app-error.js";
import type { AppContext } from "../context.js";

/**
 * Work the service carries on after answering (imports), one piece at a time per store: SQLite has
 * one writer, two imports side by side would only queue on its lock. A failure is recorded in the
 * run by the work itself; here it is only logged.
 */
const tails = new WeakMap<AppContext["db"], Promise<void>>();

export function runInBackground(ctx: AppContext, label: string, work: () => Promise<unknown>): void {
  const tail = (tails.get(ctx.db) ?? Promise.resolve())
    .then(work)
    .then(
      () => undefined,
      (err: unknown) => {
        if (err instanceof AppError) ctx.log.warn({ err, work: label }, "lavoro in background non riuscito");
        else ctx.log.error({ err, work: label }, "lavoro in background fallito");
      },
    );
  tails.set(ctx.db, tail);
}

/** Resolves when the work queued so far is done (tests, orderly shutdown). */
export function backgroundIdle(ctx: AppContext): Promise<void> {
  return tails.get(ctx.db) ?? Promise.resolve();
}
