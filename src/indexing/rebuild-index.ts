import type { AppContext } from "../context.js";
import { candidateInclude } from "../candidates/candidate-repository.js";
import { candidateSearchDocument } from "../candidates/candidate-search-document.js";
import type { DbTx } from "../db/client.js";
import { latestEventSeq } from "../events/read-events.js";
import { startJobRun } from "../jobs/job-run.js";
import { applyEventsToIndex, liveWriter } from "./apply-events-to-index.js";
import { EVENTS_PER_BATCH } from "./index-sync-consumer.js";
import { isEmbeddedBuild } from "./sqlite-fts-index.js";
import { vacancyInclude } from "../vacancies/vacancy-repository.js";
import { vacancySearchDocument } from "../vacancies/vacancy-search-document.js";
import type { IndexBuild, IndexName, IndexWriter, SearchDocument } from "./search-index.js";

/**
 * What the documents of the index look like. Bump it whenever a search-document mapping changes what
 * it stores (fields, keys, payload): the service then rebuilds the index at start, once.
 */
export const DOCUMENT_LAYOUT_VERSION = "2026-11-23.occupation-cells";

// Prisma loads the relations of a page with IN lists: larger pages exceed the adapter's parameter limit.
const BATCH = 250;
const WRITE_GROUP = 2_500;

interface Source {
  name: IndexName;
  label: string;
  count: () => Promise<number>;
  /** The next batch after the given id, in id order (keyset pagination: no OFFSET scans). */
  page: (afterId: string | undefined) => Promise<{ ids: string[]; docs: SearchDocument[] }>;
}

function sources(ctx: AppContext): Source[] {
  const after = (id: string | undefined) => (id === undefined ? {} : { id: { gt: id } });
  return [
    {
      name: "vacancies",
      label: "Offerte",
      count: () => ctx.db.vacancy.count(),
      page: async (afterId) => {
        const rows = await ctx.db.vacancy.findMany({ where: after(afterId), include: vacancyInclude, orderBy: { id: "asc" }, take: BATCH });
        return { ids: rows.map((r) => r.id), docs: rows.map(vacancySearchDocument) };
      },
    },
    {
      name: "candidates",
      label: "Persone",
      count: () => ctx.db.candidate.count(),
      page: async (afterId) => {
        const rows = await ctx.db.candidate.findMany({ where: after(afterId), include: candidateInclude, orderBy: { id: "asc" }, take: BATCH });
        return { ids: rows.map((r) => r.id), docs: rows.map(candidateSearchDocument) };
      },
    },
  ];
}

export interface RebuildProgress {
  start(label: string, total: number): void;
  /** After each page read from the store; a returned promise is awaited before the next page. */
  update(done: number): void | Promise<void>;
  stop(label: string, stored: number, indexed: number): void;
}

/** The last changes and the swap of the embedded index share one write transaction; these bound it. */
const SWAP_TRANSACTION = { timeout: 120_000, maxWait: 60_000 };

/**
 * Rebuilds each index from the store with no downtime, through the same mapping functions the
 * use-cases use: a new index is filled beside the live one (which searches and writes keep using),
 * then brought up to date with the events appended meanwhile, then swapped in. The embedded index
 * applies the last events and renames its tables in one write transaction, so no write falls between;
 * Meilisearch swaps atomically and the events since are applied again to the new live index (what the
 * consumer wrote to the old one in between), the consumer's cursor left alone so it follows on.
 * A rebuild also covers rows written without events (demo offers). Recorded as a "reindex" job.
 */
export async function rebuildIndex(ctx: AppContext, names: IndexName[], progress?: RebuildProgress): Promise<Record<string, number>> {
  const selected = sources(ctx).filter((s) => names.includes(s.name));
  const job = await startJobRun(ctx.db, "reindex", selected.map((s) => s.name).join(","), null);
  const counts: Record<string, number> = {};
  const started = performance.now();
  try {
    for (const source of selected) {
      const build = await ctx.index.beginRebuild(source.name);
      try {
        counts[source.name] = await fill(ctx, source, build, progress);
      } catch (err) {
        await build.abandon();
        throw err;
      }
      progress?.stop(source.label, counts[source.name]!, await ctx.index.count(source.name));
    }
    counts.ms = Math.round(performance.now() - started);
    await ctx.index.setLayoutVersion(DOCUMENT_LAYOUT_VERSION);
    await job.finish("succeeded", counts);
    return counts;
  } catch (err) {
    await job.finish("failed", counts, { error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

async function fill(ctx: AppContext, source: Source, build: IndexBuild, progress: RebuildProgress | undefined): Promise<number> {
  const coveredSeq = await latestEventSeq(ctx.db);
  progress?.start(source.label, await source.count());
  let done = 0;
  let lastId: string | undefined;
  let pending: SearchDocument[] = [];
  for (;;) {
    const { ids, docs } = await source.page(lastId);
    pending.push(...docs);
    // Pages are small for Prisma; writes go out in larger groups (one Meilisearch task costs the same for 250 or 2,500).
    if (pending.length >= WRITE_GROUP || (ids.length === 0 && pending.length > 0)) {
      await build.upsert(pending);
      pending = [];
    }
    if (ids.length === 0) break;
    done += ids.length;
    lastId = ids[ids.length - 1];
    await progress?.update(done);
  }
  const catchUp = (db: DbTx, target: IndexWriter, afterSeq: number) => applyEventsToIndex(db, source.name, target, afterSeq, { batchSize: EVENTS_PER_BATCH });
  // Most of what changed during the fill is caught up without holding any lock.
  const { lastSeq } = await catchUp(ctx.db, build, coveredSeq);
  if (isEmbeddedBuild(build)) {
    await ctx.db.$transaction(async (t) => {
      await catchUp(t, build.writerIn(t), lastSeq);
      await build.swapInTransaction(t);
    }, SWAP_TRANSACTION);
    await build.dropOldTables();
  } else {
    await build.swap();
    await catchUp(ctx.db, liveWriter(ctx.index, source.name), lastSeq);
  }
  return done;
}

/** At start: an index written with another document layout is rebuilt; a new one is just stamped. */
export async function ensureIndexLayout(ctx: AppContext): Promise<void> {
  if ((await ctx.index.layoutVersion()) === DOCUMENT_LAYOUT_VERSION) return;
  const stored = (await ctx.db.vacancy.count()) + (await ctx.db.candidate.count());
  if (stored === 0) {
    await ctx.index.setLayoutVersion(DOCUMENT_LAYOUT_VERSION);
    return;
  }
  ctx.log.info({ version: DOCUMENT_LAYOUT_VERSION }, "indice di ricerca di una versione precedente: ricostruzione in corso");
  const counts = await rebuildIndex(ctx, ["vacancies", "candidates"]);
  ctx.log.info(counts, "indice di ricerca ricostruito");
}
