/**
 * Competence normalisation and matching. A competence is free text ("Uso del muletto", "patentino
 * carrelli elevatori", "gestione dei cedolini"); it is reduced to canonical stems (the project's analysis,
 * then the competence rows of data/taxonomy/synonyms.csv) and read as competence concepts (the thesaurus in
 * data/taxonomy/competence-concepts.csv, see competence-concepts.ts) plus the words no concept explains;
 * the ANPAL dictionary adds the dictionary competence a text states. Two texts are compared concept by
 * concept, symmetrically, so "elaborazione delle buste paga" meets "gestione dei cedolini" and word order,
 * articles, plural, gender and derived forms do not matter.
 *
 * The functions are deterministic and side-effect free; on first use they read the synonyms list, the
 * thesaurus and the ANPAL dictionary once (the dictionary gives word weights: "gestione" or "uso" say less
 * than "muletto"). Readings of a text and answers for a pair are memoised: competences recur.
 * Missing data never counts as a match: an empty offer covers nothing, and a requirement with no content
 * words cannot be covered.
 */
import {
  loadAnpalCompetences,
  loadAnpalProfiles,
  loadProfileCompetenceLinks,
  type AnpalCompetence,
} from "./load-competences.js";
import { ConceptThesaurus, ROOT_CREDIT, loadCompetenceConcepts, sameRoot, type ConceptInfo } from "./competence-concepts.js";
import { PhraseRewriter, loadSynonyms } from "./synonyms.js";
import { boundedEditDistance } from "../text/edit-distance.js";
import { TYPO_CREDIT, allowedTypos, StemVocabulary } from "./token-similarity.js";

/** Matching thresholds, in one place for the matching configuration. */
export const COMPETENCE_MATCHING = {
  /** A requirement is covered by the best offered competence at or above this similarity. */
  threshold: 0.6,
  /**
   * Resolving a text to the ANPAL dictionary: share of the similarity that is coverage of the entry's
   * words (the rest is symmetric overlap).
   */
  coverageShare: 0.7,
  /** Credit for a concept met only through a related one ("saldatura TIG" / "saldatura a filo"). */
  relatedCredit: 0.5,
  /**
   * Weight of a word no concept explains, in a text that does state a concept: a qualifier ("elettrico"
   * in "transpallet elettrico") says less than the concept it qualifies.
   */
  leftoverShare: 0.5,
  /** The same for a head word ("uso", "gestione", "patentino"): it says least of all what the competence is. */
  headShare: 0.25,
  /** A text is taken as an ANPAL dictionary competence at or above this similarity. */
  resolveThreshold: 0.85,
} as const;

export interface CompetenceMatchResult {
  /**
   * One entry per covered requirement, with the offered competence that covers it best and the concept
   * both state (null when the words match without a concept).
   */
  matched: { required: string; offered: string; similarity: number; concept: string | null }[];
  /**
   * Requirements not covered whose best offered competence states a related concept: partial credit.
   * `concept` is the requirement's concept, `relatedConcept` the offered one's.
   */
  partial: { required: string; offered: string; similarity: number; concept: string; relatedConcept: string }[];
  /** Requirements no offered competence covers (in the order given), the partly covered included. */
  missing: string[];
}

export interface ResolvedCompetence {
  code: string;
  label: string;
  similarity: number;
}

export interface ProfileCompetence {
  code: string;
  label: string;
  /** ANPAL competence type code as published (cod_tipo_competenza). */
  type: string | null;
}

interface CompetenceData {
  rewriter: PhraseRewriter;
  thesaurus: ConceptThesaurus;
  vocabulary: StemVocabulary;
  dictionary: { competence: AnpalCompetence; stems: string[] }[];
  postings: Map<string, number[]>;
  byCode: Map<string, AnpalCompetence>;
  linksByProfile: Map<string, { competence: string; type: string | null }[]>;
  profileCodes: Set<string>;
}

let data: CompetenceData | null = null;

function competenceData(): CompetenceData {
  if (data) return data;
  const rewriter = new PhraseRewriter(loadSynonyms().filter((s) => s.domain === "competence"));
  const vocabulary = new StemVocabulary();
  const dictionary: CompetenceData["dictionary"] = [];
  const postings = new Map<string, number[]>();
  const byCode = new Map<string, AnpalCompetence>();
  for (const competence of loadAnpalCompetences()) {
    const stems = [...new Set(rewriter.rewrite(competence.label, { keepLicenceCategories: true }).stems)];
    byCode.set(competence.code, competence);
    if (stems.length === 0) continue;
    vocabulary.addDocument(stems);
    for (const s of stems) postings.set(s, [...(postings.get(s) ?? []), dictionary.length]);
    dictionary.push({ competence, stems });
  }
  const linksByProfile = new Map<string, { competence: string; type: string | null }[]>();
  for (const l of loadProfileCompetenceLinks()) {
    linksByProfile.set(l.profile, [...(linksByProfile.get(l.profile) ?? []), { competence: l.competence, type: l.type }]);
  }
  const profileCodes = new Set(loadAnpalProfiles().map((p) => p.code));
  const thesaurus = new ConceptThesaurus(
    loadCompetenceConcepts(),
    (text) => rewriter.rewrite(text, { keepLicenceCategories: true }).stems,
    (stem) => vocabulary.has(stem),
  );
  data = { rewriter, thesaurus, vocabulary, dictionary, postings, byCode, linksByProfile, profileCodes };
  return data;
}

const memo = new Map<string, string[]>();

/**
 * Canonical stems of a competence text, distinct, in text order: the unit of comparison here and what a
 * caller counts for rarity statistics.
 */
export function competenceTokens(text: string): string[] {
  const cached = memo.get(text);
  if (cached) return cached;
  const stems = [...new Set(competenceData().rewriter.rewrite(text, { keepLicenceCategories: true }).stems)];
  if (memo.size > 50_000) memo.clear();
  memo.set(text, stems);
  return stems;
}

/**
 * How well `token` is present among `others`: 1 verbatim, ROOT_CREDIT for a derived form of the same root
 * (manutenzione / manutentore), TYPO_CREDIT for a near spelling, else 0. Both need the same first letter
 * (typos rarely touch it), so `others` may be just the words with the token's initial.
 */
function presence(token: string, others: readonly string[]): number {
  if (others.includes(token)) return 1;
  let best = 0;
  const max = allowedTypos(token.length);
  const initial = token.charCodeAt(0);
  for (const o of others) {
    if (o.charCodeAt(0) !== initial) continue;
    if (sameRoot(token, o)) return ROOT_CREDIT;
    if (max > 0 && best === 0 && allowedTypos(o.length) > 0 && !twoShortWords(token, o) && boundedEditDistance(token, o, max) <= max) best = TYPO_CREDIT;
  }
  return best;
}

/** Two known words of under seven letters are different words, not a typo ("cucito" / "cucina"). */
function twoShortWords(a: string, b: string): boolean {
  if (a.length >= 7 && b.length >= 7) return false;
  const { vocabulary, thesaurus } = competenceData();
  const known = (s: string) => vocabulary.has(s) || thesaurus.knows(s);
  return known(a) && known(b);
}

/** Asymmetric coverage of a dictionary entry's stems, for resolving a text to the ANPAL dictionary. */
function stemSimilarity(req: readonly string[], off: readonly string[]): number {
  if (req.length === 0 || off.length === 0) return 0;
  const { vocabulary } = competenceData();
  let reqWeight = 0;
  let covered = 0;
  for (const r of req) {
    const w = vocabulary.idf(r);
    reqWeight += w;
    covered += w * presence(r, off);
  }
  let offWeight = 0;
  let offCovered = 0;
  for (const o of off) {
    const w = vocabulary.idf(o);
    offWeight += w;
    offCovered += w * presence(o, req);
  }
  const coverage = covered / reqWeight;
  const overlap = (covered + offCovered) / (reqWeight + offWeight);
  const s = COMPETENCE_MATCHING.coverageShare * coverage + (1 - COMPETENCE_MATCHING.coverageShare) * overlap;
  return Math.round(s * 1000) / 1000;
}

/** One part of a competence text: a concept it states, or a word no concept explains. */
interface Unit {
  concept: ConceptInfo | null;
  credit: number;
  /** The concept's words in this text, or the one word. */
  stems: string[];
  weight: number;
}

interface Reading {
  stems: string[];
  /** The stems by first letter, for `presence`. */
  byInitial: Map<number, string[]>;
  units: Unit[];
  weight: number;
  anpal: ResolvedCompetence | null;
}

const readingMemo = new Map<string, Reading>();

/** A text read as concepts and leftover words, each weighted by its rarest word; memoised per text. */
function readCompetence(text: string): Reading {
  const cached = readingMemo.get(text);
  if (cached) return cached;
  const { thesaurus, vocabulary } = competenceData();
  const reading = thesaurus.read(competenceTokens(text));
  const units: Unit[] = reading.hits.map((h) => {
    const stems = h.positions.map((p) => reading.stems[p] ?? "");
    return { concept: h.concept, credit: h.credit, stems, weight: Math.max(...stems.map((s) => vocabulary.idf(s))) };
  });
  const stated = units.length > 0;
  for (const p of reading.leftover) {
    const stem = reading.stems[p] ?? "";
    if (units.some((u) => u.concept === null && u.stems[0] === stem)) continue;
    const share = !stated ? 1 : thesaurus.isHead(stem) ? COMPETENCE_MATCHING.headShare : COMPETENCE_MATCHING.leftoverShare;
    units.push({ concept: null, credit: 1, stems: [stem], weight: share * vocabulary.idf(stem) });
  }
  const byInitial = new Map<number, string[]>();
  for (const stem of new Set(reading.stems)) byInitial.set(stem.charCodeAt(0), [...(byInitial.get(stem.charCodeAt(0)) ?? []), stem]);
  const result: Reading = {
    stems: reading.stems,
    byInitial,
    units,
    weight: units.reduce((sum, u) => sum + u.weight, 0),
    anpal: resolveCompetence(text),
  };
  if (readingMemo.size > 50_000) readingMemo.clear();
  readingMemo.set(text, result);
  return result;
}

/** How a pair's similarity came about, for the reason. */
interface CompetenceLink {
  similarity: number;
  /** The concept both texts state, when the best part of the match is one. */
  concept: string | null;
  /** When the best part of the match is two related concepts: this side's and the other side's. */
  related: { own: string; other: string } | null;
}

/** How well one unit of a text is present in another text: the same concept, a related one, or its words. */
function unitScore(u: Unit, other: Reading): { score: number; via: Unit | null } {
  const { thesaurus, vocabulary } = competenceData();
  let score = 0;
  let via: Unit | null = null;
  if (u.concept) {
    for (const v of other.units) {
      if (!v.concept) continue;
      const relation = v.concept.id === u.concept.id ? 1 : thesaurus.areRelated(u.concept.id, v.concept.id) ? COMPETENCE_MATCHING.relatedCredit : 0;
      const s = u.credit * v.credit * relation;
      if (s > score) [score, via] = [s, v];
    }
  }
  let total = 0;
  let present = 0;
  if (score === 1) return { score, via };
  for (const s of u.stems) {
    const w = vocabulary.idf(s);
    total += w;
    present += w * presence(s, other.byInitial.get(s.charCodeAt(0)) ?? []);
  }
  const words = total > 0 ? present / total : 0;
  return words > score ? { score: words, via: null } : { score, via };
}

/**
 * Symmetric similarity of two read texts: every unit of either text credited by its presence in the other,
 * weighted, over the weight of both (a weighted Dice coefficient over concepts and words). Two texts the
 * ANPAL dictionary reads as the same competence score at least their two resolution similarities.
 */
function linkReadings(a: Reading, b: Reading): CompetenceLink {
  if (a.units.length === 0 || b.units.length === 0) return { similarity: 0, concept: null, related: null };
  let covered = 0;
  let best: { gain: number; own: Unit; other: Unit } | null = null;
  for (const [side, other] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const u of side.units) {
      const { score, via } = unitScore(u, other);
      covered += u.weight * score;
      const gain = u.weight * score;
      if (via && u.concept && (!best || gain > best.gain)) best = side === a ? { gain, own: u, other: via } : { gain, own: via, other: u };
    }
  }
  let similarity = covered / (a.weight + b.weight);
  if (a.anpal && b.anpal && a.anpal.code === b.anpal.code) similarity = Math.max(similarity, a.anpal.similarity * b.anpal.similarity);
  similarity = Math.min(1, Math.round(similarity * 1000) / 1000);
  if (!best?.own.concept || !best.other.concept) return { similarity, concept: null, related: null };
  return best.own.concept.id === best.other.concept.id
    ? { similarity, concept: best.own.concept.label, related: null }
    : { similarity, concept: null, related: { own: best.own.concept.label, other: best.other.concept.label } };
}

/**
 * Pairs recur across thousands of people (competences come from a dictionary): each pair's answer is
 * remembered as asked. It is computed with the two texts in a fixed order, so both orders get the same
 * similarity.
 */
const pairMemo = new Map<string, Map<string, CompetenceLink>>();
let pairCount = 0;

/** The link seen from `x`'s side (related concepts named as `x`'s, then `y`'s). */
function linkFrom(x: string, y: string): CompetenceLink {
  let row = pairMemo.get(x);
  if (!row) pairMemo.set(x, (row = new Map()));
  const cached = row.get(y);
  if (cached) return cached;
  const ordered = x <= y;
  const link = ordered ? linkReadings(readCompetence(x), readCompetence(y)) : linkReadings(readCompetence(y), readCompetence(x));
  const oriented = ordered || !link.related ? link : { ...link, related: { own: link.related.other, other: link.related.own } };
  if (++pairCount > 500_000) {
    pairMemo.clear();
    pairCount = 0;
    pairMemo.set(x, (row = new Map()));
  }
  row.set(y, oriented);
  return oriented;
}

/**
 * Similarity 0..1 of two competence texts, symmetric: the concepts they state (the same one, or related
 * ones for partial credit) and the words no concept explains, tolerant of word order, derived forms and typos.
 */
export function competenceSimilarity(a: string, b: string): number {
  return linkFrom(a, b).similarity;
}

/**
 * Each requirement is covered by the most similar offered competence when that reaches the threshold, and
 * partly covered when the best one states only a related concept. Blank requirements are ignored; a
 * requirement is never covered by a blank or missing offer.
 */
export function matchCompetences(required: string[], offered: string[]): CompetenceMatchResult {
  const offers = offered.filter((o) => o.trim().length > 0);
  const matched: CompetenceMatchResult["matched"] = [];
  const partial: CompetenceMatchResult["partial"] = [];
  const missing: string[] = [];
  for (const r of required) {
    if (r.trim().length === 0) continue;
    let best: { offered: string; link: CompetenceLink } | null = null;
    for (const o of offers) {
      const link = linkFrom(r, o);
      if (!best || link.similarity > best.link.similarity) best = { offered: o, link };
    }
    if (best && best.link.similarity >= COMPETENCE_MATCHING.threshold) {
      matched.push({ required: r, offered: best.offered, similarity: best.link.similarity, concept: best.link.concept });
      continue;
    }
    missing.push(r);
    const related = best?.link.related;
    if (best && related && best.link.similarity > 0) {
      partial.push({ required: r, offered: best.offered, similarity: best.link.similarity, concept: related.own, relatedConcept: related.other });
    }
  }
  return { matched, partial, missing };
}

/** A concept a competence text states, with how sure the reading is (1 = stated in the thesaurus's words). */
export interface ResolvedConcept {
  /** Thesaurus id, or "anpal:<code>" for an ANPAL dictionary competence. */
  id: string;
  label: string;
  confidence: number;
}

/** The concepts a competence text states: thesaurus concepts, then the ANPAL competence it is, if any. */
export function resolveCompetenceConcepts(text: string): ResolvedConcept[] {
  const reading = readCompetence(text);
  const out: ResolvedConcept[] = reading.units.flatMap((u) => (u.concept ? [{ id: u.concept.id, label: u.concept.label, confidence: u.credit }] : []));
  if (reading.anpal) out.push({ id: `anpal:${reading.anpal.code}`, label: reading.anpal.label, confidence: reading.anpal.similarity });
  return out;
}

/** The ANPAL dictionary competence a text states, when it states one closely enough; else null. */
export function resolveCompetence(text: string): ResolvedCompetence | null {
  const cached = resolvedMemo.get(text);
  if (cached !== undefined) return cached;
  const resolved = resolveUncached(text);
  if (resolvedMemo.size > 50_000) resolvedMemo.clear();
  resolvedMemo.set(text, resolved);
  return resolved;
}

const resolvedMemo = new Map<string, ResolvedCompetence | null>();

function resolveUncached(text: string): ResolvedCompetence | null {
  const stems = competenceTokens(text);
  if (stems.length === 0) return null;
  const { dictionary, postings, vocabulary } = competenceData();
  // An entry close enough in both directions holds most of the text's weight, so it holds one of the
  // rarest words making up a fifth of it: only those words' entries are candidates.
  const byRarity = [...new Set(stems)].sort((a, b) => vocabulary.idf(b) - vocabulary.idf(a));
  const total = byRarity.reduce((sum, s) => sum + vocabulary.idf(s), 0);
  const candidates = new Set<number>();
  let seen = 0;
  for (const s of byRarity) {
    for (const i of postings.get(s) ?? []) candidates.add(i);
    seen += vocabulary.idf(s);
    if (seen > 0.2 * total) break;
  }
  let best: ResolvedCompetence | null = null;
  for (const i of candidates) {
    const entry = dictionary[i];
    if (!entry) continue;
    // Both directions: the text must state the competence, and not much more or less than it.
    const similarity = Math.min(stemSimilarity(entry.stems, stems), stemSimilarity(stems, entry.stems));
    if (!best || similarity > best.similarity || (similarity === best.similarity && entry.competence.code < best.code)) {
      best = { code: entry.competence.code, label: entry.competence.label, similarity };
    }
  }
  return best && best.similarity >= COMPETENCE_MATCHING.resolveThreshold ? best : null;
}

/** The competences ANPAL links to a professional profile (empty for an unknown profile). */
export function profileCompetences(anpalProfileCode: string): ProfileCompetence[] {
  const { linksByProfile, byCode } = competenceData();
  const out: ProfileCompetence[] = [];
  for (const l of linksByProfile.get(anpalProfileCode.trim()) ?? []) {
    const competence = byCode.get(l.competence);
    // A link to a competence missing from the dictionary has no text to show or match: skipped.
    if (competence) out.push({ code: competence.code, label: competence.label, type: l.type });
  }
  return out;
}

/** True when the profile code exists in the ANPAL profiles file. */
export function isKnownAnpalProfile(code: string): boolean {
  return competenceData().profileCodes.has(code.trim());
}

