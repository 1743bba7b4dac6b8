import { expect } from "vitest";
import type { AppContext } from "../../src/context.js";
import { checkIndexConsistency } from "../../src/indexing/check-index-consistency.js";
import { INDEX_NAMES } from "../../src/indexing/index-schema.js";
import { loadSearchDocuments } from "../../src/indexing/load-search-documents.js";
import type { IndexName } from "../../src/indexing/search-index.js";

export const storeIds = async (ctx: AppContext, name: IndexName): Promise<string[]> =>
  (name === "vacancies" ? await ctx.db.vacancy.findMany({ select: { id: true } }) : await ctx.db.candidate.findMany({ select: { id: true } })).map((r) => r.id);

/** What the index holds, per document: its payload (the facts matching scores from, built from the store). */
export async function indexContents(ctx: AppContext, name: IndexName): Promise<Record<string, unknown>> {
  const docs = await ctx.index.retrieve(name, { all: true, order: "relevance", limit: 10_000 });
  return Object.fromEntries(docs.map((d) => [d.id, d.payload]));
}

/** The index equals the store: the same ids, each with the document the store gives now, counted once. */
export async function expectIndexEqualsStore(ctx: AppContext): Promise<void> {
  for (const name of INDEX_NAMES) {
    const ids = await storeIds(ctx, name);
    const { docs } = await loadSearchDocuments(ctx.db, name, ids);
    const expected = Object.fromEntries(docs.map((d) => [d.id, JSON.parse(JSON.stringify(d.payload))]));
    expect(await indexContents(ctx, name)).toEqual(expected);
    expect(await ctx.index.count(name)).toBe(ids.length);
  }
}

/**
 * The consistency check on either engine: with one person missing from the index, one stale and one
 * document of no record, a check repairs them all and the index equals the store; a second finds nothing.
 */
export async function expectConsistencyCheckRepairs(ctx: AppContext): Promise<void> {
  const [missing, stale] = await storeIds(ctx, "candidates");
  expect(stale).toBeDefined();
  const { docs } = await loadSearchDocuments(ctx.db, "candidates", [stale!]);
  await ctx.index.remove("candidates", [missing!]);
  await ctx.index.upsert("candidates", [{ ...docs[0]!, payload: { stale: true } }, { ...docs[0]!, id: "orphan" }]);

  const report = await checkIndexConsistency(ctx, ["candidates"]);
  expect(report.candidates).toMatchObject({ missing: 1, differing: 1, rebuilt: true });
  await expectIndexEqualsStore(ctx);
  expect((await checkIndexConsistency(ctx)).candidates).toMatchObject({ missing: 0, differing: 0, rebuilt: false });
}
