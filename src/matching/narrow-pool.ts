import { occupationRelatedness, resolveOccupation, type ResolvedOccupation } from "../taxonomy/occupation-taxonomy.js";
import { educationLevel, language, languageName } from "../reference/code-lists.js";
import { holdsLicence, licenceEntry, licenceName } from "../reference/driving-licences.js";
import { monthsBetween, parseDay } from "./dates.js";
import { educationRank } from "./education-rank.js";
import { competenceSimilarity, COMPETENCE_MATCHING } from "../taxonomy/competences.js";
import type { Scored } from "./rank-matches.js";

/** The further parameters a pool can be narrowed by (the values the API takes and returns). */
export const NARROWING_PARAMETERS = ["distanza", "anni_esperienza", "patente", "lingua", "titolo_studio", "competenza"] as const;
export type NarrowingParameter = (typeof NARROWING_PARAMETERS)[number];

/** A narrowing applied: a parameter and its value, as an option proposes them ("patente:CE"). */
export interface NarrowingFilter {
  parameter: NarrowingParameter;
  value: string;
}

export interface NarrowingOption extends NarrowingFilter {
  label: string;
  remaining: number;
  /** The option as the `narrow` filter of the matches and of building a list takes it. */
  filter: string;
}

interface Criterion extends NarrowingFilter {
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
 * Why a narrowing value cannot be applied (in Italian), or null when it can: the checks the API runs
 * before ranking, so a filter never silently matches nobody because of a typo.
 */
export function invalidNarrowing(f: NarrowingFilter): string | null {
  switch (f.parameter) {
    case "distanza":
    case "anni_esperienza":
      return /^\d{1,4}$/.test(f.value) && Number(f.value) > 0 ? null : `«${f.parameter}» vuole un numero intero positivo, non «${f.value}»`;
    case "patente":
      return licenceEntry(f.value) ? null : `Patente o abilitazione sconosciuta: «${f.value}»`;
    case "lingua":
      return language(f.value) ? null : `Lingua sconosciuta: «${f.value}»`;
    case "titolo_studio":
      return educationLevel(f.value) ? null : `Titolo di studio sconosciuto: «${f.value}»`;
    case "competenza":
      return f.value.trim().length > 0 ? null : "«competenza» vuole il testo di una competenza";
  }
}

/** The one definition of each narrowing: its label and whom it keeps, for proposing it and for applying it. */
function criterion(f: NarrowingFilter, years: (s: Scored) => number): Criterion {
  switch (f.parameter) {
    case "distanza": {
      const km = Number(f.value);
      return { ...f, label: `entro ${km} km dalla sede`, keep: (s) => (s.evaluation.distanceKm ?? Infinity) <= km };
    }
    case "anni_esperienza": {
      const y = Number(f.value);
      return { ...f, label: `almeno ${y === 1 ? "1 anno" : `${y} anni`} di esperienza nella professione`, keep: (s) => years(s) >= y };
    }
    case "patente": {
      const code = licenceEntry(f.value)?.code ?? f.value;
      return { ...f, value: code, label: licenceName(code), keep: (s) => holdsLicence(s.facts.licences, code) };
    }
    case "lingua": {
      const code = language(f.value)?.code ?? f.value;
      return { ...f, value: code, label: `conoscenza dell'${languageName(code)}`, keep: (s) => s.facts.languages.some((l) => l.code === code) };
    }
    case "titolo_studio": {
      const code = educationLevel(f.value)?.code ?? f.value;
      const need = educationRank(code);
      return {
        ...f,
        value: code,
        label: `titolo di studio almeno: ${educationLevel(code)?.label.toLowerCase() ?? code}`,
        keep: (s) => s.facts.education !== null && educationRank(s.facts.education) >= need,
      };
    }
    case "competenza":
      return {
        ...f,
        label: `competenza gradita: ${f.value}`,
        keep: (s) =>
          s.evaluation.matchedCompetences.some((m) => m.required === f.value) ||
          [...s.facts.competences, ...s.facts.trainings].some((c) => competenceSimilarity(f.value, c) >= COMPETENCE_MATCHING.threshold),
      };
  }
}

/** Years of experience in the offer's occupation, computed once per person however many filters ask. */
function yearsMemo(offer: ResolvedOccupation, today: Date): (s: Scored) => number {
  const memo = new Map<string, number>();
  return (s) => {
    let y = memo.get(s.facts.id);
    if (y === undefined) memo.set(s.facts.id, (y = yearsInOccupation(s, offer, today)));
    return y;
  };
}

/** Whom a set of narrowings keeps: everyone of them must hold. */
export function narrowingPredicate(filters: readonly NarrowingFilter[], offer: ResolvedOccupation, today: Date): (s: Scored) => boolean {
  const years = yearsMemo(offer, today);
  const keeps = filters.map((f) => criterion(f, years).keep);
  return (s) => keeps.every((keep) => keep(s));
}

/**
 * When more people qualify than the list may hold, the regional standards ask for further parameters
 * rather than a longer list: each option here is a parameter, with how many people remain under it.
 * Only options that actually narrow the pool are proposed, those leaving closest to the cap first.
 */
export function narrowingOptions(qualified: Scored[], offer: ResolvedOccupation, cap: number, today: Date): NarrowingOption[] {
  if (qualified.length <= cap) return [];
  const years = yearsMemo(offer, today);
  const filters: NarrowingFilter[] = [];
  for (const d of DISTANCE_BANDS) filters.push({ parameter: "distanza", value: String(d) });
  for (const y of EXPERIENCE_YEARS) filters.push({ parameter: "anni_esperienza", value: String(y) });
  const held = (pick: (s: Scored) => string[]) => [...new Set(qualified.flatMap(pick))].sort();
  for (const licence of held((s) => s.facts.licences)) filters.push({ parameter: "patente", value: licence });
  for (const code of held((s) => s.facts.languages.map((l) => l.code))) filters.push({ parameter: "lingua", value: code });
  for (const floor of EDUCATION_FLOORS) filters.push({ parameter: "titolo_studio", value: floor });
  for (const competence of held((s) => s.evaluation.matchedCompetences.filter((m) => !m.mustHave).map((m) => m.required))) {
    filters.push({ parameter: "competenza", value: competence });
  }
  return filters
    .map((f) => criterion(f, years))
    .map((c) => ({ parameter: c.parameter, value: c.value, label: c.label, remaining: qualified.filter(c.keep).length, filter: `${c.parameter}:${c.value}` }))
    .filter((o) => o.remaining > 0 && o.remaining < qualified.length)
    .sort((a, b) => Math.abs(a.remaining - cap) - Math.abs(b.remaining - cap) || a.label.localeCompare(b.label))
    .slice(0, 8);
}
