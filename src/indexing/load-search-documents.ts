import { candidateInclude } from "../candidates/candidate-repository.js";
import { candidateSearchDocument } from "../candidates/candidate-search-document.js";
import type { DbTx } from "../db/client.js";
import { vacancyInclude } from "../vacancies/vacancy-repository.js";
import { vacancySearchDocument } from "../vacancies/vacancy-search-document.js";
import type { IndexName, SearchDocument } from "./search-index.js";

// Prisma loads the relations of a page with IN lists: larger pages exceed the adapter's parameter limit.
const IDS_PER_READ = 250;

/**
 * The current documents of the given ids, built from the store through the use-cases' own mappings;
 * `gone` are the ids whose record no longer exists (their documents are to be removed).
 */
export async function loadSearchDocuments(db: DbTx, index: IndexName, ids: readonly string[]): Promise<{ docs: SearchDocument[]; gone: string[] }> {
  const docs: SearchDocument[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    const where = { id: { in: ids.slice(i, i + IDS_PER_READ) } };
    if (index === "vacancies") docs.push(...(await db.vacancy.findMany({ where, include: vacancyInclude })).map(vacancySearchDocument));
    else docs.push(...(await db.candidate.findMany({ where, include: candidateInclude })).map(candidateSearchDocument));
  }
  const found = new Set(docs.map((d) => d.id));
  return { docs, gone: ids.filter((id) => !found.has(id)) };
}
