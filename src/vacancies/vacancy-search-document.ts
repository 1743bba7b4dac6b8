import type { SearchDocument } from "../indexing/search-index.js";
import { atecoEntry } from "../reference/code-lists.js";
import type { VacancyRecord } from "./vacancy-repository.js";

const join = (...parts: (string | null | undefined | string[])[]) =>
  parts.flat().filter((p): p is string => Boolean(p)).join(" ");

/** What the showcase search sees of a vacancy: the single mapping for every backend. */
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
    },
    geo: v.workplace ? { lat: v.workplace.lat, lon: v.workplace.lon } : null,
    date: v.arrivalDate,
  };
}
