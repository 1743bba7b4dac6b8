import type { Actor } from "../auth/actor.js";
import { assertAllowed, canSearchCandidates } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { assertFilterReferencesExist } from "../validation/check-references.js";
import { buildSearchQuery, roundKm } from "../indexing/build-search-query.js";
import { findCandidatesByIds, toCandidateView } from "./candidate-repository.js";
import { CANDIDATE_FACETS, type CandidateSearchInput } from "./candidate-schemas.js";

/** Operators search the people of their own CPIs (admins: all); what they see is audited as a read. */
export async function searchCandidates(ctx: AppContext, actor: Actor, input: CandidateSearchInput, route: string) {
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
    facets: result.facets,
  };
}
