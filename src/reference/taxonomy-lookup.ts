import { resolveCompetenceConcepts } from "../taxonomy/competences.js";
import { loadAnpalCompetences } from "../taxonomy/load-competences.js";
import { loadCompetenceConcepts } from "../taxonomy/competence-concepts.js";
import { loadCp2011JobTitles, loadEscoOccupations } from "../taxonomy/load-occupations.js";
import { resolveOccupation, type ResolvedConcept } from "../taxonomy/occupation-taxonomy.js";
import { codeKey } from "./code-lists.js";

/**
 * Look-ups of the taxonomies for forms and operators (autocomplete of occupations and competences) and
 * the profile code a vacancy gets on publishing. The taxonomies read whole texts; while a word is still
 * being typed ("magazz") the labels whose words start with every word typed complete it, with a
 * confidence that is the share of the label typed so far (at most COMPLETION_CEILING: a completion is a
 * guess of what is meant).
 */

const COMPLETION_CEILING = 0.9;
// Words this short ("di", "e") complete everything: typed alone they find nothing.
const MIN_PREFIX = 3;

// Articles and prepositions neither complete nor count ("igiene della pers" → igiene, pers).
const FUNCTION_WORDS = new Set("di del della dello dei degli delle il lo la gli le ed in con per al alla allo ai agli alle da dal dalla su sul sulla un una uno".split(" "));
const words = (text: string) =>
  codeKey(text)
    .split(" ")
    .filter((w) => w.length >= 2 && !FUNCTION_WORDS.has(w));

interface Completable<T> {
  item: T;
  label: string;
  words: string[];
}

/** The items whose label words start with every word typed, each with the share of its label typed. */
function complete<T>(typed: string[], items: Completable<T>[]): { item: T; label: string; confidence: number }[] {
  if (!typed.some((t) => t.length >= MIN_PREFIX)) return [];
  const out: { item: T; label: string; confidence: number }[] = [];
  for (const c of items) {
    const starts = typed.map((t) => c.words.find((w) => w.startsWith(t)));
    if (starts.some((w) => w === undefined)) continue;
    const typedChars = typed.reduce((n, t) => n + t.length, 0);
    const labelChars = c.words.reduce((n, w) => n + w.length, 0);
    out.push({ item: c.item, label: c.label, confidence: round((COMPLETION_CEILING * typedChars) / labelChars) });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label, "it"));
}

export interface OccupationSuggestion {
  /** The code a profile stores (profileCode): the CP2011 unit, else the ESCO or ISCO code. */
  code: string | null;
  label: string;
  confidence: number;
  /** How the text was read: code, exact, synonym, acronym, fuzzy; "completion" for a label the words typed begin. */
  via: string;
  cp2011Unit: string | null;
  iscoGroup: string | null;
  escoCode: string | null;
}

const profileCodeOf = (c: ResolvedConcept): string | null => c.cp2011Unit ?? c.escoCode ?? c.iscoGroup;

let occupationLabels: Completable<null>[] | undefined;

function occupationCompletables(): Completable<null>[] {
  const labels = [
    ...loadCp2011JobTitles().map((t) => t.title),
    ...loadEscoOccupations().flatMap((o) => [...o.preferredLabels, ...o.altLabels]),
  ];
  return distinctByLabel(labels.map((label) => ({ item: null, label, words: words(label) })));
}

/**
 * What the title reads as, then the CP2011 job titles and ESCO labels completing the words typed (via
 * "completion"), each with the code its label reads as.
 */
export function suggestOccupations(q: string, limit: number): OccupationSuggestion[] {
  const read: OccupationSuggestion[] = resolveOccupation(q).concepts.map((c) => ({
    code: profileCodeOf(c),
    label: c.label,
    confidence: c.confidence,
    via: c.via,
    cp2011Unit: c.cp2011Unit,
    iscoGroup: c.iscoGroup,
    escoCode: c.escoCode,
  }));
  occupationLabels ??= occupationCompletables();
  const completions = complete(words(q), occupationLabels)
    .slice(0, limit)
    .flatMap((c): OccupationSuggestion[] => {
      const [concept] = resolveOccupation(c.label).concepts;
      if (!concept) return [];
      const { cp2011Unit, iscoGroup, escoCode } = concept;
      return [{ code: profileCodeOf(concept), label: c.label, confidence: c.confidence, via: "completion", cp2011Unit, iscoGroup, escoCode }];
    });
  return distinctByLabel([...read, ...completions]).slice(0, limit);
}

function distinctByLabel<T extends { label: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = codeKey(i.label);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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

let dictionary: Completable<string>[] | undefined;

/**
 * Competences for a text being typed: the concepts the text already states (CPI thesaurus and ANPAL), then
 * thesaurus concepts (by label or wording) and ANPAL competences completing the words typed. A concept is
 * suggested once, under its best wording.
 */
export function suggestCompetences(q: string, limit: number): CompetenceSuggestion[] {
  const stated = resolveCompetenceConcepts(q).map((c) => ({ code: c.id, label: c.label, confidence: round(c.confidence) }));
  dictionary ??= [
    ...loadCompetenceConcepts()
      .filter((c) => c.kind !== "head")
      .flatMap((c) => [c.label, ...c.terms].map((label) => ({ item: c.concept, label, words: words(label) }))),
    ...loadAnpalCompetences().map((c) => ({ item: `anpal:${c.code}`, label: c.label, words: words(c.label) })),
  ];
  const completions = complete(words(q), dictionary).map((c) => ({ code: c.item, label: c.label, confidence: c.confidence }));
  const seen = new Set<string>();
  return [...stated, ...completions].filter((s) => !seen.has(s.code) && seen.add(s.code)).slice(0, limit);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
