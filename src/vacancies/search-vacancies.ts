import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { assertFilterReferencesExist } from "../validation/check-references.js";
import { buildSearchQuery, roundKm } from "../indexing/build-search-query.js";
import { findVacanciesByIds, toVacancyDetailView } from "./vacancy-repository.js";
import { VACANCY_FACETS, type VacancySearchInput } from "./vacancy-schemas.js";

/** The showcase view: text, filters, "near comune X within K km", facets. Employers only ever see their own offers. */
export async function searchVacancies(ctx: AppContext, actor: Actor, input: VacancySearchInput) {
  await assertFilterReferencesExist(ctx.db, input);
  const query = await buildSearchQuery(
    ctx.db,
    input,
    {
      status: input.status,
      cpi: input.cpi,
      province: input.province?.map((p) => p.toUpperCase()),
      sector: input.sector?.map((s) => s.toUpperCase()),
      contractType: input.contractType,
      sourceService: input.sourceService,
      reservedL68: input.reservedL68 === undefined ? undefined : [input.reservedL68],
      employer: actor.role === "employer" ? [actor.employerId ?? "-"] : undefined,
    },
    VACANCY_FACETS,
  );
  const result = await ctx.index.search("vacancies", query);
  const vacancies = await findVacanciesByIds(ctx.db, result.hits.map((h) => h.id));
  const distance = new Map(result.hits.map((h) => [h.id, h.distanceKm]));
  return {
    total: result.total,
    page: input.page,
    pageSize: input.pageSize,
    items: vacancies.map((v) => ({ ...toVacancyDetailView(v), distanceKm: roundKm(distance.get(v.id) ?? null) })),
    facets: result.facets,
  };
}
