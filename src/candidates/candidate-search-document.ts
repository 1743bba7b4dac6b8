import type { SearchDocument } from "../indexing/search-index.js";
import type { CandidateRecord } from "./candidate-repository.js";
import { candidateFacts } from "../matching/build-facts.js";
import { DEFAULT_MATCHING_CONFIG } from "../matching/matching-config.js";
import { indexedReachKm } from "../matching/score-territory.js";
import { resolveOccupation } from "../taxonomy/occupation-taxonomy.js";
import { occupationCellKeys } from "../matching/occupation-cell-keys.js";

/**
 * What candidate search sees of a person: profiles and competences, never contacts or tax code; the
 * taxonomy keys of every declared and past occupation, each joined to the grid cell of the domicile
 * ("occcell"), so matching reads only related people of the area by exact terms; and the facts
 * matching scores from, so ranking a vacancy reads no store rows.
 */
export function candidateSearchDocument(c: CandidateRecord): SearchDocument {
  const profiles = c.declaredProfiles as { title: string }[];
  const facts = candidateFacts(c);
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
      occcell: occupationCellKeys(
        [...profiles.map((p) => resolveOccupation(p.title, (p as { code?: string }).code)), ...c.experiences.map((e) => resolveOccupation(e.profileTitle, e.profileCode))],
        { lat: c.domicile.lat, lon: c.domicile.lon },
      ),
    },
    geo: { lat: c.domicile.lat, lon: c.domicile.lon, reachKm: indexedReachKm(facts, DEFAULT_MATCHING_CONFIG) },
    date: c.availabilityDeclaredAt ?? c.createdAt,
    payload: facts,
  };
}
