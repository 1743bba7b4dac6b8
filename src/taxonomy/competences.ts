/**
 * Competence normalisation and matching. A competence is free text ("Uso del muletto", "patentino
 * carrelli elevatori", "conoscenza pacchetto Office"); it is reduced to canonical stems (the project's
 * analysis, then the competence rows of data/taxonomy/synonyms.csv) and compared token by token, so word
 * order, articles, plural and gender do not matter and "uso del muletto" meets "conduzione carrelli
 * elevatori".
 *
 * The functions are deterministic and side-effect free; on first use they read the synonyms list and the
 * ANPAL dictionary once (the dictionary gives word weights: "gestione" or "uso" say less than "muletto").
 * Missing data never counts as a match: an empty offer covers nothing, and a requirement with no content
 * words cannot be covered.
 */
import {
  loadAnpalCompetences,
  loadAnpalProfiles,
  loadProfileCompetenceLinks,
  type AnpalCompetence,
} from "./load-competences.js";
import { PhraseRewriter, loadSynonyms } from "./synonyms.js";
import { TYPO_CREDIT, allowedTypos, boundedLevenshtein, StemVocabulary } from "./token-similarity.js";

/** Matching thresholds, in one place for the matching configuration. */
export const COMPETENCE_MATCHING = {
  /** A requirement is covered by the best offered competence at or above this similarity. */
  threshold: 0.6,
  /**
   * Share of the similarity that is coverage of the requirement's words (the rest is symmetric overlap):
   * what matters is that the person has what is asked, less that they wrote more.
   */
  coverageShare: 0.7,
  /** A text is taken as an ANPAL dictionary competence at or above this similarity. */
  resolveThreshold: 0.85,
} as const;

export interface CompetenceMatchResult {
  /** One entry per covered requirement, with the offered competence that covers it best. */
  matched: { required: string; offered: string; similarity: number }[];
  /** Requirements no offered competence covers (in the order given). */
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
  vocabulary.seal();
  const linksByProfile = new Map<string, { competence: string; type: string | null }[]>();
  for (const l of loadProfileCompetenceLinks()) {
    linksByProfile.set(l.profile, [...(linksByProfile.get(l.profile) ?? []), { competence: l.competence, type: l.type }]);
  }
  const profileCodes = new Set(loadAnpalProfiles().map((p) => p.code));
  data = { rewriter, vocabulary, dictionary, postings, byCode, linksByProfile, profileCodes };
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

/** How well `token` is present among `others`: 1 verbatim, TYPO_CREDIT for a near spelling, else 0. */
function presence(token: string, others: readonly string[]): number {
  if (others.includes(token)) return 1;
  const max = allowedTypos(token.length);
  if (max === 0) return 0;
  for (const o of others) {
    if (allowedTypos(o.length) > 0 && boundedLevenshtein(token, o, max) <= max) return TYPO_CREDIT;
  }
  return 0;
}

/** Similarity 0..1 of an offered competence to a required one (not symmetric: coverage of the requirement). */
export function competenceSimilarity(required: string, offered: string): number {
  return stemSimilarity(competenceTokens(required), competenceTokens(offered));
}

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

/**
 * Each requirement is covered by the most similar offered competence when that reaches the threshold;
 * the similarity (partial credit) is reported either way for covered ones. Blank requirements are
 * ignored; a requirement is never covered by a blank or missing offer.
 */
/**
 * Pairs recur across thousands of people (competences come from a dictionary), and the typo-tolerant
 * similarity is the costly part of scoring: remember each pair's answer.
 */
const pairMemo = new Map<string, Map<string, number>>();
let pairCount = 0;
function pairSimilarity(required: string, requiredStems: string[], offered: string, offeredStems: string[]): number {
  let row = pairMemo.get(required);
  if (!row) pairMemo.set(required, (row = new Map()));
  const cached = row.get(offered);
  if (cached !== undefined) return cached;
  const similarity = stemSimilarity(requiredStems, offeredStems);
  if (++pairCount > 500_000) {
    pairMemo.clear();
    pairCount = 0;
  }
  row.set(offered, similarity);
  return similarity;
}

export function matchCompetences(required: string[], offered: string[]): CompetenceMatchResult {
  const offers = offered.filter((o) => o.trim().length > 0).map((o) => ({ text: o, stems: competenceTokens(o) }));
  const matched: CompetenceMatchResult["matched"] = [];
  const missing: string[] = [];
  for (const r of required) {
    if (r.trim().length === 0) continue;
    const stems = competenceTokens(r);
    let best: { offered: string; similarity: number } | null = null;
    for (const o of offers) {
      const similarity = pairSimilarity(r, stems, o.text, o.stems);
      if (!best || similarity > best.similarity) best = { offered: o.text, similarity };
    }
    if (best && best.similarity >= COMPETENCE_MATCHING.threshold) matched.push({ required: r, offered: best.offered, similarity: best.similarity });
    else missing.push(r);
  }
  return { matched, missing };
}

/** The ANPAL dictionary competence a text states, when it states one closely enough; else null. */
export function resolveCompetence(text: string): ResolvedCompetence | null {
  const stems = competenceTokens(text);
  if (stems.length === 0) return null;
  const { dictionary, postings } = competenceData();
  const candidates = new Set<number>();
  for (const s of stems) for (const i of postings.get(s) ?? []) candidates.add(i);
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

