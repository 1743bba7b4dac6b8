import type { SearchDocument } from "../indexing/search-index.js";
import type { CandidateRecord } from "./candidate-repository.js";

/** What candidate search sees of a person: profiles and competences, never contacts or tax code. */
export function candidateSearchDocument(c: CandidateRecord): SearchDocument {
  const profiles = c.declaredProfiles as { title: string }[];
  const activeProgrammes = c.programmes.filter((p) => !p.endDate || p.endDate >= new Date()).map((p) => p.programme);
  return {
    id: c.id,
    text: {
      profile: profiles.map((p) => p.title).join(" "),
      competences: (c.competences as string[]).join(" "),
      experience: c.experiences.map((e) => [e.profileTitle, e.sector].filter(Boolean).join(" ")).join(" "),
      other: c.trainings.map((t) => t.title).join(" "),
    },
    filters: {
      cpi: c.cpiCode,
      province: c.domicile.provinceAcronym,
      programme: [...new Set(activeProgrammes)],
      availability: c.availability,
      licence: c.drivingLicences as string[],
      educationLevel: c.educationLevel,
      tutor: c.tutorId,
    },
    geo: { lat: c.domicile.lat, lon: c.domicile.lon },
    date: c.availabilityDeclaredAt ?? c.createdAt,
  };
}
