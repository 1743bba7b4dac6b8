import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { queryBoolean } from "../validation/common-schemas.js";
import { atecoLabel, vacancyContractType } from "../reference/code-lists.js";
import { assertFilterReferencesExist } from "../validation/check-references.js";
import { buildSearchQuery, radiusNeedsPlace, roundKm, withinKmParam } from "../indexing/build-search-query.js";
import { cpiLabels, labelEach, labelFacets, provinceLabels, type FacetLabeller } from "../indexing/labelled-facets.js";
import { findVacanciesByIds, toVacancyDetailView } from "./vacancy-repository.js";
import { SOURCE_SERVICES, VACANCY_FACETS, vacancySearchSchema, type VacancySearchInput } from "./vacancy-schemas.js";
import { CLOSED_STATUSES, VACANCY_STATUS_LABELS, VACANCY_STATUSES, type VacancyStatus } from "./vacancy-status.js";

/**
 * The showcase search's query: the export's filters, plus closed offers only on request and a radius
 * only with a place. The export (the whole showcase, closed offers included) keeps its own.
 */
export const showcaseSearchSchema = vacancySearchSchema
  .extend({
    withinKm: withinKmParam,
    includeClosed: queryBoolean.default(false).describe("Anche le offerte chiuse (coperte, annullate, scadute); senza, e senza status, solo le altre"),
  })
  .strict()
  .superRefine(radiusNeedsPlace)
  .openapi("ShowcaseSearchQuery");

/** `includeClosed: false` leaves closed offers out unless a status asks for them; absent (the export), every status counts. */
export type ShowcaseSearchInput = Omit<VacancySearchInput, "withinKm"> & { withinKm?: number | undefined; includeClosed?: boolean | undefined };

/** What the showcase lists when no status is asked for: the offers still running. */
const NOT_CLOSED: readonly VacancyStatus[] = VACANCY_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

const SOURCE_SERVICE_LABELS: Record<(typeof SOURCE_SERVICES)[number], string> = {
  cpi: "Centro per l'impiego",
  alte_professionalita: "Alte professionalità",
  grandi_reclutamenti: "Grandi reclutamenti",
  eures: "EURES",
};

const RESERVED_L68_LABELS: Record<string, string> = {
  true: "Riservata al collocamento mirato (L. 68/1999)",
  false: "Non riservata",
};

const facetLabellers = (ctx: AppContext): Record<(typeof VACANCY_FACETS)[number], FacetLabeller> => ({
  status: labelEach((c) => VACANCY_STATUS_LABELS[c as VacancyStatus]),
  cpi: cpiLabels(ctx.db),
  province: provinceLabels(ctx.db),
  sector: labelEach(atecoLabel),
  contractType: labelEach((c) => vacancyContractType(c)?.label),
  sourceService: labelEach((c) => SOURCE_SERVICE_LABELS[c as keyof typeof SOURCE_SERVICE_LABELS]),
  reservedL68: labelEach((c) => RESERVED_L68_LABELS[c]),
});

/**
 * The showcase view: text (forgiving typos, with the taxonomy's synonyms), filters, "near comune X
 * within K km", facets with their labels; closed offers as `includeClosed` says.
 * Employers only ever see their own offers.
 */
export async function searchVacancies(ctx: AppContext, actor: Actor, input: ShowcaseSearchInput) {
  await assertFilterReferencesExist(ctx.db, input);
  const query = await buildSearchQuery(
    ctx.db,
    input,
    {
      status: input.status?.length ? input.status : input.includeClosed === false ? [...NOT_CLOSED] : undefined,
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
    facets: await labelFacets(result.facets, facetLabellers(ctx)),
  };
}
