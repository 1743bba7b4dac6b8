import { competenceSimilarity, resolveCompetenceConcepts } from "../taxonomy/competences.js";
import { loadAnpalCompetences, type AnpalCompetence } from "../taxonomy/load-competences.js";
import { resolveOccupation, type ResolvedConcept } from "../taxonomy/occupation-taxonomy.js";
import { codeKey } from "./code-lists.js";

/**
 * Look-ups of the taxonomies for forms and operators (autocomplete of occupations and competences) and
 * the profile code a vacancy gets on publishing. The taxonomies do the reading; this module only turns
 * their answers into suggestions.
 */

export interface OccupationSuggestion {
  /** The code a profile stores (profileCode): the CP2011 unit, else the ESCO or ISCO code. */
  code: string | null;
  label: string;
  confidence: number;
  /** How the text was read: code, exact, synonym, acronym, fuzzy. */
  via: string;
  cp2011Unit: string | null;
  iscoGroup: string | null;
  escoCode: string | null;
}

const profileCodeOf = (c: ResolvedConcept): string | null => c.cp2011Unit ?? c.escoCode ?? c.iscoGroup;

export function suggestOccupations(q: string, limit: number): OccupationSuggestion[] {
  return resolveOccupation(q)
    .concepts.slice(0, limit)
    .map((c) => ({
      code: profileCodeOf(c),
      label: c.label,
      confidence: c.confidence,
      via: c.via,
      cp2011Unit: c.cp2011Unit,
      iscoGroup: c.iscoGroup,
      escoCode: c.escoCode,
    }));
}

/** Below this, or with a fuzzy reading, a title is not given a code: a stored code reads as certain later. */
const PROFILE_CODE_CONFIDENCE = 0.9;

export interface ResolvedProfileCode {
  code: string;
  label: string;
  confidence: number;
}

/**
 * The profile code of a title when the title reads as one occupation: an exact, synonym or acronym reading
 * at PROFILE_CODE_CONFIDENCE or more, and no equally sure reading in another CP2011 unit. Otherwise null:
 * matching keeps reading the title, with all its readings.
 */
export function profileCodeForTitle(title: string): ResolvedProfileCode | null {
  const [best, ...others] = resolveOccupation(title).concepts;
  if (!best || best.via === "fuzzy" || best.confidence < PROFILE_CODE_CONFIDENCE) return null;
  const code = profileCodeOf(best);
  if (!code) return null;
  const rival = others.some((c) => c.confidence >= best.confidence && profileCodeOf(c) !== code);
  return rival ? null : { code, label: best.label, confidence: best.confidence };
}

export interface CompetenceSuggestion {
  /** "anpal:<code>" for the ANPAL dictionary, the thesaurus id for a concept of the CPI thesaurus. */
  code: string;
  label: string;
  confidence: number;
}

let dictionary: { entry: AnpalCompetence; words: string[] }[] | undefined;

const words = (text: string) => codeKey(text).split(" ").filter(Boolean);

/**
 * Competences for a text being typed: the concepts the text already states (thesaurus and ANPAL), then the
 * ANPAL competences whose words start with every word typed, closest first.
 */
export function suggestCompetences(q: string, limit: number): CompetenceSuggestion[] {
  const typed = words(q);
  if (typed.length === 0) return [];
  const out = new Map<string, CompetenceSuggestion>();
  for (const c of resolveCompetenceConcepts(q)) if (!out.has(c.id)) out.set(c.id, { code: c.id, label: c.label, confidence: round(c.confidence) });
  dictionary ??= loadAnpalCompetences().map((entry) => ({ entry, words: words(entry.label) }));
  const prefixed = dictionary
    .filter((d) => typed.every((t) => d.words.some((w) => w.startsWith(t))))
    .map((d) => ({ code: `anpal:${d.entry.code}`, label: d.entry.label, confidence: round(competenceSimilarity(q, d.entry.label)) }))
    .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label, "it"));
  for (const s of prefixed) if (!out.has(s.code)) out.set(s.code, s);
  return [...out.values()].slice(0, limit);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
