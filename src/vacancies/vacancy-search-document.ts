import type { SearchDocument } from "../indexing/search-index.js";
import { atecoEntry } from "../reference/code-lists.js";
import type { VacancyRecord } from "./vacancy-repository.js";
import { vacancyFacts } from "../matching/build-facts.js";
import { resolveOccupation, retrievalKeys } from "../taxonomy/occupation-taxonomy.js";

const join = (...parts: (string | null | undefined | string[])[]) =>
  parts.flat().filter((p): p is string => Boolean(p)).join(" ");

/**
 * What the showcase search sees of a vacancy: the single mapping for every backend, with the taxonomy
 * keys of its occupation ("occ") and its matching facts as payload, for matching people to offers.
 */
export function vacancySearchDocument(v: VacancyRecord): SearchDocument {
  return {
    id: v.id,
    text: {
      profile: join(v.requestedProfile, v.profileTitle === v.requestedProfile ? null : v.profileTitle),
      competences: join(v.mustHaveCompetences as string[], v.niceToHaveCompetences as string[], v.competencesText),
      company: v.companyName,
      notes: join(v.notes, v.contractOfferText, v.sectorLabel),
    },
    filters: {
      status: v.status,
      cpi: v.cpiCode,
      province: v.workplace?.provinceAcronym ?? null,
      sector: v.atecoCode ? (atecoEntry(v.atecoCode)?.section ?? null) : null,
      contractType: v.contractType,
      sourceService: v.sourceService,
      reservedL68: v.reservedL68,
      employer: v.employerId,
      occ: retrievalKeys(resolveOccupation(v.profileTitle, v.profileCode)),
    },
    geo: v.workplace ? { lat: v.workplace.lat, lon: v.workplace.lon } : null,
    date: v.arrivalDate,
    payload: vacancyFacts(v),
  };
}
