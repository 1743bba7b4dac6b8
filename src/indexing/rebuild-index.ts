import type { AppContext } from "../context.js";
import { candidateInclude } from "../candidates/candidate-repository.js";
import { candidateSearchDocument } from "../candidates/candidate-search-document.js";
import { advanceCursor } from "../events/event-cursor.js";
import { latestEventSeq } from "../events/read-events.js";
import { startJobRun } from "../jobs/job-run.js";
import { indexConsumer } from "./index-sync-consumer.js";
import { vacancyInclude } from "../vacancies/vacancy-repository.js";
import { vacancySearchDocument } from "../vacancies/vacancy-search-document.js";
import type { IndexName, SearchDocument } from "./search-index.js";

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
  update(done: number): void;
  stop(label: string, stored: number, indexed: number): void;
}

/**
 * Empties the index and rebuilds it from the store in batches, through the same mapping functions
 * the use-cases use; searches see a partial index while it runs. Recorded as a "reindex" job. The
 * index consumer then starts from the last event before the rebuild (events during it are replayed,
 * which is harmless): a rebuild also covers rows written without events (demo offers).
 */
export async function rebuildIndex(ctx: AppContext, names: IndexName[], progress?: RebuildProgress): Promise<Record<string, number>> {
  const selected = sources(ctx).filter((s) => names.includes(s.name));
  const job = await startJobRun(ctx.db, "reindex", selected.map((s) => s.name).join(","), null);
  const counts: Record<string, number> = {};
  const started = performance.now();
  try {
    for (const source of selected) {
      const total = await source.count();
      const coveredSeq = await latestEventSeq(ctx.db);
      await ctx.index.clear(source.name);
      progress?.start(source.label, total);
      let done = 0;
      let lastId: string | undefined;
      let pending: SearchDocument[] = [];
      for (;;) {
        const { ids, docs } = await source.page(lastId);
        pending.push(...docs);
        // Pages are small for Prisma; writes go out in larger groups (one Meilisearch task costs the same for 250 or 2,500).
        if (pending.length >= WRITE_GROUP || (ids.length === 0 && pending.length > 0)) {
          await ctx.index.upsert(source.name, pending);
          pending = [];
        }
        if (ids.length === 0) break;
        done += ids.length;
        lastId = ids[ids.length - 1];
        progress?.update(done);
      }
      await advanceCursor(ctx.db, indexConsumer(source.name), coveredSeq);
      counts[source.name] = done;
      progress?.stop(source.label, done, await ctx.index.count(source.name));
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
