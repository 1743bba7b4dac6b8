import type { AppContext } from "../../context.js";
import type { IndexName } from "../../indexing/search-index.js";
import { rebuildIndex } from "../../indexing/rebuild-index.js";
import { indexRebuildProgress } from "../progress.js";

/** `npm run cli -- reindex [vacancies|candidates]`: rebuilds the index from the store, with progress. */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const wanted = args.filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((a) => a !== "vacancies" && a !== "candidates");
  if (unknown.length) {
    console.error(`Indice sconosciuto: ${unknown.join(", ")}. Uso: npm run cli -- reindex [vacancies] [candidates]`);
    return 2;
  }
  const names: IndexName[] = wanted.length === 0 ? ["vacancies", "candidates"] : (wanted as IndexName[]);
  const counts = await rebuildIndex(ctx, names, indexRebuildProgress());
  console.log(`Indice ricostruito in ${((counts.ms ?? 0) / 1000).toFixed(1)} s.`);
  return 0;
}
