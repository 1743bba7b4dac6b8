import type { AppContext } from "../../context.js";
import { candidateInclude } from "../../candidates/candidate-repository.js";
import { candidateSearchDocument } from "../../candidates/candidate-search-document.js";
import type { IndexName, SearchDocument } from "../../indexing/search-index.js";
import { startJobRun } from "../../jobs/job-run.js";
import { vacancyInclude } from "../../vacancies/vacancy-repository.js";
import { vacancySearchDocument } from "../../vacancies/vacancy-search-document.js";
import { progressBar } from "../progress.js";

// Prisma loads the relations of a page with IN lists: larger pages exceed the adapter's parameter limit.
const BATCH = 250;

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

/**
 * `npm run cli -- reindex [vacancies|candidates]`: empties the index and rebuilds it from the store in
 * batches, through the same mapping functions the use-cases use. Searches see a partial index while it
 * runs; the run is recorded as a "reindex" job.
 */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const wanted = args.filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((a) => a !== "vacancies" && a !== "candidates");
  if (unknown.length) {
    console.error(`Indice sconosciuto: ${unknown.join(", ")}. Uso: npm run cli -- reindex [vacancies] [candidates]`);
    return 2;
  }
  const selected = sources(ctx).filter((s) => wanted.length === 0 || wanted.includes(s.name));
  const job = await startJobRun(ctx.db, "reindex", selected.map((s) => s.name).join(","), null);
  const counts: Record<string, number> = {};
  const started = performance.now();
  try {
    for (const source of selected) {
      const total = await source.count();
      await ctx.index.clear(source.name);
      const bar = progressBar(`Indice ${source.label.toLowerCase()}`, total);
      let done = 0;
      let lastId: string | undefined;
      try {
        for (;;) {
          const { ids, docs } = await source.page(lastId);
          if (ids.length === 0) break;
          await ctx.index.upsert(source.name, docs);
          done += ids.length;
          lastId = ids[ids.length - 1];
          bar.update(done);
        }
      } finally {
        bar.stop();
      }
      counts[source.name] = done;
      const indexed = await ctx.index.count(source.name);
      console.log(`${source.label}: ${done} nell'archivio, ${indexed} nell'indice.`);
    }
    counts.ms = Math.round(performance.now() - started);
    await job.finish("succeeded", counts);
    console.log(`Indice ricostruito in ${(counts.ms / 1000).toFixed(1)} s.`);
    return 0;
  } catch (err) {
    await job.finish("failed", counts, { error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}
