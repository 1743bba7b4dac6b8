import type { AppContext } from "../context.js";
import { INDEX_NAMES } from "./index-schema.js";
import { loadSearchDocuments } from "./load-search-documents.js";
import { rebuildIndex } from "./rebuild-index.js";
import type { IndexName } from "./search-index.js";

const PAGE = 1_000;

export interface ConsistencyReport {
  stored: number;
  indexed: number;
  /** Records of the store the index lacked, and documents whose payload differed from the store's: written again. */
  missing: number;
  differing: number;
  /** The index held documents of no record: it was rebuilt. */
  rebuilt: boolean;
}

const storeIdsAfter = async (ctx: AppContext, name: IndexName, afterId: string | undefined): Promise<string[]> => {
  const query = { where: afterId === undefined ? {} : { id: { gt: afterId } }, select: { id: true }, orderBy: { id: "asc" as const }, take: PAGE };
  return (name === "vacancies" ? await ctx.db.vacancy.findMany(query) : await ctx.db.candidate.findMany(query)).map((r) => r.id);
};

/**
 * Compares the store and the index page by page (keyset over the store's ids): each record's
 * document, rebuilt from the store, against the payload the index holds. A missing or different
 * document is written again. Documents of records that no longer exist show as an index larger than
 * the store once every record is in it; the index is then rebuilt. Safe beside the index consumer:
 * whatever it writes is the store's current state.
 */
export async function checkIndexConsistency(ctx: AppContext, names: IndexName[] = INDEX_NAMES): Promise<Record<string, ConsistencyReport>> {
  const reports: Record<string, ConsistencyReport> = {};
  for (const name of names) {
    const report: ConsistencyReport = { stored: 0, indexed: await ctx.index.count(name), missing: 0, differing: 0, rebuilt: false };
    let lastId: string | undefined;
    for (;;) {
      const ids = await storeIdsAfter(ctx, name, lastId);
      if (ids.length === 0) break;
      lastId = ids[ids.length - 1];
      const [{ docs }, indexed] = await Promise.all([loadSearchDocuments(ctx.db, name, ids), ctx.index.payloadsOf(name, ids)]);
      const stale = docs.filter((d) => !indexed.has(d.id) || JSON.stringify(indexed.get(d.id)) !== JSON.stringify(d.payload));
      report.stored += ids.length;
      report.missing += stale.filter((d) => !indexed.has(d.id)).length;
      report.differing += stale.filter((d) => indexed.has(d.id)).length;
      await ctx.index.upsert(name, stale);
    }
    if ((await ctx.index.count(name)) > report.stored) {
      await rebuildIndex(ctx, [name]);
      report.rebuilt = true;
    }
    reports[name] = report;
  }
  return reports;
}
