import type { RequestHandler } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { indexLag } from "../../indexing/index-sync-consumer.js";

const upOrDown = z.enum(["ok", "down"]);

/** The answer of GET /health, 200 when everything answers and 503 otherwise (same body). */
export const healthSchema = z
  .strictObject({
    status: z.enum(["ok", "degraded"]),
    store: upOrDown,
    index: upOrDown,
    searchBackend: z.enum(["embedded", "meilisearch"]),
    indexLag: z.record(z.string(), z.number()).nullable().describe("Eventi non ancora applicati, per indice (null se l'archivio non risponde)"),
  })
  .openapi("Health");

/**
 * Liveness and readiness in one: the store answers a query and the index answers its own probe;
 * `indexLag` counts, per index, the events the index consumer has not applied yet (always 0 for the
 * embedded index, written in the same transaction).
 */
export function healthRoute(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    const [store, index] = await Promise.all([
      ctx.db.$queryRawUnsafe("SELECT 1").then(() => true, () => false),
      ctx.index.health().catch(() => false),
    ]);
    const lag = store ? await indexLag(ctx).catch(() => null) : null;
    const ok = store && index;
    const body: z.infer<typeof healthSchema> = {
      status: ok ? "ok" : "degraded",
      store: store ? "ok" : "down",
      index: index ? "ok" : "down",
      searchBackend: ctx.index.backend,
      indexLag: lag,
    };
    res.status(ok ? 200 : 503).json(body);
  };
}
