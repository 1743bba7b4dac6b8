import { occupationRelatedness, resolveOccupation, type ResolvedOccupation } from "../taxonomy/occupation-taxonomy.js";
import { educationLevel, language } from "../reference/code-lists.js";
import { monthsBetween, parseDay } from "./dates.js";
import { educationRank } from "./education-rank.js";
import type { Scored } from "./rank-matches.js";

export interface NarrowingOption {
  parameter: "distance" | "experience_years" | "licence" | "language" | "education" | "competence";
  value: string;
  label: string;
  remaining: number;
}

interface Criterion {
  parameter: NarrowingOption["parameter"];
  value: string;
  label: string;
  keep: (s: Scored) => boolean;
}

const DISTANCE_BANDS = [10, 20, 30];
const EXPERIENCE_YEARS = [1, 2, 5];
const EDUCATION_FLOORS = ["4", "7"];

/** Years spent in occupations at least in the same unit or group as the offer's. */
function yearsInOccupation(s: Scored, offer: ResolvedOccupation, today: Date): number {
  let months = 0;
  for (const e of s.facts.experiences) {
    if (occupationRelatedness(offer, resolveOccupation(e.title, e.code)).score < 0.7) continue;
    months += Math.max(0, monthsBetween(parseDay(e.from), e.to ? parseDay(e.to) : today));
  }
  return months / 12;
}

/**
 * When more people qualify than the list may hold, the regional standards ask for further parameters
 * rather than a longer list: each option here is a parameter, with how many people remain under it.
 * Only options that actually narrow the pool are proposed, those leaving closest to the cap first.
 */
export function narrowingOptions(qualified: Scored[], offer: ResolvedOccupation, cap: number, today: Date): NarrowingOption[] {
  if (qualified.length <= cap) return [];
  const criteria: Criterion[] = [];
  for (const d of DISTANCE_BANDS) {
    criteria.push({ parameter: "distance", value: String(d), label: `entro ${d} km dalla sede`, keep: (s) => (s.evaluation.distanceKm ?? Infinity) <= d });
  }
  const years = new Map(qualified.map((s) => [s.facts.id, yearsInOccupation(s, offer, today)]));
  for (const y of EXPERIENCE_YEARS) {
    criteria.push({
      parameter: "experience_years",
      value: String(y),
      label: `almeno ${y === 1 ? "1 anno" : `${y} anni`} di esperienza nella professione`,
      keep: (s) => (years.get(s.facts.id) ?? 0) >= y,
    });
  }
  const held = (pick: (s: Scored) => string[]) => [...new Set(qualified.flatMap(pick))].sort();
  for (const licence of held((s) => s.facts.licences)) {
    criteria.push({ parameter: "licence", value: licence, label: `patente ${licence}`, keep: (s) => s.facts.licences.includes(licence) });
  }
  for (const code of held((s) => s.facts.languages.map((l) => l.code))) {
    const name = language(code)?.label.toLowerCase() ?? code;
    criteria.push({ parameter: "language", value: code, label: `conoscenza dell'${name}`, keep: (s) => s.facts.languages.some((l) => l.code === code) });
  }
  for (const floor of EDUCATION_FLOORS) {
    const need = educationRank(floor);
    criteria.push({
      parameter: "education",
      value: floor,
      label: `titolo di studio almeno: ${educationLevel(floor)?.label.toLowerCase() ?? floor}`,
      keep: (s) => s.facts.education !== null && educationRank(s.facts.education) >= need,
    });
  }
  for (const competence of held((s) => s.evaluation.matchedCompetences.filter((m) => !m.mustHave).map((m) => m.required))) {
    criteria.push({
      parameter: "competence",
      value: competence,
      label: `competenza gradita: ${competence}`,
      keep: (s) => s.evaluation.matchedCompetences.some((m) => m.required === competence),
    });
  }
  return criteria
    .map((c) => ({ parameter: c.parameter, value: c.value, label: c.label, remaining: qualified.filter(c.keep).length }))
    .filter((o) => o.remaining > 0 && o.remaining < qualified.length)
    .sort((a, b) => Math.abs(a.remaining - cap) - Math.abs(b.remaining - cap) || a.label.localeCompare(b.label))
    .slice(0, 8);
}
