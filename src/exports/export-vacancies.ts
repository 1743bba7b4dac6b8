import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { SHOWCASE_ALL_COLUMNS } from "../imports/showcase-columns.js";
import { startJobRun } from "../jobs/job-run.js";
import { searchVacancies } from "../vacancies/search-vacancies.js";
import type { VacancySearchInput } from "../vacancies/vacancy-schemas.js";
import type { VacancyView } from "../vacancies/vacancy-repository.js";
import { showcaseRowOf } from "./showcase-row.js";
import { writeXlsx } from "./write-xlsx.js";

/**
 * The showcase as an .xlsx file with its thirteen columns in their order, then Vetrina's own (id,
 * workplace, structured terms: showcase-columns.ts), so a re-import loses nothing. The rows are those GET
 * /vacancies would list for the same filters and actor: the export pages through searchVacancies
 * rather than querying the store itself, so filter semantics (and an employer's restriction) cannot drift.
 */

const PAGE = 100;

export async function collectVacancies(ctx: AppContext, actor: Actor, filters: VacancySearchInput): Promise<VacancyView[]> {
  const all: VacancyView[] = [];
  for (let page = 1; ; page++) {
    const result = await searchVacancies(ctx, actor, { ...filters, page, pageSize: PAGE });
    all.push(...result.items);
    if (result.items.length < PAGE || all.length >= result.total) return all;
  }
}

export interface ExportResult {
  runId: string;
  rows: number;
  data: Buffer;
}

export async function exportVacancies(ctx: AppContext, actor: Actor, filters: VacancySearchInput, source: string): Promise<ExportResult> {
  // Collected first: filters naming an unknown CPI or comune are refused before anything is recorded.
  const vacancies = await collectVacancies(ctx, actor, filters);
  const run = await startJobRun(ctx.db, "export-vacancies", source, actor);
  try {
    const rows = vacancies.map((v) => {
      const row = showcaseRowOf(v);
      return SHOWCASE_ALL_COLUMNS.map((c) => row[c.key]);
    });
    const data = await writeXlsx("Vetrina", SHOWCASE_ALL_COLUMNS.map((c) => c.header), rows);
    await run.finish("succeeded", { rows: rows.length });
    return { runId: run.id, rows: rows.length, data };
  } catch (err) {
    await run.finish("failed", {}, { error: String(err) });
    throw err;
  }
}
