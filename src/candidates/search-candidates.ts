import type { Actor } from "../auth/actor.js";
import { assertAllowed, canSearchCandidates } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { assertFilterReferencesExist } from "../validation/check-references.js";
import { buildSearchQuery, radiusNeedsPlace, roundKm, withinKmParam } from "../indexing/build-search-query.js";
import { cpiLabels, labelEach, labelFacets, provinceLabels, type FacetLabeller } from "../indexing/labelled-facets.js";
import { PROGRAMME_LABELS } from "../conditionality/conditionality-kinds.js";
import type { Programme } from "../congrua/types.js";
import { educationLevel } from "../reference/code-lists.js";
import { licenceName } from "../reference/driving-licences.js";
import { availabilityLabel } from "./availability-labels.js";
import { findCandidatesByIds, toCandidateView } from "./candidate-repository.js";
import { CANDIDATE_FACETS, candidateSearchSchema, type CandidateSearchInput } from "./candidate-schemas.js";

/** The people search's query: a radius only with a place. */
export const peopleSearchSchema = candidateSearchSchema.extend({ withinKm: withinKmParam }).strict().superRefine(radiusNeedsPlace).openapi("PeopleSearchQuery");

export type PeopleSearchInput = Omit<CandidateSearchInput, "withinKm"> & { withinKm?: number | undefined };

const facetLabellers = (ctx: AppContext): Record<(typeof CANDIDATE_FACETS)[number], FacetLabeller> => ({
  cpi: cpiLabels(ctx.db),
  province: provinceLabels(ctx.db),
  programme: labelEach((c) => PROGRAMME_LABELS[c as Programme]),
  availability: labelEach(availabilityLabel),
  licence: labelEach(licenceName),
  educationLevel: labelEach((c) => educationLevel(c)?.label),
});

/**
 * Operators search the people of their own CPIs (admins: all), with the showcase's forgiving text and
 * labelled facets; what they see is audited as a read.
 */
export async function searchCandidates(ctx: AppContext, actor: Actor, input: PeopleSearchInput, route: string) {
  assertAllowed(canSearchCandidates(actor));
  await assertFilterReferencesExist(ctx.db, input);
  const cpis =
    actor.role === "admin" ? input.cpi : (input.cpi ?? actor.cpiCodes).filter((c) => actor.cpiCodes.includes(c));
  const query = await buildSearchQuery(
    ctx.db,
    input,
    {
      // An operator asking only for CPIs outside their scope gets nothing rather than everything.
      cpi: actor.role === "admin" ? cpis : cpis?.length ? cpis : ["-"],
      province: input.province?.map((p) => p.toUpperCase()),
      programme: input.programme,
      availability: input.availability,
      licence: input.licence,
      educationLevel: input.educationLevel,
      tutor: input.tutor ? [input.tutor === "me" ? actor.userId : input.tutor] : undefined,
    },
    CANDIDATE_FACETS,
  );
  const result = await ctx.index.search("candidates", query);
  const people = await findCandidatesByIds(ctx.db, result.hits.map((h) => h.id));
  await recordAudit(ctx.db, actor, "read", "candidate", people.map((p) => p.id), route);
  const distance = new Map(result.hits.map((h) => [h.id, h.distanceKm]));
  return {
    total: result.total,
    page: input.page,
    pageSize: input.pageSize,
    items: people.map((p) => ({ ...toCandidateView(p), distanceKm: roundKm(distance.get(p.id) ?? null) })),
    facets: await labelFacets(result.facets, facetLabellers(ctx)),
  };
}
